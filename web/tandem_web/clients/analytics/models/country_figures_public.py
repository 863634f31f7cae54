from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset

from tandem_web.clients.analytics.models.stage import Stage
from typing import cast

if TYPE_CHECKING:
  from tandem_web.clients.analytics.models.country_figures_public_statuses_type_0 import CountryFiguresPublicStatusesType0





T = TypeVar("T", bound="CountryFiguresPublic")



@_attrs_define
class CountryFiguresPublic:
    """ 
        Attributes:
            country (str):
            stage (Stage):
            asked (int):
            answered (int):
            suppressed (bool): Fewer than min_group answers: no figures.
            statuses (CountryFiguresPublicStatusesType0 | None):
     """

    country: str
    stage: Stage
    asked: int
    answered: int
    suppressed: bool
    statuses: CountryFiguresPublicStatusesType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from tandem_web.clients.analytics.models.country_figures_public_statuses_type_0 import CountryFiguresPublicStatusesType0 # noqa: PLC0415
        country = self.country

        stage = self.stage.value

        asked = self.asked

        answered = self.answered

        suppressed = self.suppressed

        statuses: dict[str, Any] | None
        if isinstance(self.statuses, CountryFiguresPublicStatusesType0):
            statuses = self.statuses.to_dict()
        else:
            statuses = self.statuses


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "country": country,
            "stage": stage,
            "asked": asked,
            "answered": answered,
            "suppressed": suppressed,
            "statuses": statuses,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from tandem_web.clients.analytics.models.country_figures_public_statuses_type_0 import CountryFiguresPublicStatusesType0 # noqa: PLC0415
        d = dict(src_dict)
        country = d.pop("country")

        stage = Stage(d.pop("stage"))




        asked = d.pop("asked")

        answered = d.pop("answered")

        suppressed = d.pop("suppressed")

        def _parse_statuses(data: object) -> CountryFiguresPublicStatusesType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                statuses_type_0 = CountryFiguresPublicStatusesType0.from_dict(data)



                return statuses_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CountryFiguresPublicStatusesType0 | None, data)

        statuses = _parse_statuses(d.pop("statuses"))


        country_figures_public = cls(
            country=country,
            stage=stage,
            asked=asked,
            answered=answered,
            suppressed=suppressed,
            statuses=statuses,
        )


        country_figures_public.additional_properties = d
        return country_figures_public

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
