from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ExportedNote")



@_attrs_define
class ExportedNote:
    """ 
        Attributes:
            note_id (UUID):
            meeting_id (UUID):
            relationship_id (UUID):
            text (None | str): Null only if it can no longer be opened.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    note_id: UUID
    meeting_id: UUID
    relationship_id: UUID
    text: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        note_id = str(self.note_id)

        meeting_id = str(self.meeting_id)

        relationship_id = str(self.relationship_id)

        text: None | str
        text = self.text

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "note_id": note_id,
            "meeting_id": meeting_id,
            "relationship_id": relationship_id,
            "text": text,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        note_id = UUID(d.pop("note_id"))




        meeting_id = UUID(d.pop("meeting_id"))




        relationship_id = UUID(d.pop("relationship_id"))




        def _parse_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        text = _parse_text(d.pop("text"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        exported_note = cls(
            note_id=note_id,
            meeting_id=meeting_id,
            relationship_id=relationship_id,
            text=text,
            created_at=created_at,
            updated_at=updated_at,
        )


        exported_note.additional_properties = d
        return exported_note

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
