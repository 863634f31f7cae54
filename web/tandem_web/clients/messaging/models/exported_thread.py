from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ExportedThread")



@_attrs_define
class ExportedThread:
    """ 
        Attributes:
            forum_id (UUID):
            thread_id (UUID):
            title (None | str):
            created_at (datetime.datetime):
     """

    forum_id: UUID
    thread_id: UUID
    title: None | str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        forum_id = str(self.forum_id)

        thread_id = str(self.thread_id)

        title: None | str
        title = self.title

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "forum_id": forum_id,
            "thread_id": thread_id,
            "title": title,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        forum_id = UUID(d.pop("forum_id"))




        thread_id = UUID(d.pop("thread_id"))




        def _parse_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        title = _parse_title(d.pop("title"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        exported_thread = cls(
            forum_id=forum_id,
            thread_id=thread_id,
            title=title,
            created_at=created_at,
        )


        exported_thread.additional_properties = d
        return exported_thread

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
