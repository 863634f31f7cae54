from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.messaging.models.member_figures_public import MemberFiguresPublic





T = TypeVar("T", bound="ConversationStatisticsPublic")



@_attrs_define
class ConversationStatisticsPublic:
    """ 
        Attributes:
            conversation_id (UUID):
            relationship_id (UUID):
            programme_id (UUID):
            status (str):
            started_at (datetime.datetime):
            ended_at (datetime.datetime | None):
            message_count (int):
            last_activity_at (datetime.datetime | None):
            members (list[MemberFiguresPublic]):
     """

    conversation_id: UUID
    relationship_id: UUID
    programme_id: UUID
    status: str
    started_at: datetime.datetime
    ended_at: datetime.datetime | None
    message_count: int
    last_activity_at: datetime.datetime | None
    members: list[MemberFiguresPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.messaging.models.member_figures_public import MemberFiguresPublic # noqa: PLC0415
        conversation_id = str(self.conversation_id)

        relationship_id = str(self.relationship_id)

        programme_id = str(self.programme_id)

        status = self.status

        started_at = self.started_at.isoformat()

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        message_count = self.message_count

        last_activity_at: None | str
        if isinstance(self.last_activity_at, datetime.datetime):
            last_activity_at = self.last_activity_at.isoformat()
        else:
            last_activity_at = self.last_activity_at

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conversation_id": conversation_id,
            "relationship_id": relationship_id,
            "programme_id": programme_id,
            "status": status,
            "started_at": started_at,
            "ended_at": ended_at,
            "message_count": message_count,
            "last_activity_at": last_activity_at,
            "members": members,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.messaging.models.member_figures_public import MemberFiguresPublic # noqa: PLC0415
        d = dict(src_dict)
        conversation_id = UUID(d.pop("conversation_id"))




        relationship_id = UUID(d.pop("relationship_id"))




        programme_id = UUID(d.pop("programme_id"))




        status = d.pop("status")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))




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


        message_count = d.pop("message_count")

        def _parse_last_activity_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_activity_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_activity_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_activity_at = _parse_last_activity_at(d.pop("last_activity_at"))


        members = []
        _members = d.pop("members")
        for members_item_data in (_members):
            members_item = MemberFiguresPublic.from_dict(members_item_data)



            members.append(members_item)


        conversation_statistics_public = cls(
            conversation_id=conversation_id,
            relationship_id=relationship_id,
            programme_id=programme_id,
            status=status,
            started_at=started_at,
            ended_at=ended_at,
            message_count=message_count,
            last_activity_at=last_activity_at,
            members=members,
        )


        conversation_statistics_public.additional_properties = d
        return conversation_statistics_public

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
