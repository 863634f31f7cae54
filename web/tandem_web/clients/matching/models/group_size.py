from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from tandem_web.clients.matching.types import UNSET, Unset






T = TypeVar("T", bound="GroupSize")



@_attrs_define
class GroupSize:
    """ 
        Attributes:
            min_ (int | Unset):  Default: 3.
            max_ (int | Unset):  Default: 6.
     """

    min_: int | Unset = 3
    max_: int | Unset = 6





    def to_dict(self) -> dict[str, Any]:
        min_ = self.min_

        max_ = self.max_


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if min_ is not UNSET:
            field_dict["min"] = min_
        if max_ is not UNSET:
            field_dict["max"] = max_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        min_ = d.pop("min", UNSET)

        max_ = d.pop("max", UNSET)

        group_size = cls(
            min_=min_,
            max_=max_,
        )

        return group_size

