from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="ThreadLockPublic")



@_attrs_define
class ThreadLockPublic:
    """ 
        Attributes:
            locked (bool):
            thread_id (UUID):
     """

    locked: bool
    thread_id: UUID





    def to_dict(self) -> dict[str, Any]:
        locked = self.locked

        thread_id = str(self.thread_id)


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "locked": locked,
            "thread_id": thread_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        locked = d.pop("locked")

        thread_id = UUID(d.pop("thread_id"))




        thread_lock_public = cls(
            locked=locked,
            thread_id=thread_id,
        )

        return thread_lock_public

