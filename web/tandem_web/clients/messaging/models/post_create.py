from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from tandem_web.clients.messaging.models.text_format import TextFormat
from tandem_web.clients.messaging.types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="PostCreate")



@_attrs_define
class PostCreate:
    """ 
        Attributes:
            body (str):
            format_ (TextFormat | Unset): Markdown is stored as its source text; clients render it (no HTML is kept).
            in_reply_to (None | Unset | UUID): A post of the same thread.
     """

    body: str
    format_: TextFormat | Unset = UNSET
    in_reply_to: None | Unset | UUID = UNSET





    def to_dict(self) -> dict[str, Any]:
        body = self.body

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value


        in_reply_to: None | str | Unset
        if isinstance(self.in_reply_to, Unset):
            in_reply_to = UNSET
        elif isinstance(self.in_reply_to, UUID):
            in_reply_to = str(self.in_reply_to)
        else:
            in_reply_to = self.in_reply_to


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "body": body,
        })
        if format_ is not UNSET:
            field_dict["format"] = format_
        if in_reply_to is not UNSET:
            field_dict["in_reply_to"] = in_reply_to

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        _format_ = d.pop("format", UNSET)
        format_: TextFormat | Unset
        if isinstance(_format_,  Unset):
            format_ = UNSET
        else:
            format_ = TextFormat(_format_)




        def _parse_in_reply_to(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                in_reply_to_type_0 = UUID(data)



                return in_reply_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        in_reply_to = _parse_in_reply_to(d.pop("in_reply_to", UNSET))


        post_create = cls(
            body=body,
            format_=format_,
            in_reply_to=in_reply_to,
        )

        return post_create

