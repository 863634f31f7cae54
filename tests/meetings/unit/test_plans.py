"""The plan's pure parts: windows relative to a relationship, cadences and their re-plan,
the checks of a template and a policy, and the online-only and reach adaptations."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tandem_meetings.domain.plan_adaptation import (
    Adaptation,
    MemberSetting,
    adapted_mode,
    reason_of,
    relationship_adaptation,
)
from tandem_meetings.domain.plans import (
    DEFAULT_ACTIVITIES,
    Activity,
    ActivityMode,
    ActivityWindow,
    Anchor,
    RelationshipDays,
    check_activities,
    occurrences,
    replan_series,
    series_days,
)
from tandem_meetings.domain.policies import (
    DEFAULT_POLICY,
    InvalidPlan,
    policy_from_json,
    policy_json,
    policy_of,
)

SPAN = RelationshipDays(date(2027, 1, 4), date(2027, 6, 30), "UTC")  # 178 days


def _one(anchor: Anchor, a: int, b: int, every: int | None = None) -> Activity:
    return Activity("x", "X", ActivityMode.ONLINE, 60, ActivityWindow(anchor, a, b), every)


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def test_windows_follow_their_anchor() -> None:
    [start] = occurrences([_one(Anchor.START, 0, 14)], SPAN)
    assert (start.window_start, start.window_end) == (_at(date(2027, 1, 4)), _at(date(2027, 1, 18)))
    [end] = occurrences([_one(Anchor.END, -14, 0)], SPAN)
    assert (end.window_start, end.window_end) == (_at(date(2027, 6, 17)), _at(date(2027, 7, 1)))
    [middle] = occurrences([_one(Anchor.MIDPOINT, -7, 7)], SPAN)
    # 178 days: the midpoint is day 89, 3 April.
    assert middle.window_start == _at(date(2027, 3, 27))
    assert middle.window_end - middle.window_start == timedelta(days=14)
    # Clipped to the relationship, and gone when nothing is left.
    [early] = occurrences([_one(Anchor.START, -10, 3)], SPAN)
    assert early.window_start == _at(SPAN.starts_on)
    assert occurrences([_one(Anchor.END, 1, 5)], SPAN) == []


def test_windows_start_at_midnight_in_the_programme_zone() -> None:
    span = RelationshipDays(date(2027, 3, 1), date(2027, 8, 31), "Australia/Lord_Howe")
    [o] = occurrences([_one(Anchor.START, 0, 14)], span)
    # Lord Howe is UTC+11 in March (summer time) until 4 April 2027.
    assert o.window_start == datetime(2027, 2, 28, 13, 0, tzinfo=UTC)
    [end] = occurrences([_one(Anchor.END, -14, 0)], span)
    assert end.window_end == datetime(2027, 8, 31, 13, 30, tzinfo=UTC)  # UTC+10:30 in winter


def test_a_cadence_cuts_the_window() -> None:
    found = occurrences([_one(Anchor.START_TO_END, 14, -14, every=14)], SPAN)
    assert [o.occurrence for o in found] == list(range(len(found)))
    assert found[0].window_start == _at(date(2027, 1, 18))
    for a, b in itertools.pairwise(found):
        assert a.window_end == b.window_start
    assert all(o.window_end - o.window_start == timedelta(days=14) for o in found[:-1])
    assert found[-1].window_end <= _at(date(2027, 6, 17))
    # The agreement's cadence replaces the plan's.
    weekly = occurrences([_one(Anchor.START_TO_END, 14, -14, every=14)], SPAN, cadence_days=7)
    # 150 days: ten fortnights and a 10-day piece (kept), or 21 weeks and 3 days (dropped).
    assert (len(found), len(weekly)) == (11, 21)
    assert found[-1].window_end - found[-1].window_start == timedelta(days=10)


@given(length=st.integers(min_value=1, max_value=400), every=st.integers(min_value=1, max_value=60))
def test_series_cover_the_window_without_short_tails(length: int, every: int) -> None:
    first = date(2027, 1, 1)
    pieces = series_days(first, first + timedelta(length), every)
    assert pieces[0][0] == first
    for (_, b), (c, _) in itertools.pairwise(pieces):
        assert b == c
    for a, b in pieces[:-1]:
        assert (b - a).days == every
    uncovered = (first + timedelta(length) - pieces[-1][1]).days
    assert uncovered * 2 < every or len(pieces) == 120
    if len(pieces) > 1:
        assert (pieces[-1][1] - pieces[-1][0]).days * 2 >= every


def test_a_replan_starts_after_what_is_kept() -> None:
    activity = _one(Anchor.START_TO_END, 14, -14, every=14)
    kept_end = _at(date(2027, 2, 15))
    replan = replan_series(
        activity, SPAN, 7, kept=[(2, kept_end)], last_occurrence=9, today=date(2027, 2, 10)
    )
    assert replan is not None
    assert replan.starts == kept_end == replan.new[0].window_start
    assert replan.new[0].occurrence == 10
    assert replan.new[1].window_start - replan.new[0].window_start == timedelta(days=7)
    # With nothing kept, from today.
    fresh = replan_series(activity, SPAN, 7, kept=[], last_occurrence=3, today=date(2027, 3, 1))
    assert fresh is not None
    assert fresh.new[0].window_start == _at(date(2027, 3, 1))
    assert (
        replan_series(
            _one(Anchor.START, 0, 3), SPAN, 7, kept=[], last_occurrence=0, today=date(2027, 3, 1)
        )
        is None
    )


def test_the_default_plan_is_valid() -> None:
    assert check_activities(DEFAULT_ACTIVITIES, min_minutes=15, max_minutes=480)
    modes = {a.key: a.mode for a in DEFAULT_ACTIVITIES}
    assert modes == {
        "kick_off": ActivityMode.FACE_TO_FACE,
        "regular": ActivityMode.ONLINE,
        "midpoint_review": ActivityMode.FACE_TO_FACE,
        "closing": ActivityMode.FACE_TO_FACE,
    }


@pytest.mark.parametrize(
    ("activities", "field"),
    [
        ([], "activities"),
        ([_one(Anchor.START, 0, 14), _one(Anchor.END, -14, 0)], "activities.1"),
        ([_one(Anchor.START, 5, 5)], "activities.0.window.to_day"),
        ([_one(Anchor.START, 0, 5, every=0)], "activities.0.every_days"),
        (
            [Activity("Bad Key", "X", ActivityMode.ONLINE, 60, ActivityWindow(Anchor.START, 0, 5))],
            "activities.0.key",
        ),
        (
            [Activity("x", "X", ActivityMode.ONLINE, 600, ActivityWindow(Anchor.START, 0, 5))],
            "activities.0.duration_minutes",
        ),
    ],
)
def test_a_bad_template_names_its_field(activities: list[Activity], field: str) -> None:
    with pytest.raises(InvalidPlan) as refused:
        check_activities(activities, min_minutes=15, max_minutes=480)
    assert refused.value.field == field


def test_policies() -> None:
    policy = policy_of(
        meeting_hours_start="22:00",
        meeting_hours_end="24:00",
        min_notice_hours=0,
        buffer_minutes=0,
        reminder_offsets_minutes=[60, 1440, 10],
        group_min_mentees=2,
    )
    assert policy.meeting_hours_end == 24 * 60
    assert policy.reminder_offsets_minutes == (1440, 60, 10)
    assert policy_from_json(policy_json(policy)) == policy
    assert policy_from_json(None) == DEFAULT_POLICY
    assert DEFAULT_POLICY.reminder_offsets_minutes == (1440, 60)
    cases: list[tuple[dict[str, Any], str]] = [
        ({"meeting_hours_start": "8:00"}, "policy.meeting_hours.start"),
        ({"meeting_hours_end": "20:60"}, "policy.meeting_hours.end"),
        ({"meeting_hours_start": "24:00"}, "policy.meeting_hours.start"),
        ({"min_notice_hours": -1}, "policy.min_notice_hours"),
        ({"reminder_offsets_minutes": [5, 5]}, "policy.reminder_offsets_minutes"),
        ({"group_min_mentees": -1}, "policy.group_quorum.min_mentees"),
    ]
    for kwargs, field in cases:
        values: dict[str, Any] = {
            "meeting_hours_start": "08:00",
            "meeting_hours_end": "20:00",
            "min_notice_hours": 24,
            "buffer_minutes": 15,
            "reminder_offsets_minutes": [60],
            "group_min_mentees": None,
            **kwargs,
        }
        with pytest.raises(InvalidPlan) as refused:
            policy_of(**values)
        assert refused.value.field == field


def _m(
    online_only: bool = False, country: str | None = "PT", city: str | None = "Lisbon"
) -> MemberSetting:
    return MemberSetting(online_only, country, city)


def test_adaptations() -> None:
    assert relationship_adaptation("same_city", [_m(), _m(city=" LISBON ")]) is None
    assert (
        relationship_adaptation("same_city", [_m(), _m(online_only=True)]) is Adaptation.ONLINE_ONLY
    )
    assert (
        relationship_adaptation("same_city", [_m(), _m(city="Porto")])
        is Adaptation.OUT_OF_REACH_CITY
    )
    assert relationship_adaptation("same_country", [_m(), _m(city="Porto")]) is None
    assert (
        relationship_adaptation("same_country", [_m(), _m(country="ES")])
        is Adaptation.OUT_OF_REACH_COUNTRY
    )
    assert (
        relationship_adaptation("same_city", [_m(), _m(city=None)]) is Adaptation.LOCATION_UNKNOWN
    )
    assert relationship_adaptation("same_country", [_m(), _m(country=None)]) is (
        Adaptation.LOCATION_UNKNOWN
    )
    # Online-only wins over everything else; online activities are never "adapted".
    assert relationship_adaptation("same_city", [_m(online_only=True), _m(country=None)]) is (
        Adaptation.ONLINE_ONLY
    )
    assert adapted_mode(ActivityMode.ONLINE, Adaptation.ONLINE_ONLY) == (ActivityMode.ONLINE, None)
    assert adapted_mode(ActivityMode.EITHER, Adaptation.OUT_OF_REACH_CITY) == (
        ActivityMode.ONLINE,
        Adaptation.OUT_OF_REACH_CITY,
    )
    assert adapted_mode(ActivityMode.FACE_TO_FACE, None) == (ActivityMode.FACE_TO_FACE, None)
    for code in Adaptation:
        reason = reason_of(code.value)
        assert reason
        assert "Lisbon" not in reason
    assert reason_of(None) is None
