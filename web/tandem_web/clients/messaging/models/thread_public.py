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
  from tandem_web.clients.messaging.models.person import Person





T = TypeVar("T", bound="ThreadPublic")



@_attrs_define
class ThreadPublic:
    """ 
        Attributes:
            id (UUID):
            forum_id (UUID):
            seq (int):
            title (str): '[deleted]' once its author was erased.
            author (Person): Who wrote something, as members see it (erased authors: 'former member').
            locked (bool):
            post_count (int):
            created_at (datetime.datetime):
            last_post_at (datetime.datetime):
     """

    id: UUID
    forum_id: UUID
    seq: int
    title: str
    author: Person
    locked: bool
    post_count: int
    created_at: datetime.datetime
    last_post_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.messaging.models.person import Person # noqa: PLC0415
        id = str(self.id)

        forum_id = str(self.forum_id)

        seq = self.seq

        title = self.title

        author = self.author.to_dict()

        locked = self.locked

        post_count = self.post_count

        created_at = self.created_at.isoformat()

        last_post_at = self.last_post_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "forum_id": forum_id,
            "seq": seq,
            "title": title,
            "author": author,
            "locked": locked,
            "post_count": post_count,
            "created_at": created_at,
            "last_post_at": last_post_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.messaging.models.person import Person # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        forum_id = UUID(d.pop("forum_id"))




        seq = d.pop("seq")

        title = d.pop("title")

        author = Person.from_dict(d.pop("author"))




        locked = d.pop("locked")

        post_count = d.pop("post_count")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        last_post_at = datetime.datetime.fromisoformat(d.pop("last_post_at"))




        thread_public = cls(
            id=id,
            forum_id=forum_id,
            seq=seq,
            title=title,
            author=author,
            locked=locked,
            post_count=post_count,
            created_at=created_at,
            last_post_at=last_post_at,
        )


        thread_public.additional_properties = d
        return thread_public

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
