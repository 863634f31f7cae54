from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset







T = TypeVar("T", bound="ModePublic")



@_attrs_define
class ModePublic:
    """ 
        Attributes:
            mode (str): online | face_to_face
            planned (int): Scheduled and not cancelled, by the planned mode.
            held (int): Held, by the mode actually used.
            missed (int): No-shows, by the planned mode.
     """

    mode: str
    planned: int
    held: int
    missed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        mode = self.mode

        planned = self.planned

        held = self.held

        missed = self.missed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "mode": mode,
            "planned": planned,
            "held": held,
            "missed": missed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        mode = d.pop("mode")

        planned = d.pop("planned")

        held = d.pop("held")

        missed = d.pop("missed")

        mode_public = cls(
            mode=mode,
            planned=planned,
            held=held,
            missed=missed,
        )


        mode_public.additional_properties = d
        return mode_public

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
