"""A simulator of mentoring programmes whose drop-out depends on behaviour.

Each relationship has two members whose engagement (one figure per side, around 0)
drifts week by week as a random walk, with a per-pair downward pull for some pairs
(life gets in the way) and a time-zone gap between them. Engagement drives what the
platform sees: how many messages each side posts, how fast each side answers, whether
the fortnightly meeting is held or a no-show, whether it is held face to face as
planned, and the four-weekly check-in answer.

**The hazard** (the chance of ending early in a week, given it lasted until then) is a
logistic of what was *seen*, not of the hidden engagement::

    h = sigmoid(-9.5 + 0.07 * days since two-way contact + 0.5 * log1p(slowest latency h)
                + 0.6 * no-shows in the last 4 weeks + 0.9 * (3 - last check-in)
                + 0.12 * time-zone gap h + 1.2 * (1 - reciprocity over 4 weeks))

So a pair that drifts apart shows it (fewer messages, slower answers, missed meetings,
low check-ins) weeks before it ends, and some signals (check-ins, reciprocity, the zone
gap) are ones the rules do not look at; that is where a model can beat them.

The simulator emits the real contract events (``tandem_contracts``): relationship
started and ended, every message posted (with its reply link), every meeting scheduled
and its attendance recorded. Check-in answers and the zone gap are kept beside them:
check-ins are analytics' own data, and the gap comes from the contacts topic.
:func:`history_of` folds the events into the weekly history the feature code reads,
by event time, so the figures the model sees are the ones the events carry.

Simulated data proves the pipeline, never real-world accuracy.
"""

from __future__ import annotations

import math
import random
import statistics
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from tandem_analytics.domain.risk_features import Outcome, RelationshipHistory, WeekRecord
from tandem_analytics.domain.risk_rules import (
    MemberActivity,
    RelationshipSignals,
    UnansweredMessage,
)
from tandem_contracts import Event
from tandem_contracts.common import MentoringFormat, Role
from tandem_contracts.matching import (
    EndedBy,
    EndReason,
    Member,
    RelationshipEnded,
    RelationshipStarted,
)
from tandem_contracts.meetings import (
    AttendanceOutcome,
    Attendee,
    MeetingAttendanceRecorded,
    MeetingMode,
    MeetingScheduled,
)
from tandem_contracts.messaging import MessagePosted, SenderRole

WEEKS = 26
MEETING_EVERY_WEEKS = 2
CHECK_IN_EVERY_WEEKS = 4
FACE_TO_FACE_EVERY = 3  # every third planned meeting is face to face


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def hazard(
    gap_days: float,
    slowest_latency_hours: float,
    recent_no_shows: int,
    check_in: float,
    tz_gap_hours: float,
    reciprocity: float,
) -> float:
    """The weekly chance of ending early, from what the week showed (module docstring)."""
    return _sigmoid(
        -9.5
        + 0.07 * min(gap_days, 60.0)
        + 0.5 * math.log1p(slowest_latency_hours)
        + 0.6 * recent_no_shows
        + 0.9 * (3.0 - check_in)
        + 0.12 * tz_gap_hours
        + 1.2 * (1.0 - reciprocity)
    )


@dataclass(frozen=True, slots=True)
class SimulatedRelationship:
    relationship_id: uuid.UUID
    programme_id: uuid.UUID
    cohort: int
    started_on: date
    tz_gap_hours: float
    check_ins: tuple[tuple[int, float], ...]  # (week, score)
    events: tuple[Event, ...]
    outcome: Outcome
    ended_on: date


@dataclass(frozen=True, slots=True)
class _Pair:
    mentor: uuid.UUID
    mentee: uuid.UUID


def _messages(
    rng: random.Random,
    base: datetime,
    counts: tuple[int, int],
    latency_hours: tuple[float, float],
) -> list[tuple[int, datetime]]:
    """A week's conversation: (side, time), side 0 the mentor; answers after a latency."""
    sides = [0] * counts[0] + [1] * counts[1]
    rng.shuffle(sides)
    at = base + timedelta(hours=rng.uniform(0, 48))
    out: list[tuple[int, datetime]] = []
    for i, side in enumerate(sides):
        if i:
            answering = side != sides[i - 1]
            mean = latency_hours[side] if answering else 2.0
            at += timedelta(hours=rng.expovariate(1.0 / max(mean, 0.2)))
        out.append((side, at))
    return out


