from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="GroupPublic")



@_attrs_define
class GroupPublic:
    """ 
        Attributes:
            dimension (str): country | reach | format | modality
            value (str): A country code (a relationship counts in each of its members' countries); same_country |
                cross_country; pair | group; online | face_to_face | blended (online when a member meets online only).
            relationships (int):
            active (int):
            completed (int):
            ended_early (int):
            drop_out_rate (float | None):
            messages (int):
     """

    dimension: str
    value: str
    relationships: int
    active: int
    completed: int
    ended_early: int
    drop_out_rate: float | None
    messages: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        dimension = self.dimension

        value = self.value

        relationships = self.relationships

        active = self.active

        completed = self.completed

        ended_early = self.ended_early

        drop_out_rate: float | None
        drop_out_rate = self.drop_out_rate

        messages = self.messages


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "dimension": dimension,
            "value": value,
            "relationships": relationships,
            "active": active,
            "completed": completed,
            "ended_early": ended_early,
            "drop_out_rate": drop_out_rate,
            "messages": messages,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        dimension = d.pop("dimension")

        value = d.pop("value")

        relationships = d.pop("relationships")

        active = d.pop("active")

        completed = d.pop("completed")

        ended_early = d.pop("ended_early")

        def _parse_drop_out_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        drop_out_rate = _parse_drop_out_rate(d.pop("drop_out_rate"))


        messages = d.pop("messages")

        group_public = cls(
            dimension=dimension,
            value=value,
            relationships=relationships,
            active=active,
            completed=completed,
            ended_early=ended_early,
            drop_out_rate=drop_out_rate,
            messages=messages,
        )


        group_public.additional_properties = d
        return group_public

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
