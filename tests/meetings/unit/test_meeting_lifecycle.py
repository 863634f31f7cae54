"""The meeting life cycle as pure transitions: timing rules, SEQUENCE, busy conflicts."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest

from tandem_contracts.common import Role
from tandem_contracts.meetings import CancelledBy, CancelReason, MeetingMode
from tandem_meetings.domain import meetings as life
from tandem_meetings.domain.meetings import (
    InvalidMeeting,
    LinkStatus,
    MeetingRules,
    MeetingStateConflict,
    MeetingStatus,
)
from tandem_meetings.domain.places import Place
from tandem_meetings.domain.relationships import Member

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
RULES = MeetingRules(min_minutes=15, max_minutes=240, max_days_ahead=365)
START = datetime(2026, 3, 9, 16, 0, tzinfo=UTC)


def _meeting(mode: MeetingMode = MeetingMode.ONLINE) -> life.Meeting:
    return life.new_meeting(
        meeting_id=uuid.uuid4(),
        relationship_id=uuid.uuid4(),
        programme_id=uuid.uuid4(),
        planned_activity_id=None,
        activity_key=None,
        mode=mode,
        starts_at=START,
        ends_at=START + timedelta(hours=1),
        place=None,
        agenda_goal_ids=[],
        now=NOW,
    )


def test_timing_takes_an_end_or_a_duration_and_stores_utc() -> None:
    lisbon_summer = timezone(timedelta(hours=1))
    start, end = life.timing(START.astimezone(lisbon_summer), None, 45, RULES, NOW)
    assert (start, end) == (START, START + timedelta(minutes=45))
    assert start.utcoffset() == timedelta(0)
    for ends_at, duration, code in [
        (None, None, "end_or_duration"),
        (START + timedelta(hours=1), 60, "end_or_duration"),
        (START + timedelta(minutes=10), None, "duration_out_of_bounds"),
        (START - timedelta(minutes=30), None, "duration_out_of_bounds"),
        (None, 241, "duration_out_of_bounds"),
    ]:
        with pytest.raises(InvalidMeeting) as caught:
            life.timing(START, ends_at, duration, RULES, NOW)
        assert caught.value.code == code
    with pytest.raises(InvalidMeeting, match="future"):
        life.timing(NOW, None, 60, RULES, NOW)
    with pytest.raises(InvalidMeeting, match="365 days"):
        life.timing(NOW + timedelta(days=366), None, 60, RULES, NOW)


def test_a_new_meeting_starts_at_sequence_zero_with_a_stable_uid() -> None:
    meeting = _meeting()
    assert meeting.sequence == 0
    assert meeting.ical_uid == f"{meeting.id}@tandem"
    assert meeting.link_status is LinkStatus.PENDING
    assert _meeting(MeetingMode.FACE_TO_FACE).link_status is None


def test_sequence_rises_only_on_time_duration_place_or_mode() -> None:
    meeting = _meeting(MeetingMode.FACE_TO_FACE)
    cafe = Place.of("Café")

    def revision(**change: object) -> life.Revision:
        values: dict[str, object] = {
            "starts_at": meeting.starts_at,
            "ends_at": meeting.ends_at,
            "mode": MeetingMode.FACE_TO_FACE,
            "place": cafe,
            "now": NOW,
        }
        values.update(change)
        return life.revise(meeting, cafe, **values)  # type: ignore[arg-type]

    assert not revision().significant
    assert revision(starts_at=START + timedelta(days=1)).time_changed
    assert revision(ends_at=START + timedelta(minutes=90)).time_changed
    assert revision(place=Place.of("Library")).place_changed
    assert revision(mode=MeetingMode.ONLINE, place=None).place_changed
    moved = life.rescheduled(meeting, revision(place=Place.of("Library")), None, NOW)
    assert moved.sequence == 1
    assert moved.ical_uid == meeting.ical_uid
    with pytest.raises(InvalidMeeting, match="needs a place"):
        revision(place=None)


def test_a_new_time_asks_an_online_meeting_for_a_new_link() -> None:
    meeting = life.with_link(_meeting(), object(), "jitsi", NOW)  # type: ignore[arg-type]
    later = life.revise(
        meeting,
        None,
        starts_at=START + timedelta(days=1),
        ends_at=START + timedelta(days=1, hours=1),
        mode=MeetingMode.ONLINE,
        place=None,
        now=NOW,
    )
    moved = life.rescheduled(meeting, later, None, NOW)
    assert (moved.link, moved.link_status) == (None, LinkStatus.PENDING)


def test_cancel_raises_the_sequence_once_and_only_before_the_start() -> None:
    meeting = _meeting()
    done = life.cancelled(
        meeting,
        reason=CancelReason.ILLNESS,
        by=CancelledBy.MENTEE,
        note=None,
        note_author=None,
        now=NOW,
    )
    assert (done.status, done.sequence, done.cancelled_at) == (MeetingStatus.CANCELLED, 1, NOW)
    with pytest.raises(MeetingStateConflict) as again:
        life.cancelled(
            done,
            reason=CancelReason.OTHER,
            by=CancelledBy.MENTOR,
            note=None,
            note_author=None,
            now=NOW,
        )
    assert again.value.code == "meeting_cancelled"
    with pytest.raises(MeetingStateConflict) as started:
        life.require_changeable(meeting, START)
    assert started.value.code == "meeting_started"


def test_the_first_conflict_names_the_mentor_first_and_only_the_asked_time() -> None:
    mentor = Member(uuid.uuid4(), uuid.uuid4(), "max", Role.MENTOR)
    mentee = Member(mentor.relationship_id, uuid.uuid4(), "ana", Role.MENTEE)
    start, end = START, START + timedelta(hours=1)
    busy = {
        mentee.participant_id: [(START - timedelta(hours=2), START + timedelta(minutes=10))],
        mentor.participant_id: [(START + timedelta(minutes=50), START + timedelta(hours=3))],
    }
    conflict = life.first_conflict([mentee, mentor], busy, start, end)
    assert conflict is not None
    assert (conflict.participant_id, conflict.role) == (mentor.participant_id, Role.MENTOR)
    assert (conflict.busy_from, conflict.busy_until) == (START + timedelta(minutes=50), end)
    touching = {mentor.participant_id: [(end, end + timedelta(hours=1))]}
    assert life.first_conflict([mentor], touching, start, end) is None


def test_local_time_falls_back_to_utc_for_an_unknown_zone() -> None:
    assert life.local_time(START, "Mars/Olympus")[1] == "UTC"
    local, zone = life.local_time(START, "Asia/Kathmandu")
    assert (zone, local.utcoffset()) == ("Asia/Kathmandu", timedelta(hours=5, minutes=45))
