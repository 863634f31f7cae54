from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset







T = TypeVar("T", bound="SurvivalWeekPublic")



@_attrs_define
class SurvivalWeekPublic:
    """ 
        Attributes:
            week (int): Programme week since each relationship's start (0 = first).
            at_risk (int):
            ended_early (int):
            censored (int): Completed, or active and observed only until now.
            share_active (float): Kaplan–Meier: the share still active after it.
     """

    week: int
    at_risk: int
    ended_early: int
    censored: int
    share_active: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        week = self.week

        at_risk = self.at_risk

        ended_early = self.ended_early

        censored = self.censored

        share_active = self.share_active


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "week": week,
            "at_risk": at_risk,
            "ended_early": ended_early,
            "censored": censored,
            "share_active": share_active,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        week = d.pop("week")

        at_risk = d.pop("at_risk")

        ended_early = d.pop("ended_early")

        censored = d.pop("censored")

        share_active = d.pop("share_active")

        survival_week_public = cls(
            week=week,
            at_risk=at_risk,
            ended_early=ended_early,
            censored=censored,
            share_active=share_active,
        )


        survival_week_public.additional_properties = d
        return survival_week_public

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
