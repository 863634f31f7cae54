from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.matching.types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="WeightLine")



@_attrs_define
class WeightLine:
    """ 
        Attributes:
            criterion (str):
            current (float | None): The programme's weight now, normalised to sum 1.
            suggested (float | None): Analytics' suggestion (sums to 1).
     """

    criterion: str
    current: float | None
    suggested: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        criterion = self.criterion

        current: float | None
        current = self.current

        suggested: float | None
        suggested = self.suggested


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "criterion": criterion,
            "current": current,
            "suggested": suggested,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        criterion = d.pop("criterion")

        def _parse_current(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        current = _parse_current(d.pop("current"))


        def _parse_suggested(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        suggested = _parse_suggested(d.pop("suggested"))


        weight_line = cls(
            criterion=criterion,
            current=current,
            suggested=suggested,
        )


        weight_line.additional_properties = d
        return weight_line

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
