from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.models.anchor import Anchor






T = TypeVar("T", bound="ActivityWindowPublic")



@_attrs_define
class ActivityWindowPublic:
    """ 
        Attributes:
            anchor (Anchor):
            from_day (int):
            to_day (int):
     """

    anchor: Anchor
    from_day: int
    to_day: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        anchor = self.anchor.value

        from_day = self.from_day

        to_day = self.to_day


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "anchor": anchor,
            "from_day": from_day,
            "to_day": to_day,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        anchor = Anchor(d.pop("anchor"))




        from_day = d.pop("from_day")

        to_day = d.pop("to_day")

        activity_window_public = cls(
            anchor=anchor,
            from_day=from_day,
            to_day=to_day,
        )


        activity_window_public.additional_properties = d
        return activity_window_public

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
