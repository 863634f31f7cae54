from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="NotePublic")



@_attrs_define
class NotePublic:
    """ 
        Attributes:
            id (UUID):
            meeting_id (UUID):
            relationship_id (UUID):
            author_id (UUID):
            mine (bool): Whether the caller wrote it (only the author edits it).
            text (str):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    meeting_id: UUID
    relationship_id: UUID
    author_id: UUID
    mine: bool
    text: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        meeting_id = str(self.meeting_id)

        relationship_id = str(self.relationship_id)

        author_id = str(self.author_id)

        mine = self.mine

        text = self.text

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "meeting_id": meeting_id,
            "relationship_id": relationship_id,
            "author_id": author_id,
            "mine": mine,
            "text": text,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        meeting_id = UUID(d.pop("meeting_id"))




        relationship_id = UUID(d.pop("relationship_id"))




        author_id = UUID(d.pop("author_id"))




        mine = d.pop("mine")

        text = d.pop("text")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        note_public = cls(
            id=id,
            meeting_id=meeting_id,
            relationship_id=relationship_id,
            author_id=author_id,
            mine=mine,
            text=text,
            created_at=created_at,
            updated_at=updated_at,
        )


        note_public.additional_properties = d
        return note_public

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
