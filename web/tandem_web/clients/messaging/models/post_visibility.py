from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset







T = TypeVar("T", bound="PostVisibility")



@_attrs_define
class PostVisibility:
    """ 
        Attributes:
            hidden (bool):
     """

    hidden: bool





    def to_dict(self) -> dict[str, Any]:
        hidden = self.hidden


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "hidden": hidden,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hidden = d.pop("hidden")

        post_visibility = cls(
            hidden=hidden,
        )

        return post_visibility

