from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from tandem_web.clients.analytics.models.survival_week_public import SurvivalWeekPublic





T = TypeVar("T", bound="SurvivalPublic")



@_attrs_define
class SurvivalPublic:
    """ 
        Attributes:
            weeks (list[SurvivalWeekPublic]):
     """

    weeks: list[SurvivalWeekPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.analytics.models.survival_week_public import SurvivalWeekPublic # noqa: PLC0415
        weeks = []
        for weeks_item_data in self.weeks:
            weeks_item = weeks_item_data.to_dict()
            weeks.append(weeks_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "weeks": weeks,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.analytics.models.survival_week_public import SurvivalWeekPublic # noqa: PLC0415
        d = dict(src_dict)
        weeks = []
        _weeks = d.pop("weeks")
        for weeks_item_data in (_weeks):
            weeks_item = SurvivalWeekPublic.from_dict(weeks_item_data)



            weeks.append(weeks_item)


        survival_public = cls(
            weeks=weeks,
        )


        survival_public.additional_properties = d
        return survival_public

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
