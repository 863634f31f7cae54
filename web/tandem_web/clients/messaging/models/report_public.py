from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from tandem_web.clients.messaging.models.report_public_target_kind import ReportPublicTargetKind
from tandem_web.clients.messaging.models.report_reason import ReportReason
from tandem_web.clients.messaging.models.report_status import ReportStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.messaging.models.report_party import ReportParty





T = TypeVar("T", bound="ReportPublic")



@_attrs_define
class ReportPublic:
    """ 
        Attributes:
            id (UUID):
            target_kind (ReportPublicTargetKind):
            container_id (UUID): The conversation or forum.
            target_id (UUID):
            author (ReportParty):
            reporter (ReportParty):
            reason (ReportReason):
            note (None | str):
            excerpt (None | str): Only when the reporter chose to include it.
            status (ReportStatus):
            created_at (datetime.datetime):
            resolved_at (datetime.datetime | None):
     """

    id: UUID
    target_kind: ReportPublicTargetKind
    container_id: UUID
    target_id: UUID
    author: ReportParty
    reporter: ReportParty
    reason: ReportReason
    note: None | str
    excerpt: None | str
    status: ReportStatus
    created_at: datetime.datetime
    resolved_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.messaging.models.report_party import ReportParty # noqa: PLC0415
        id = str(self.id)

        target_kind = self.target_kind.value

        container_id = str(self.container_id)

        target_id = str(self.target_id)

        author = self.author.to_dict()

        reporter = self.reporter.to_dict()

        reason = self.reason.value

        note: None | str
        note = self.note

        excerpt: None | str
        excerpt = self.excerpt

        status = self.status.value

        created_at = self.created_at.isoformat()

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "target_kind": target_kind,
            "container_id": container_id,
            "target_id": target_id,
            "author": author,
            "reporter": reporter,
            "reason": reason,
            "note": note,
            "excerpt": excerpt,
            "status": status,
            "created_at": created_at,
            "resolved_at": resolved_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.messaging.models.report_party import ReportParty # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        target_kind = ReportPublicTargetKind(d.pop("target_kind"))




        container_id = UUID(d.pop("container_id"))




        target_id = UUID(d.pop("target_id"))




        author = ReportParty.from_dict(d.pop("author"))




        reporter = ReportParty.from_dict(d.pop("reporter"))




        reason = ReportReason(d.pop("reason"))




        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        def _parse_excerpt(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        excerpt = _parse_excerpt(d.pop("excerpt"))


        status = ReportStatus(d.pop("status"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)



                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))


        report_public = cls(
            id=id,
            target_kind=target_kind,
            container_id=container_id,
            target_id=target_id,
            author=author,
            reporter=reporter,
            reason=reason,
            note=note,
            excerpt=excerpt,
            status=status,
            created_at=created_at,
            resolved_at=resolved_at,
        )


        report_public.additional_properties = d
        return report_public

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
