from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.messaging.types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="ReadStatePublic")



@_attrs_define
class ReadStatePublic:
    """ 
        Attributes:
            conversation_id (UUID):
            read_up_to_seq (int):
            unread_count (int):
     """

    conversation_id: UUID
    read_up_to_seq: int
    unread_count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        conversation_id = str(self.conversation_id)

        read_up_to_seq = self.read_up_to_seq

        unread_count = self.unread_count


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "conversation_id": conversation_id,
            "read_up_to_seq": read_up_to_seq,
            "unread_count": unread_count,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        conversation_id = UUID(d.pop("conversation_id"))




        read_up_to_seq = d.pop("read_up_to_seq")

        unread_count = d.pop("unread_count")

        read_state_public = cls(
            conversation_id=conversation_id,
            read_up_to_seq=read_up_to_seq,
            unread_count=unread_count,
        )


        read_state_public.additional_properties = d
        return read_state_public

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
