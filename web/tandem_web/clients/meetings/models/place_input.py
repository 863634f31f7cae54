from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.types import UNSET, Unset






T = TypeVar("T", bound="PlaceInput")



@_attrs_define
class PlaceInput:
    """ Where a face-to-face meeting happens (sealed at rest; shown to members only).

        Attributes:
            name (str):
            address (str | Unset):  Default: ''.
            notes (str | Unset):  Default: ''.
     """

    name: str
    address: str | Unset = ''
    notes: str | Unset = ''





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        address = self.address

        notes = self.notes


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if address is not UNSET:
            field_dict["address"] = address
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        address = d.pop("address", UNSET)

        notes = d.pop("notes", UNSET)

        place_input = cls(
            name=name,
            address=address,
            notes=notes,
        )

        return place_input

