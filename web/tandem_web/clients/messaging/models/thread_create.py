from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from tandem_web.clients.messaging.models.text_format import TextFormat
from tandem_web.clients.messaging.types import UNSET, Unset






T = TypeVar("T", bound="ThreadCreate")



@_attrs_define
class ThreadCreate:
    """ 
        Attributes:
            title (str): At most the configured length (200) → 413.
            body (str): The first post; plain text or Markdown source.
            format_ (TextFormat | Unset): Markdown is stored as its source text; clients render it (no HTML is kept).
     """

    title: str
    body: str
    format_: TextFormat | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        title = self.title

        body = self.body

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "title": title,
            "body": body,
        })
        if format_ is not UNSET:
            field_dict["format"] = format_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        body = d.pop("body")

        _format_ = d.pop("format", UNSET)
        format_: TextFormat | Unset
        if isinstance(_format_,  Unset):
            format_ = UNSET
        else:
            format_ = TextFormat(_format_)




        thread_create = cls(
            title=title,
            body=body,
            format_=format_,
        )

        return thread_create

