from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ExportedPost")



@_attrs_define
class ExportedPost:
    """ 
        Attributes:
            forum_id (UUID):
            thread_id (UUID):
            post_id (UUID):
            posted_at (datetime.datetime):
            format_ (str):
            body (None | str):
            in_reply_to (None | UUID):
            hidden (bool):
     """

    forum_id: UUID
    thread_id: UUID
    post_id: UUID
    posted_at: datetime.datetime
    format_: str
    body: None | str
    in_reply_to: None | UUID
    hidden: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        forum_id = str(self.forum_id)

        thread_id = str(self.thread_id)

        post_id = str(self.post_id)

        posted_at = self.posted_at.isoformat()

        format_ = self.format_

        body: None | str
        body = self.body

        in_reply_to: None | str
        if isinstance(self.in_reply_to, UUID):
            in_reply_to = str(self.in_reply_to)
        else:
            in_reply_to = self.in_reply_to

        hidden = self.hidden


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "forum_id": forum_id,
            "thread_id": thread_id,
            "post_id": post_id,
            "posted_at": posted_at,
            "format": format_,
            "body": body,
            "in_reply_to": in_reply_to,
            "hidden": hidden,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        forum_id = UUID(d.pop("forum_id"))




        thread_id = UUID(d.pop("thread_id"))




        post_id = UUID(d.pop("post_id"))




        posted_at = datetime.datetime.fromisoformat(d.pop("posted_at"))




        format_ = d.pop("format")

        def _parse_body(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        body = _parse_body(d.pop("body"))


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


        hidden = d.pop("hidden")

        exported_post = cls(
            forum_id=forum_id,
            thread_id=thread_id,
            post_id=post_id,
            posted_at=posted_at,
            format_=format_,
            body=body,
            in_reply_to=in_reply_to,
            hidden=hidden,
        )


        exported_post.additional_properties = d
        return exported_post

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
