from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset







T = TypeVar("T", bound="CriterionLine")



@_attrs_define
class CriterionLine:
    """ One line of a score explanation: contribution = weight × raw.

        Attributes:
            criterion (str):
            raw (float):
            weight (float):
            contribution (float):
            detail (str):
     """

    criterion: str
    raw: float
    weight: float
    contribution: float
    detail: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        criterion = self.criterion

        raw = self.raw

        weight = self.weight

        contribution = self.contribution

        detail = self.detail


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "criterion": criterion,
            "raw": raw,
            "weight": weight,
            "contribution": contribution,
            "detail": detail,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        criterion = d.pop("criterion")

        raw = d.pop("raw")

        weight = d.pop("weight")

        contribution = d.pop("contribution")

        detail = d.pop("detail")

        criterion_line = cls(
            criterion=criterion,
            raw=raw,
            weight=weight,
            contribution=contribution,
            detail=detail,
        )


        criterion_line.additional_properties = d
        return criterion_line

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
