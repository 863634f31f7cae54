from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset







T = TypeVar("T", bound="PlaceSuggestionPublic")



@_attrs_define
class PlaceSuggestionPublic:
    """ Where a face-to-face meeting could be: the city most members share (members only).

        Attributes:
            city (str): As most of its members spell it in their profiles.
            reason (str): Plain English, e.g. "all 2 members live in Lisbon".
            members_in_city (int):
            members (int):
     """

    city: str
    reason: str
    members_in_city: int
    members: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        city = self.city

        reason = self.reason

        members_in_city = self.members_in_city

        members = self.members


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "city": city,
            "reason": reason,
            "members_in_city": members_in_city,
            "members": members,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        city = d.pop("city")

        reason = d.pop("reason")

        members_in_city = d.pop("members_in_city")

        members = d.pop("members")

        place_suggestion_public = cls(
            city=city,
            reason=reason,
            members_in_city=members_in_city,
            members=members,
        )


        place_suggestion_public.additional_properties = d
        return place_suggestion_public

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
