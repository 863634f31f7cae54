"""Availability is compared in UTC for the programme's reference week."""

from __future__ import annotations

import datetime as dt

import pytest

from tandem_matching.domain import AvailabilityWindow, Profile, ProgrammePolicy, Role
from tandem_matching.domain.constraints import overlap_hours
from tandem_matching.domain.profiles import utc_intervals
from tests.matching.unit.ids import pid

WINTER = dt.date(2025, 3, 3)  # both zones on standard time
GAP_WEEK = dt.date(2025, 3, 10)  # New York already on daylight time, Berlin not yet


def person(name: str, tz: str, *windows: tuple[int, str, str], role: Role = Role.MENTEE) -> Profile:
    return Profile(
        id=pid(name),
        role=role,
        country="DE" if tz.startswith("Europe") else "US",
        timezone=tz,
        languages=("en",),
        availability=tuple(AvailabilityWindow(*w) for w in windows),
    )


def test_berlin_evening_meets_new_york_lunchtime() -> None:
    berlin = person("b", "Europe/Berlin", (0, "18:00", "20:00"))  # 17:00-19:00 UTC
    new_york = person("n", "America/New_York", (0, "12:00", "14:00"), role=Role.MENTOR)  # 17-19 UTC
    assert overlap_hours(ProgrammePolicy(reference_week=WINTER), berlin, new_york) == 2.0


def test_daylight_saving_shifts_the_overlap() -> None:
    berlin = person("b", "Europe/Berlin", (0, "18:00", "20:00"))
    new_york = person("n", "America/New_York", (0, "12:00", "14:00"), role=Role.MENTOR)
    # In the week US clocks have moved but EU clocks have not, NY noon is 16:00 UTC.
    assert overlap_hours(ProgrammePolicy(reference_week=GAP_WEEK), berlin, new_york) == 1.0


def test_same_local_hours_do_not_overlap_across_the_atlantic() -> None:
    berlin = person("b", "Europe/Berlin", (2, "09:00", "11:00"))
    new_york = person("n", "America/New_York", (2, "09:00", "11:00"), role=Role.MENTOR)
    assert overlap_hours(ProgrammePolicy(reference_week=WINTER), berlin, new_york) == 0.0


def test_a_window_crossing_the_utc_week_boundary_is_split() -> None:
    # Monday 00:00-02:00 in Berlin is Sunday 23:00 → Monday 01:00 UTC.
    slots = utc_intervals([AvailabilityWindow(0, "00:00", "02:00")], "Europe/Berlin", WINTER)
    assert slots == ((0, 4), (668, 672))


def test_half_hour_zone_and_grid() -> None:
    # Kolkata is UTC+5:30: 18:00 local = 12:30 UTC = slot 50 (15-minute slots).
    assert utc_intervals([AvailabilityWindow(0, "18:00", "19:00")], "Asia/Kolkata", WINTER) == (
        (50, 54),
    )
    # Off-grid minutes shrink the window to the grid, never widen it.
    assert utc_intervals([AvailabilityWindow(0, "10:10", "10:50")], "UTC", WINTER) == ((41, 43),)


def test_bad_inputs_are_rejected() -> None:
    with pytest.raises(ValueError, match="weekday"):
        AvailabilityWindow(7, "10:00", "11:00")
    with pytest.raises(ValueError, match="after it starts"):
        AvailabilityWindow(1, "11:00", "10:00")
    with pytest.raises(ValueError, match="HH:MM"):
        AvailabilityWindow(1, "9am", "10:00")
    with pytest.raises(ValueError, match="time zone"):
        person("x", "Mars/Olympus")
    with pytest.raises(ValueError, match="Monday"):
        ProgrammePolicy(reference_week=dt.date(2025, 3, 4))
