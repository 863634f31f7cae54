"""A live relationship's weekly history, from its read-model facts: what the learned
model scores (:func:`~tandem_analytics.domain.risk_features.features_at`).

The same :class:`~tandem_analytics.domain.risk_features.RelationshipHistory` a CSV import
of an earlier programme fills, here from the messages and meetings analytics holds,
counted in the relationship's own weeks (week 0 is the seven days from its start event).
Only weeks that have ended by ``now`` are made: a week half-lived would look quiet.

Check-in answers are sealed and only ever read as a programme's aggregate, so a live
history carries none (the features' neutral value stands in); a CSV history may.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tandem_analytics.domain.risk_features import RelationshipHistory, WeekRecord

WEEK = timedelta(days=7)
DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class MessageFact:
    sender_id: UUID
    posted_at: datetime
    answer_id: UUID | None  # the first later message by another member
    answered_by: UUID | None
    answered_at: datetime | None


@dataclass(frozen=True, slots=True)
class MeetingFact:
    starts_at: datetime
    planned_mode: str | None  # online | face_to_face
    cancelled: bool
    outcome: str | None  # held | no_show | unrecorded
    attended_mode: str | None
    attendees: int | None


def weeks_ended(started_at: datetime, now: datetime) -> int:
    return max(0, (now - started_at) // WEEK)


def time_zone_gap_hours(zones: Iterable[str], at: datetime) -> float:
    """The widest gap between the members' UTC offsets at ``at`` (an unknown zone: UTC)."""
    offsets = []
    for name in zones:
        try:
            zone = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            zone = ZoneInfo("UTC")
        offset = at.astimezone(zone).utcoffset()
        offsets.append(offset.total_seconds() / 3600 if offset is not None else 0.0)
    return max(offsets) - min(offsets) if offsets else 0.0


@dataclass(slots=True)
class _Week:
    """A week being counted (made a frozen WeekRecord at the end)."""

    sent: dict[str, int]  # side -> messages
    latencies: dict[str, list[float]]  # side -> hours to answer the other side
    contact_day: int | None = None
    planned: int = 0
    attended: int = 0
    no_shows: int = 0
    f2f_planned: int = 0
    f2f_held: int = 0

    def contact(self, day: int) -> None:
        self.contact_day = day if self.contact_day is None else max(day, self.contact_day)

    def record(self, index: int) -> WeekRecord:
        mentor, mentee = self.latencies.get("mentor"), self.latencies.get("mentee")
        return WeekRecord(
            week=index,
            mentor_messages=self.sent.get("mentor", 0),
            mentee_messages=self.sent.get("mentee", 0),
            mentor_latency_hours=statistics.median(mentor) if mentor else None,
            mentee_latency_hours=statistics.median(mentee) if mentee else None,
            last_two_way_contact_day=self.contact_day,
            meetings_planned=self.planned,
            meetings_attended=self.attended,
            no_shows=self.no_shows,
            face_to_face_planned=self.f2f_planned,
            face_to_face_held=self.f2f_held,
        )


SIDES = ("mentor", "mentee")


def live_history(
    relationship_id: UUID,
    programme_id: UUID,
    *,
    started_at: datetime,
    now: datetime,
    roles: Mapping[UUID, str],
    messages: Iterable[MessageFact],
    meetings: Iterable[MeetingFact],
    time_zone_gap: float = 0.0,
) -> RelationshipHistory | None:
    """The weeks ended by ``now``; None before the first week has ended."""
    count = weeks_ended(started_at, now)
    if count == 0:
        return None
    weeks = [_Week({}, {}) for _ in range(count)]

    def week_of(at: datetime) -> _Week | None:
        index = (at - started_at) // WEEK
        return weeks[index] if 0 <= index < count else None

    def day_of(at: datetime) -> int:
        return (at - started_at) // DAY

    # An answer answers the run of the other side's messages before it; its latency is
    # from the last of them (as the weekly histories of a CSV import count it), once.
    answered_last: dict[UUID, MessageFact] = {}
    for m in messages:
        side = roles.get(m.sender_id)
        posted = week_of(m.posted_at)
        if posted is not None and side in SIDES:
            posted.sent[side] = posted.sent.get(side, 0) + 1
        if m.answer_id is not None:
            last = answered_last.get(m.answer_id)
            if last is None or (m.posted_at, m.sender_id) > (last.posted_at, last.sender_id):
                answered_last[m.answer_id] = m

    for m in answered_last.values():
        if m.answered_at is None or m.answered_by is None:
            continue
        answered = week_of(m.answered_at)
        if answered is None:
            continue
        answered.contact(day_of(m.answered_at))  # a message answered by another member
        answerer = roles.get(m.answered_by)
        if answerer in SIDES:  # from the times themselves: the read model's seconds are whole
            hours = (m.answered_at - m.posted_at).total_seconds() / 3600
            answered.latencies.setdefault(answerer, []).append(hours)

    for meeting in meetings:
        w = week_of(meeting.starts_at)
        if w is None or meeting.cancelled:
            continue
        held = meeting.outcome == "held"
        w.planned += 1
        w.attended += held
        w.no_shows += meeting.outcome == "no_show"
        w.f2f_planned += meeting.planned_mode == "face_to_face"
        w.f2f_held += held and meeting.attended_mode == "face_to_face"
        if held and (meeting.attendees or 0) >= 2:
            w.contact(day_of(meeting.starts_at))

    return RelationshipHistory(
        relationship_id=relationship_id,
        programme_id=programme_id,
        started_on=started_at.date(),
        time_zone_gap_hours=time_zone_gap,
        weeks=tuple(w.record(i) for i, w in enumerate(weeks)),
    )
