from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset







T = TypeVar("T", bound="ThreadLock")



@_attrs_define
class ThreadLock:
    """ 
        Attributes:
            locked (bool):
     """

    locked: bool





    def to_dict(self) -> dict[str, Any]:
        locked = self.locked


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "locked": locked,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        locked = d.pop("locked")

        thread_lock = cls(
            locked=locked,
        )

        return thread_lock

