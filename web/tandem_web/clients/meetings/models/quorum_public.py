from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="QuorumPublic")



@_attrs_define
class QuorumPublic:
    """ 
        Attributes:
            min_mentees (int | None):
     """

    min_mentees: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        min_mentees: int | None
        min_mentees = self.min_mentees


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "min_mentees": min_mentees,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_min_mentees(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        min_mentees = _parse_min_mentees(d.pop("min_mentees"))


        quorum_public = cls(
            min_mentees=min_mentees,
        )


        quorum_public.additional_properties = d
        return quorum_public

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
