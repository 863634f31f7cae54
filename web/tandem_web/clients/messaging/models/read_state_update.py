from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="ReadStateUpdate")



@_attrs_define
class ReadStateUpdate:
    """ 
        Attributes:
            up_to_message_id (UUID): Everything up to and including this message counts as read; never moves backwards.
     """

    up_to_message_id: UUID





    def to_dict(self) -> dict[str, Any]:
        up_to_message_id = str(self.up_to_message_id)


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "up_to_message_id": up_to_message_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        up_to_message_id = UUID(d.pop("up_to_message_id"))




        read_state_update = cls(
            up_to_message_id=up_to_message_id,
        )

        return read_state_update

