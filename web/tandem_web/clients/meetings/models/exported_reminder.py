from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ExportedReminder")



@_attrs_define
class ExportedReminder:
    """ 
        Attributes:
            meeting_id (UUID):
            offset_minutes (int):
            due_at (datetime.datetime):
     """

    meeting_id: UUID
    offset_minutes: int
    due_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        meeting_id = str(self.meeting_id)

        offset_minutes = self.offset_minutes

        due_at = self.due_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "meeting_id": meeting_id,
            "offset_minutes": offset_minutes,
            "due_at": due_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        meeting_id = UUID(d.pop("meeting_id"))




        offset_minutes = d.pop("offset_minutes")

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))




        exported_reminder = cls(
            meeting_id=meeting_id,
            offset_minutes=offset_minutes,
            due_at=due_at,
        )


        exported_reminder.additional_properties = d
        return exported_reminder

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