def simulate_relationship(
    rng: random.Random, programme_id: uuid.UUID, cohort: int, started_on: date
) -> SimulatedRelationship:
    rid = uuid.UUID(int=rng.getrandbits(128))
    pair = _Pair(uuid.UUID(int=rng.getrandbits(128)), uuid.UUID(int=rng.getrandbits(128)))
    tz_gap = float(rng.choice([0, 0, 0, 1, 1, 2, 3, 5, 6, 7, 9]))
    drift = rng.choice([0.0, 0.0, -0.08, -0.15, -0.25])
    engagement = [rng.gauss(0.3, 0.6), rng.gauss(0.1, 0.6)]
    start = datetime.combine(started_on, time(8), tzinfo=UTC)
    events: list[Event] = [
        RelationshipStarted(
            programme_id=programme_id,
            relationship_id=rid,
            format=MentoringFormat.PAIR,
            members=[
                Member(participant_id=pair.mentor, subject=f"m-{pair.mentor}", role=Role.MENTOR),
                Member(participant_id=pair.mentee, subject=f"e-{pair.mentee}", role=Role.MENTEE),
            ],
            starts_on=started_on,
            agreed_end_date=started_on + timedelta(weeks=WEEKS),
        )
    ]
    check_ins: list[tuple[int, float]] = []
    last_contact_day = 0.0
    last_check_in = 3.5
    no_show_weeks: list[int] = []
    recent_counts: list[tuple[int, int]] = []
    previous: uuid.UUID | None = None
    end_week: int | None = None
    for week in range(WEEKS):
        base = start + timedelta(weeks=week)
        engagement = [e + drift + rng.gauss(0, 0.15) for e in engagement]
        counts = (
            _poisson(rng, math.exp(0.9 + 0.6 * engagement[0])),
            _poisson(rng, math.exp(0.7 + 0.6 * engagement[1])),
        )
        latency = tuple(
            math.exp(math.log(10.0) - 0.9 * e + 0.06 * tz_gap + rng.gauss(0, 0.3))
            for e in engagement
        )
        conversation = _messages(rng, base, counts, (latency[0], latency[1]))
        for i, (side, at) in enumerate(conversation):
            if i and side != conversation[i - 1][0]:
                last_contact_day = (at - start).total_seconds() / 86400
            mid = uuid.UUID(int=rng.getrandbits(128))
            events.append(
                MessagePosted(
                    programme_id=programme_id,
                    relationship_id=rid,
                    conversation_id=rid,
                    message_id=mid,
                    sender_participant_id=pair.mentor if side == 0 else pair.mentee,
                    sender_role=SenderRole.MENTOR if side == 0 else SenderRole.MENTEE,
                    posted_at=at,
                    length=rng.randint(20, 600),
                    in_reply_to=previous,
                )
            )
            previous = mid
        if week % MEETING_EVERY_WEEKS == 1:
            held = rng.random() < _sigmoid(1.6 + 1.2 * min(engagement))
            number = week // MEETING_EVERY_WEEKS
            f2f_planned = number % FACE_TO_FACE_EVERY == 0
            # a pair drifting apart moves face-to-face meetings online
            mode = (
                MeetingMode.FACE_TO_FACE
                if f2f_planned and rng.random() < _sigmoid(1.0 + min(engagement))
                else MeetingMode.ONLINE
            )
            starts = base + timedelta(days=3, hours=9)
            if held:
                last_contact_day = max(last_contact_day, (starts - start).total_seconds() / 86400)
            else:
                no_show_weeks.append(week)
            events += _meeting(rng, programme_id, rid, pair, starts, f2f_planned, mode, held)
        if week % CHECK_IN_EVERY_WEEKS == CHECK_IN_EVERY_WEEKS - 1:
            answer = 3.4 + 0.9 * statistics.fmean(engagement) + rng.gauss(0, 0.5)
            last_check_in = float(min(5, max(1, round(answer))))
            check_ins.append((week, last_check_in))
        recent_counts = [*recent_counts[-3:], counts]
        sent = (sum(c[0] for c in recent_counts), sum(c[1] for c in recent_counts))
        reciprocity = min(sent) / max(sent) if max(sent) else 0.0
        day_now = (week + 1) * 7
        h = hazard(
            day_now - last_contact_day,
            max(latency) if min(counts) else 96.0,
            sum(1 for w in no_show_weeks if w > week - 4),
            last_check_in,
            tz_gap,
            reciprocity,
        )
        if week < WEEKS - 1 and rng.random() < h:
            end_week = week
            break
    if end_week is None:
        outcome, ended_on, by, reason = (
            Outcome.COMPLETED,
            started_on + timedelta(weeks=WEEKS),
            EndedBy.SYSTEM,
            EndReason.PROGRAMME_COMPLETED,
        )
    else:
        outcome = Outcome.ENDED_EARLY
        ended_on = started_on + timedelta(days=(end_week + 1) * 7 + rng.randint(1, 6))
        by = rng.choice([EndedBy.MENTEE, EndedBy.MENTOR])
        reason = rng.choice([EndReason.NO_TIME, EndReason.POOR_FIT, EndReason.OTHER])
    events.append(
        RelationshipEnded(
            programme_id=programme_id,
            relationship_id=rid,
            outcome=outcome.value,
            ended_by=by,
            reason=reason,
        )
    )
    return SimulatedRelationship(
        rid,
        programme_id,
        cohort,
        started_on,
        tz_gap,
        tuple(check_ins),
        tuple(events),
        outcome,
        ended_on,
    )


