from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from tandem_web.clients.analytics.models.country_figures_public import CountryFiguresPublic





T = TypeVar("T", bound="OutcomeSummaryPublic")



@_attrs_define
class OutcomeSummaryPublic:
    """ 
        Attributes:
            programme_id (UUID):
            min_group (int):
            countries (list[CountryFiguresPublic]):
     """

    programme_id: UUID
    min_group: int
    countries: list[CountryFiguresPublic]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.analytics.models.country_figures_public import CountryFiguresPublic # noqa: PLC0415
        programme_id = str(self.programme_id)

        min_group = self.min_group

        countries = []
        for countries_item_data in self.countries:
            countries_item = countries_item_data.to_dict()
            countries.append(countries_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "programme_id": programme_id,
            "min_group": min_group,
            "countries": countries,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.analytics.models.country_figures_public import CountryFiguresPublic # noqa: PLC0415
        d = dict(src_dict)
        programme_id = UUID(d.pop("programme_id"))




        min_group = d.pop("min_group")

        countries = []
        _countries = d.pop("countries")
        for countries_item_data in (_countries):
            countries_item = CountryFiguresPublic.from_dict(countries_item_data)



            countries.append(countries_item)


        outcome_summary_public = cls(
            programme_id=programme_id,
            min_group=min_group,
            countries=countries,
        )


        outcome_summary_public.additional_properties = d
        return outcome_summary_public

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
