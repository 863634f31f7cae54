from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from tandem_web.clients.matching.models.end_reason import EndReason
from tandem_web.clients.matching.models.ended_by import EndedBy
from tandem_web.clients.matching.models.mentoring_format import MentoringFormat
from tandem_web.clients.matching.models.relationship_status import RelationshipStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.matching.models.member_public import MemberPublic





T = TypeVar("T", bound="RelationshipPublic")



@_attrs_define
class RelationshipPublic:
    """ 
        Attributes:
            id (UUID):
            programme_id (UUID):
            run_id (None | UUID):
            request_id (None | UUID):
            format_ (MentoringFormat):
            status (RelationshipStatus):
            score (float):
            mentor_id (UUID):
            members (list[MemberPublic]):
            starts_on (datetime.date | None):
            agreed_end_date (datetime.date):
            ended_at (datetime.datetime | None):
            ended_by (EndedBy | None):
            end_reason (EndReason | None):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    programme_id: UUID
    run_id: None | UUID
    request_id: None | UUID
    format_: MentoringFormat
    status: RelationshipStatus
    score: float
    mentor_id: UUID
    members: list[MemberPublic]
    starts_on: datetime.date | None
    agreed_end_date: datetime.date
    ended_at: datetime.datetime | None
    ended_by: EndedBy | None
    end_reason: EndReason | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.matching.models.member_public import MemberPublic # noqa: PLC0415
        id = str(self.id)

        programme_id = str(self.programme_id)

        run_id: None | str
        if isinstance(self.run_id, UUID):
            run_id = str(self.run_id)
        else:
            run_id = self.run_id

        request_id: None | str
        if isinstance(self.request_id, UUID):
            request_id = str(self.request_id)
        else:
            request_id = self.request_id

        format_ = self.format_.value

        status = self.status.value

        score = self.score

        mentor_id = str(self.mentor_id)

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)



        starts_on: None | str
        if isinstance(self.starts_on, datetime.date):
            starts_on = self.starts_on.isoformat()
        else:
            starts_on = self.starts_on

        agreed_end_date = self.agreed_end_date.isoformat()

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        ended_by: None | str
        if isinstance(self.ended_by, EndedBy):
            ended_by = self.ended_by.value
        else:
            ended_by = self.ended_by

        end_reason: None | str
        if isinstance(self.end_reason, EndReason):
            end_reason = self.end_reason.value
        else:
            end_reason = self.end_reason

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "programme_id": programme_id,
            "run_id": run_id,
            "request_id": request_id,
            "format": format_,
            "status": status,
            "score": score,
            "mentor_id": mentor_id,
            "members": members,
            "starts_on": starts_on,
            "agreed_end_date": agreed_end_date,
            "ended_at": ended_at,
            "ended_by": ended_by,
            "end_reason": end_reason,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.matching.models.member_public import MemberPublic # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        programme_id = UUID(d.pop("programme_id"))




        def _parse_run_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                run_id_type_0 = UUID(data)



                return run_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        run_id = _parse_run_id(d.pop("run_id"))


        def _parse_request_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                request_id_type_0 = UUID(data)



                return request_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        request_id = _parse_request_id(d.pop("request_id"))


        format_ = MentoringFormat(d.pop("format"))




        status = RelationshipStatus(d.pop("status"))




        score = d.pop("score")

        mentor_id = UUID(d.pop("mentor_id"))




        members = []
        _members = d.pop("members")
        for members_item_data in (_members):
            members_item = MemberPublic.from_dict(members_item_data)



            members.append(members_item)


        def _parse_starts_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_on_type_0 = datetime.date.fromisoformat(data)



                return starts_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        starts_on = _parse_starts_on(d.pop("starts_on"))


        agreed_end_date = datetime.date.fromisoformat(d.pop("agreed_end_date"))




        def _parse_ended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)



                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ended_at = _parse_ended_at(d.pop("ended_at"))


        def _parse_ended_by(data: object) -> EndedBy | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_by_type_0 = EndedBy(data)



                return ended_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EndedBy | None, data)

        ended_by = _parse_ended_by(d.pop("ended_by"))


        def _parse_end_reason(data: object) -> EndReason | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_reason_type_0 = EndReason(data)



                return end_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EndReason | None, data)

        end_reason = _parse_end_reason(d.pop("end_reason"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        relationship_public = cls(
            id=id,
            programme_id=programme_id,
            run_id=run_id,
            request_id=request_id,
            format_=format_,
            status=status,
            score=score,
            mentor_id=mentor_id,
            members=members,
            starts_on=starts_on,
            agreed_end_date=agreed_end_date,
            ended_at=ended_at,
            ended_by=ended_by,
            end_reason=end_reason,
            created_at=created_at,
            updated_at=updated_at,
        )


        relationship_public.additional_properties = d
        return relationship_public

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
