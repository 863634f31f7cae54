"""The meetings pages' pure rules: a time typed on the viewer's clock (including the
hour a daylight-saving change skips or repeats), what meetings' refusals mean for the
page, upcoming and past, and the introduction from one member's side."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from tandem_web.domain.meetings import (
    STATUS,
    BadTime,
    Introduction,
    MeetingView,
    Member,
    Refusal,
    Typed,
    as_typed,
    duration_of,
    local_to_utc,
    refusal_of,
    split,
    starts_at_of,
)

NOW = datetime(2027, 3, 1, 12, tzinfo=UTC)


def test_a_typed_time_is_read_on_the_viewers_clock_across_a_dst_change() -> None:
    # Athens is UTC+2 in winter and UTC+3 from the last Sunday of March (28 March 2027).
    assert local_to_utc("2027-03-26", "18:00", "Europe/Athens") == datetime(
        2027, 3, 26, 16, tzinfo=UTC
    )
    assert local_to_utc("2027-03-30", "18:00", "Europe/Athens") == datetime(
        2027, 3, 30, 15, tzinfo=UTC
    )
    # São Paulo has had no DST since 2019: UTC-3 on both days.
    assert local_to_utc("2027-03-30", "12:00", "America/Sao_Paulo") == datetime(
        2027, 3, 30, 15, tzinfo=UTC
    )


def test_a_time_the_clock_skips_is_refused_and_a_repeated_one_is_its_first() -> None:
    with pytest.raises(BadTime) as skipped:
        local_to_utc("2027-03-28", "03:30", "Europe/Athens")
    assert skipped.value.refusal is Refusal.NO_SUCH_TIME
    # 31 October 2027, 03:30 happens twice in Athens: the first time, still UTC+3.
    assert local_to_utc("2027-10-31", "03:30", "Europe/Athens") == datetime(
        2027, 10, 31, 0, 30, tzinfo=UTC
    )


def test_a_form_time_must_be_readable_and_ahead() -> None:
    zone = "Europe/Athens"
    with pytest.raises(BadTime) as unreadable:
        starts_at_of(Typed(day="30/03/2027", at="18:00"), zone, NOW)
    assert unreadable.value.refusal is Refusal.BAD_INPUT
    with pytest.raises(BadTime) as past:
        starts_at_of(Typed(day="2027-02-28", at="18:00"), zone, NOW)
    assert past.value.refusal is Refusal.PAST
    slot = Typed(slot="2027-03-02T15:00:00+00:00")
    assert starts_at_of(slot, zone, NOW) == datetime(2027, 3, 2, 15, tzinfo=UTC)
    with pytest.raises(BadTime):
        starts_at_of(Typed(slot="2027-03-02T15:00:00"), zone, NOW)  # no offset: refused
    assert duration_of("45") == 45
    for bad in ("0", "1441", "an hour"):
        with pytest.raises(BadTime):
            duration_of(bad)


def test_refusals_are_said_in_the_pages_words_with_their_status() -> None:
    assert refusal_of(409, "member_busy") is Refusal.BUSY
    assert refusal_of(409, "meeting_not_started") is Refusal.NOT_STARTED
    assert refusal_of(409, "meeting_cancelled") is Refusal.CONFLICT
    assert refusal_of(422, "invalid_place") is Refusal.INVALID
    assert refusal_of(403, "members_only") is Refusal.MANAGERS_CANNOT
    assert refusal_of(404, "meeting_not_found") is Refusal.NOT_FOUND
    assert refusal_of(403, "programme_not_yours") is Refusal.NOT_FOUND
    assert {STATUS[r] for r in Refusal} <= {403, 404, 409, 422, 503}


def meeting(starts: datetime, minutes: int = 60, cancelled: bool = False) -> MeetingView:
    return MeetingView(
        uuid.uuid4(),
        uuid.uuid4(),
        uuid.uuid4(),
        starts,
        starts + timedelta(minutes=minutes),
        minutes,
        "online",
        cancelled,
        True,
        None,
        False,
        None,
        (),
    )


def test_upcoming_soonest_first_and_past_latest_first() -> None:
    early, under_way, later = (
        meeting(NOW - timedelta(days=2)),
        meeting(NOW - timedelta(minutes=30)),
        meeting(NOW + timedelta(days=1), cancelled=True),
    )
    upcoming, past = split([later, early, under_way], NOW)
    assert upcoming == [under_way, later]  # not ended yet; cancelled ones still listed
    assert past == [early]
    # The move form starts from the meeting's day and time on the viewer's clock.
    shown = as_typed(meeting(datetime(2027, 3, 30, 15, tzinfo=UTC), 45), "Europe/Athens")
    assert (shown.day, shown.at, shown.duration) == ("2027-03-30", "18:00", "45")


def test_the_introduction_from_one_members_side() -> None:
    me, mentor = uuid.uuid4(), uuid.uuid4()
    members = (
        Member(mentor, "Rafael Souza", "mentor", "America/Sao_Paulo", "accepted"),
        Member(me, "Eleni Papadopoulou", "mentee", "Europe/Athens", "pending", mine=True),
    )
    found = Introduction(uuid.uuid4(), uuid.uuid4(), "proposed", members)
    assert [m.name for m in found.others] == ["Rafael Souza"]
    assert found.waiting_for_me
    assert found.name_of(mentor) == "Rafael Souza"
    assert found.name_of(None) == "?"
    answered = Introduction(found.id, found.programme_id, "active", members)
    assert not answered.waiting_for_me
    # A manager reading it is none of its members: nothing waits for her.
    theirs = Introduction(found.id, found.programme_id, "proposed", (members[0],))
    assert theirs.me is None
    assert not theirs.waiting_for_me
