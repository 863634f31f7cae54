from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="PostVisibilityPublic")



@_attrs_define
class PostVisibilityPublic:
    """ 
        Attributes:
            hidden (bool):
            post_id (UUID):
     """

    hidden: bool
    post_id: UUID





    def to_dict(self) -> dict[str, Any]:
        hidden = self.hidden

        post_id = str(self.post_id)


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "hidden": hidden,
            "post_id": post_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hidden = d.pop("hidden")

        post_id = UUID(d.pop("post_id"))




        post_visibility_public = cls(
            hidden=hidden,
            post_id=post_id,
        )

        return post_visibility_public