def _meeting(
    rng: random.Random,
    programme_id: uuid.UUID,
    rid: uuid.UUID,
    pair: _Pair,
    starts: datetime,
    face_to_face_planned: bool,
    mode: MeetingMode,
    held: bool,
) -> list[Event]:
    meeting_id = uuid.UUID(int=rng.getrandbits(128))
    ends = starts + timedelta(hours=1)
    planned_mode = MeetingMode.FACE_TO_FACE if face_to_face_planned else MeetingMode.ONLINE
    attended = [
        Attendee(participant_id=pair.mentor, role=Role.MENTOR),
        Attendee(participant_id=pair.mentee, role=Role.MENTEE),
    ]
    return [
        MeetingScheduled(
            programme_id=programme_id,
            relationship_id=rid,
            meeting_id=meeting_id,
            planned_activity_id=None,
            activity_key="regular",
            mode=planned_mode,
            starts_at=starts,
            ends_at=ends,
            sequence=0,
        ),
        MeetingAttendanceRecorded(
            programme_id=programme_id,
            relationship_id=rid,
            meeting_id=meeting_id,
            outcome=AttendanceOutcome.HELD if held else AttendanceOutcome.NO_SHOW,
            attended=attended if held else attended[:1],
            mode=mode,
            duration_minutes=60 if held else 0,
            recorded_by_role=Role.MENTOR,
            recorded_at=ends + timedelta(hours=2),
        ),
    ]


def _poisson(rng: random.Random, lam: float) -> int:
    # Knuth's method: the rates here are small (under about 10 a week)
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def simulate_programme(
    seed: int, cohorts: int, per_cohort: int, first_start: date = date(2024, 1, 8)
) -> list[SimulatedRelationship]:
    """``cohorts`` intakes ``per_cohort`` pairs each, 13 weeks apart, one programme."""
    rng = random.Random(seed)
    programme_id = uuid.UUID(int=rng.getrandbits(128))
    return [
        simulate_relationship(
            rng, programme_id, cohort, first_start + timedelta(weeks=13 * cohort, days=i % 5)
        )
        for cohort in range(cohorts)
        for i in range(per_cohort)
    ]


