from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from tandem_web.clients.messaging.models.text_format import TextFormat
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from tandem_web.clients.messaging.models.person import Person





T = TypeVar("T", bound="PostPublic")



@_attrs_define
class PostPublic:
    """ 
        Attributes:
            id (UUID):
            thread_id (UUID):
            forum_id (UUID):
            seq (int):
            author (Person): Who wrote something, as members see it (erased authors: 'former member').
            body (str): '[hidden]' for members when a moderator hid it; '[deleted]' once its author was erased.
            format_ (TextFormat): Markdown is stored as its source text; clients render it (no HTML is kept).
            in_reply_to (None | UUID):
            posted_at (datetime.datetime):
            hidden (bool):
            deleted (bool):
     """

    id: UUID
    thread_id: UUID
    forum_id: UUID
    seq: int
    author: Person
    body: str
    format_: TextFormat
    in_reply_to: None | UUID
    posted_at: datetime.datetime
    hidden: bool
    deleted: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.messaging.models.person import Person # noqa: PLC0415
        id = str(self.id)

        thread_id = str(self.thread_id)

        forum_id = str(self.forum_id)

        seq = self.seq

        author = self.author.to_dict()

        body = self.body

        format_ = self.format_.value

        in_reply_to: None | str
        if isinstance(self.in_reply_to, UUID):
            in_reply_to = str(self.in_reply_to)
        else:
            in_reply_to = self.in_reply_to

        posted_at = self.posted_at.isoformat()

        hidden = self.hidden

        deleted = self.deleted


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "thread_id": thread_id,
            "forum_id": forum_id,
            "seq": seq,
            "author": author,
            "body": body,
            "format": format_,
            "in_reply_to": in_reply_to,
            "posted_at": posted_at,
            "hidden": hidden,
            "deleted": deleted,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.messaging.models.person import Person # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        thread_id = UUID(d.pop("thread_id"))




        forum_id = UUID(d.pop("forum_id"))




        seq = d.pop("seq")

        author = Person.from_dict(d.pop("author"))




        body = d.pop("body")

        format_ = TextFormat(d.pop("format"))




        def _parse_in_reply_to(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                in_reply_to_type_0 = UUID(data)



                return in_reply_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        in_reply_to = _parse_in_reply_to(d.pop("in_reply_to"))


        posted_at = datetime.datetime.fromisoformat(d.pop("posted_at"))




        hidden = d.pop("hidden")

        deleted = d.pop("deleted")

        post_public = cls(
            id=id,
            thread_id=thread_id,
            forum_id=forum_id,
            seq=seq,
            author=author,
            body=body,
            format_=format_,
            in_reply_to=in_reply_to,
            posted_at=posted_at,
            hidden=hidden,
            deleted=deleted,
        )


        post_public.additional_properties = d
        return post_public

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
