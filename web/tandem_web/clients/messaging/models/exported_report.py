from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ExportedReport")



@_attrs_define
class ExportedReport:
    """ 
        Attributes:
            report_id (UUID):
            target_kind (str):
            target_id (UUID):
            reason (str):
            note (None | str):
            created_at (datetime.datetime):
     """

    report_id: UUID
    target_kind: str
    target_id: UUID
    reason: str
    note: None | str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        report_id = str(self.report_id)

        target_kind = self.target_kind

        target_id = str(self.target_id)

        reason = self.reason

        note: None | str
        note = self.note

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "report_id": report_id,
            "target_kind": target_kind,
            "target_id": target_id,
            "reason": reason,
            "note": note,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        report_id = UUID(d.pop("report_id"))




        target_kind = d.pop("target_kind")

        target_id = UUID(d.pop("target_id"))




        reason = d.pop("reason")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        exported_report = cls(
            report_id=report_id,
            target_kind=target_kind,
            target_id=target_id,
            reason=reason,
            note=note,
            created_at=created_at,
        )


        exported_report.additional_properties = d
        return exported_report

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
