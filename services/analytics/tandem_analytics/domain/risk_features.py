"""Weekly drop-out features of a relationship: a pure function of its weekly history.

The history is what a relationship did week by week, counted from its start in the
programme's weeks (week 0 is its first seven days). Every figure is in event time, so
a replay of the same events gives the same history and the same features. The read
models (or a CSV import of an earlier programme) fill :class:`RelationshipHistory`;
nothing here reads a database or a clock.

The features are those issue 12 names. Missing figures take a neutral value (a week
without messages has no response latency; a relationship without planned meetings has
attended "all of them"), so a quiet week shows through the contact features only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID

# A week without a reply carries the last latency seen, else this (a day: the usual
# agreement), so "no messages yet" neither looks fast nor slow.
NEUTRAL_LATENCY_HOURS = 24.0
NEUTRAL_CHECK_IN = 3.0  # the middle of the 1-5 scale
# "Never in contact" counts as this many days, so the feature stays bounded.
MAX_GAP_DAYS = 120.0
RECENT_WEEKS = 2  # latency now: the mean of the last two weeks with a figure
RECIPROCITY_WEEKS = 4


class Outcome(StrEnum):
    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"


@dataclass(frozen=True, slots=True)
class WeekRecord:
    """One programme week of a relationship (mentor side against the mentee side)."""

    week: int
    mentor_messages: int = 0
    mentee_messages: int = 0
    # Median hours from the other side's message to this side's next one, that week.
    mentor_latency_hours: float | None = None
    mentee_latency_hours: float | None = None
    # The day (counted from the relationship's start) of the week's last two-way contact
    # (a message answered by the other side, or a meeting both attended); None: none.
    last_two_way_contact_day: int | None = None
    meetings_planned: int = 0
    meetings_attended: int = 0
    no_shows: int = 0
    face_to_face_planned: int = 0
    face_to_face_held: int = 0
    check_in_score: float | None = None  # the week's mean answer, 1-5


@dataclass(frozen=True, slots=True)
class RelationshipHistory:
    relationship_id: UUID
    programme_id: UUID
    started_on: date
    time_zone_gap_hours: float
    weeks: tuple[WeekRecord, ...]  # week 0, 1, ... in order, one per week
    outcome: Outcome | None = None  # None: still active
    ended_on: date | None = None


FEATURE_NAMES: tuple[str, ...] = (
    "days_since_two_way_contact",
    "share_of_weeks_with_contact",
    "mentor_latency",
    "mentee_latency",
    "mentor_latency_trend",
    "mentee_latency_trend",
    "reciprocity",
    "meetings_attended_share",
    "no_shows",
    "face_to_face_mix_gap",
    "check_in_score",
    "time_zone_gap_hours",
    "programme_week",
)


@dataclass(frozen=True, slots=True)
class RiskFeatures:
    """The features of one relationship at the end of one programme week."""

    days_since_two_way_contact: float
    share_of_weeks_with_contact: float
    mentor_latency: float  # log(1 + hours): a slowdown from 2 h to 20 h weighs like 20 to 200
    mentee_latency: float
    mentor_latency_trend: float  # recent minus earlier, in the same log hours
    mentee_latency_trend: float
    reciprocity: float  # 0 (one side only, or silence) to 1 (as many each way)
    meetings_attended_share: float
    no_shows: float
    face_to_face_mix_gap: float  # |held face-to-face share - planned share|
    check_in_score: float
    time_zone_gap_hours: float
    programme_week: float

    def vector(self) -> list[float]:
        return [float(getattr(self, name)) for name in FEATURE_NAMES]


def _latency_now_and_trend(values: list[float | None]) -> tuple[float, float]:
    known = [math.log1p(v) for v in values if v is not None]
    if not known:
        neutral = math.log1p(NEUTRAL_LATENCY_HOURS)
        return neutral, 0.0
    recent = known[-RECENT_WEEKS:]
    earlier = known[:-RECENT_WEEKS]
    now = sum(recent) / len(recent)
    trend = now - sum(earlier) / len(earlier) if earlier else 0.0
    return now, trend


def features_at(history: RelationshipHistory, week: int) -> RiskFeatures:
    """The features from weeks 0..``week`` of the history (nothing later is seen)."""
    if week < 0 or week >= len(history.weeks):
        raise ValueError(f"week {week} is outside the history's {len(history.weeks)} weeks")
    seen = history.weeks[: week + 1]
    day_now = (week + 1) * 7
    contact_days = [
        w.last_two_way_contact_day for w in seen if w.last_two_way_contact_day is not None
    ]
    gap = float(day_now - max(contact_days)) if contact_days else min(float(day_now), MAX_GAP_DAYS)
    share = sum(1 for w in seen if w.last_two_way_contact_day is not None) / len(seen)

    mentor_now, mentor_trend = _latency_now_and_trend([w.mentor_latency_hours for w in seen])
    mentee_now, mentee_trend = _latency_now_and_trend([w.mentee_latency_hours for w in seen])

    recent = seen[-RECIPROCITY_WEEKS:]
    mentor_sent = sum(w.mentor_messages for w in recent)
    mentee_sent = sum(w.mentee_messages for w in recent)
    most = max(mentor_sent, mentee_sent)
    reciprocity = min(mentor_sent, mentee_sent) / most if most else 0.0

    planned = sum(w.meetings_planned for w in seen)
    attended = sum(w.meetings_attended for w in seen)
    attended_share = min(attended / planned, 1.0) if planned else 1.0
    f2f_planned = sum(w.face_to_face_planned for w in seen)
    f2f_held = sum(w.face_to_face_held for w in seen)
    planned_share = f2f_planned / planned if planned else 0.0
    held_share = f2f_held / attended if attended else planned_share
    scores = [w.check_in_score for w in seen if w.check_in_score is not None]

    return RiskFeatures(
        days_since_two_way_contact=min(gap, MAX_GAP_DAYS),
        share_of_weeks_with_contact=share,
        mentor_latency=mentor_now,
        mentee_latency=mentee_now,
        mentor_latency_trend=mentor_trend,
        mentee_latency_trend=mentee_trend,
        reciprocity=reciprocity,
        meetings_attended_share=attended_share,
        no_shows=float(sum(w.no_shows for w in seen)),
        face_to_face_mix_gap=abs(held_share - planned_share),
        check_in_score=scores[-1] if scores else NEUTRAL_CHECK_IN,
        time_zone_gap_hours=abs(history.time_zone_gap_hours),
        programme_week=float(week + 1),
    )


def weekly_features(history: RelationshipHistory) -> list[RiskFeatures]:
    """The features at the end of every week of the history, in order."""
    return [features_at(history, week) for week in range(len(history.weeks))]
