from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.meetings.types import UNSET, Unset

from tandem_web.clients.meetings.types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="QuorumInput")



@_attrs_define
class QuorumInput:
    """ Who must be able to come to a group's meeting: everyone (null), or the mentor and
    at least ``min_mentees`` of the mentees.

        Attributes:
            min_mentees (int | None | Unset):
     """

    min_mentees: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        min_mentees: int | None | Unset
        if isinstance(self.min_mentees, Unset):
            min_mentees = UNSET
        else:
            min_mentees = self.min_mentees


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if min_mentees is not UNSET:
            field_dict["min_mentees"] = min_mentees

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_min_mentees(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_mentees = _parse_min_mentees(d.pop("min_mentees", UNSET))


        quorum_input = cls(
            min_mentees=min_mentees,
        )

        return quorum_input

