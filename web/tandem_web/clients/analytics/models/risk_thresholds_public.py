from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset

from tandem_web.clients.analytics.types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="RiskThresholdsPublic")



@_attrs_define
class RiskThresholdsPublic:
    """ 
        Attributes:
            no_contact_days (float | None):
            unanswered_factor (float | None):
            default_response_days (float):
            missed_windows (int | None):
            window_grace_days (float):
            no_shows (int | None):
            agreement_days (float | None):
            isolation_days (float | None):
            nudge_members (bool):
            default (bool): The defaults: no manager has set thresholds yet.
            day_seconds (float): How long a day of these thresholds lasts, in seconds: 86400, except on a demo or test
                deployment whose time scale shortens it (60: a day is a minute).
            updated_at (datetime.datetime | None | Unset):
     """

    no_contact_days: float | None
    unanswered_factor: float | None
    default_response_days: float
    missed_windows: int | None
    window_grace_days: float
    no_shows: int | None
    agreement_days: float | None
    isolation_days: float | None
    nudge_members: bool
    default: bool
    day_seconds: float
    updated_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        no_contact_days: float | None
        no_contact_days = self.no_contact_days

        unanswered_factor: float | None
        unanswered_factor = self.unanswered_factor

        default_response_days = self.default_response_days

        missed_windows: int | None
        missed_windows = self.missed_windows

        window_grace_days = self.window_grace_days

        no_shows: int | None
        no_shows = self.no_shows

        agreement_days: float | None
        agreement_days = self.agreement_days

        isolation_days: float | None
        isolation_days = self.isolation_days

        nudge_members = self.nudge_members

        default = self.default

        day_seconds = self.day_seconds

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "no_contact_days": no_contact_days,
            "unanswered_factor": unanswered_factor,
            "default_response_days": default_response_days,
            "missed_windows": missed_windows,
            "window_grace_days": window_grace_days,
            "no_shows": no_shows,
            "agreement_days": agreement_days,
            "isolation_days": isolation_days,
            "nudge_members": nudge_members,
            "default": default,
            "day_seconds": day_seconds,
        })
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_no_contact_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        no_contact_days = _parse_no_contact_days(d.pop("no_contact_days"))


        def _parse_unanswered_factor(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        unanswered_factor = _parse_unanswered_factor(d.pop("unanswered_factor"))


        default_response_days = d.pop("default_response_days")

        def _parse_missed_windows(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        missed_windows = _parse_missed_windows(d.pop("missed_windows"))


        window_grace_days = d.pop("window_grace_days")

        def _parse_no_shows(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        no_shows = _parse_no_shows(d.pop("no_shows"))


        def _parse_agreement_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        agreement_days = _parse_agreement_days(d.pop("agreement_days"))


        def _parse_isolation_days(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        isolation_days = _parse_isolation_days(d.pop("isolation_days"))


        nudge_members = d.pop("nudge_members")

        default = d.pop("default")

        day_seconds = d.pop("day_seconds")

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)



                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))


        risk_thresholds_public = cls(
            no_contact_days=no_contact_days,
            unanswered_factor=unanswered_factor,
            default_response_days=default_response_days,
            missed_windows=missed_windows,
            window_grace_days=window_grace_days,
            no_shows=no_shows,
            agreement_days=agreement_days,
            isolation_days=isolation_days,
            nudge_members=nudge_members,
            default=default,
            day_seconds=day_seconds,
            updated_at=updated_at,
        )


        risk_thresholds_public.additional_properties = d
        return risk_thresholds_public

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
