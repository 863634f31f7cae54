from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from tandem_web.clients.analytics.types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="RiskThresholdsIn")



@_attrs_define
class RiskThresholdsIn:
    """ Every field: PUT replaces the whole set (send the defaults back to keep them).

        Attributes:
            no_contact_days (float | None): Days without two-way contact that flag. `null` switches the rule off.
            unanswered_factor (float | None): A message is unanswered past this multiple of the agreed response time. `null`
                switches the rule off.
            default_response_days (float): The response time, in days, before one is agreed.
            missed_windows (int | None): Planned activities whose window passed without a meeting. `null` switches the rule
                off.
            window_grace_days (float): Days after a window closes before it counts as missed.
            no_shows (int | None): No-shows of one member. `null` switches the rule off.
            agreement_days (float | None): Days from the start without an accepted agreement. `null` switches the rule off.
            isolation_days (float | None): Days a member has had no contact and no meeting. `null` switches the rule off.
            nudge_members (bool): Besides the managers, gently nudge the members of a flagged relationship.
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


        field_dict: dict[str, Any] = {}

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
        })

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

        risk_thresholds_in = cls(
            no_contact_days=no_contact_days,
            unanswered_factor=unanswered_factor,
            default_response_days=default_response_days,
            missed_windows=missed_windows,
            window_grace_days=window_grace_days,
            no_shows=no_shows,
            agreement_days=agreement_days,
            isolation_days=isolation_days,
            nudge_members=nudge_members,
        )

        return risk_thresholds_in