def history_of(
    relationship: SimulatedRelationship, *, finished: bool = True
) -> RelationshipHistory:
    """The weekly history from the relationship's events, by their own times."""
    start = datetime.combine(relationship.started_on, time(0), tzinfo=UTC)
    end = relationship.ended_on
    weeks_total = min(WEEKS, math.ceil((end - relationship.started_on).days / 7))
    week_of = _WeekFold(weeks_total)
    planned_mode: dict[uuid.UUID, MeetingMode] = {}
    meeting_day: dict[uuid.UUID, float] = {}
    previous: tuple[SenderRole, datetime] | None = None
    for event in sorted(timed_events(relationship), key=lambda item: item[0]):
        at, payload = event
        week = int((at - start).total_seconds() // (7 * 86400))
        if isinstance(payload, MessagePosted):
            answering = previous is not None and previous[0] is not payload.sender_role
            week_of.message(week, payload.sender_role is SenderRole.MENTOR)
            if previous is not None and answering:
                hours = (payload.posted_at - previous[1]).total_seconds() / 3600
                week_of.latency(week, payload.sender_role is SenderRole.MENTOR, hours)
                week_of.contact(week, (payload.posted_at - start).total_seconds() / 86400)
            previous = (payload.sender_role, payload.posted_at)
        elif isinstance(payload, MeetingScheduled):
            planned_mode[payload.meeting_id] = payload.mode
            meeting_day[payload.meeting_id] = (payload.starts_at - start).total_seconds() / 86400
            meeting_week = int(meeting_day[payload.meeting_id] // 7)
            week_of.planned(meeting_week, payload.mode is MeetingMode.FACE_TO_FACE)
        elif isinstance(payload, MeetingAttendanceRecorded):
            held = payload.outcome is AttendanceOutcome.HELD
            meeting_week = int(meeting_day[payload.meeting_id] // 7)
            week_of.attended(meeting_week, held, held and payload.mode is MeetingMode.FACE_TO_FACE)
            if held:
                week_of.contact(meeting_week, meeting_day[payload.meeting_id])
    for week, answer in relationship.check_ins:
        week_of.check_in(week, answer)
    return RelationshipHistory(
        relationship.relationship_id,
        relationship.programme_id,
        relationship.started_on,
        relationship.tz_gap_hours,
        week_of.records(),
        relationship.outcome if finished else None,
        relationship.ended_on if finished else None,
    )


def timed_events(relationship: SimulatedRelationship) -> list[tuple[datetime, Event]]:
    """Each event with the time it happens at (what its envelope carries when delivered):
    the start at midnight (UTC) of its day, from which the weeks count; a meeting's
    schedule two days ahead; the end at noon of its day."""
    start = datetime.combine(relationship.started_on, time(0), tzinfo=UTC)
    out: list[tuple[datetime, Event]] = []
    for event in relationship.events:
        if isinstance(event, RelationshipStarted):
            out.append((start, event))
        elif isinstance(event, MessagePosted):
            out.append((event.posted_at, event))
        elif isinstance(event, MeetingScheduled):
            out.append((event.starts_at - timedelta(days=2), event))
        elif isinstance(event, MeetingAttendanceRecorded):
            out.append((event.recorded_at, event))
        elif isinstance(event, RelationshipEnded):
            out.append((datetime.combine(relationship.ended_on, time(12), tzinfo=UTC), event))
    return out


class _WeekFold:
    """Mutable counters for :func:`history_of`, frozen into WeekRecords at the end."""

    def __init__(self, weeks: int) -> None:
        self.n = weeks
        self.counts = [[0, 0] for _ in range(weeks)]
        self.latencies: list[tuple[list[float], list[float]]] = [([], []) for _ in range(weeks)]
        self.contact_day: list[int | None] = [None] * weeks
        self.meetings = [[0, 0, 0, 0, 0] for _ in range(weeks)]  # planned, held, no-show, f2f p/h
        self.check_ins: list[float | None] = [None] * weeks

    def _ok(self, week: int) -> bool:
        return 0 <= week < self.n

    def message(self, week: int, mentor: bool) -> None:
        if self._ok(week):
            self.counts[week][0 if mentor else 1] += 1

    def latency(self, week: int, mentor: bool, hours: float) -> None:
        if self._ok(week):
            self.latencies[week][0 if mentor else 1].append(hours)

    def contact(self, week: int, day: float) -> None:
        if self._ok(week):
            current = self.contact_day[week]
            self.contact_day[week] = max(int(day), current if current is not None else 0)

    def planned(self, week: int, face_to_face: bool) -> None:
        if self._ok(week):
            self.meetings[week][0] += 1
            self.meetings[week][3] += int(face_to_face)

    def attended(self, week: int, held: bool, face_to_face: bool) -> None:
        if self._ok(week):
            self.meetings[week][1 if held else 2] += 1
            self.meetings[week][4] += int(face_to_face)

    def check_in(self, week: int, answer: float) -> None:
        if self._ok(week):
            self.check_ins[week] = answer

    def records(self) -> tuple[WeekRecord, ...]:
        def median(values: list[float]) -> float | None:
            return statistics.median(values) if values else None

        return tuple(
            WeekRecord(
                week=w,
                mentor_messages=self.counts[w][0],
                mentee_messages=self.counts[w][1],
                mentor_latency_hours=median(self.latencies[w][0]),
                mentee_latency_hours=median(self.latencies[w][1]),
                last_two_way_contact_day=self.contact_day[w],
                meetings_planned=self.meetings[w][0],
                meetings_attended=self.meetings[w][1],
                no_shows=self.meetings[w][2],
                face_to_face_planned=self.meetings[w][3],
                face_to_face_held=self.meetings[w][4],
                check_in_score=self.check_ins[w],
            )
            for w in range(self.n)
        )


def signals_at(relationship: SimulatedRelationship, week: int) -> RelationshipSignals:
    """What the risk helper's rules read, at the end of ``week``, from the same events.

    Every simulated pair agreed a two-day response time on its second day (so the
    agreement rule stays quiet, as it would for pairs that did agree); planned windows
    are not simulated, so that rule never fires either.
    """
    start = datetime.combine(relationship.started_on, time(0), tzinfo=UTC)
    as_of = start + timedelta(days=(week + 1) * 7)
    messages = [
        e for e in relationship.events if isinstance(e, MessagePosted) and e.posted_at <= as_of
    ]
    messages.sort(key=lambda m: m.posted_at)
    started = next(e for e in relationship.events if isinstance(e, RelationshipStarted))
    members = {m.participant_id: _Seen() for m in started.members}
    last_two_way: datetime | None = None
    unanswered: list[UnansweredMessage] = []
    last_by: dict[uuid.UUID | None, int] = {
        m.sender_participant_id: i for i, m in enumerate(messages)
    }
    for i, message in enumerate(messages):
        sender = message.sender_participant_id
        assert sender is not None
        members[sender].contact = message.posted_at
        answered = any(j > i for who, j in last_by.items() if who != sender)
        if not answered and not any(u.sender_id == sender for u in unanswered):
            unanswered.append(UnansweredMessage(sender, message.posted_at))
        if i and messages[i - 1].sender_participant_id != sender:
            last_two_way = message.posted_at
    starts = {
        e.meeting_id: e.starts_at for e in relationship.events if isinstance(e, MeetingScheduled)
    }
    for event in relationship.events:
        if not isinstance(event, MeetingAttendanceRecorded) or event.recorded_at > as_of:
            continue
        came = {a.participant_id for a in event.attended}
        for pid, seen in members.items():
            if event.outcome is AttendanceOutcome.HELD and pid in came:
                seen.meeting = starts[event.meeting_id]
            elif event.outcome is AttendanceOutcome.NO_SHOW and pid not in came:
                seen.no_shows += 1
        if event.outcome is AttendanceOutcome.HELD:
            held = starts[event.meeting_id]
            last_two_way = held if last_two_way is None else max(last_two_way, held)
    return RelationshipSignals(
        relationship_id=relationship.relationship_id,
        programme_id=relationship.programme_id,
        as_of=as_of,
        started_at=start,
        last_two_way_contact_at=last_two_way,
        agreed_response_days=2.0,
        agreement_accepted_at=start + timedelta(days=1),
        unanswered=tuple(unanswered),
        members=tuple(
            MemberActivity(pid, seen.contact, seen.meeting, seen.no_shows)
            for pid, seen in members.items()
        ),
    )


@dataclass
class _Seen:
    """One member's activity so far, while :func:`signals_at` reads the events."""

    contact: datetime | None = None
    meeting: datetime | None = None
    no_shows: int = 0
