"""The drop-out risk rules: pure functions from a relationship's signals to reasons.

Every duration threshold is in **fractional days** (``0.5`` is twelve hours); the
unanswered rule's threshold is a multiple of the agreed response time, and counts are
counts. A day lasts ``day_seconds`` (86,400): a demo's time scale makes it a minute, so
that "1 day without two-way contact" flags while the demo runs and every figure (days,
and the unanswered rule's hours) counts the demo's days, not a misleading fraction. A
rule fires when its figure *reaches* its threshold (``>=``), so "14 days without
two-way contact" fires on the fourteenth day. A threshold of ``None`` switches that
rule off for the programme.

The figures come from the signals' ``as_of`` (the evaluation's clock) and the event
times the read models kept, never from when an event arrived.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from tandem_contracts.analytics import RiskReason, RiskReasonCode, SuggestedAction

SECONDS_PER_DAY = 86_400.0
MAX_REASONS = 12  # the contract's bound on a flag's reasons


@dataclass(frozen=True, slots=True)
class RiskThresholds:
    """A programme's thresholds (defaults are what a programme has until it sets its own)."""

    no_contact_days: float | None = 14.0
    # A message is unanswered past ``unanswered_factor`` x the agreed response time
    # (``default_response_days`` when the members have not agreed one yet).
    unanswered_factor: float | None = 2.0
    default_response_days: float = 2.0
    # Planned activities whose window closed ``window_grace_days`` ago without a meeting.
    missed_windows: int | None = 1
    window_grace_days: float = 0.0
    no_shows: int | None = 2
    agreement_days: float | None = 14.0
    isolation_days: float | None = 21.0
    nudge_members: bool = False


@dataclass(frozen=True, slots=True)
class UnansweredMessage:
    """The oldest message of a member that no other member has answered yet."""

    sender_id: UUID
    posted_at: datetime


@dataclass(frozen=True, slots=True)
class MemberActivity:
    """What the read models know of one member's activity in the relationship."""

    participant_id: UUID
    last_contact_at: datetime | None = None  # their last message or reply
    last_meeting_at: datetime | None = None  # the last meeting they attended
    no_shows: int = 0


@dataclass(frozen=True, slots=True)
class RelationshipSignals:
    """One active relationship's figures at ``as_of``, as the read models hold them."""

    relationship_id: UUID
    programme_id: UUID
    as_of: datetime
    started_at: datetime
    last_two_way_contact_at: datetime | None = None
    agreed_response_days: float | None = None
    agreement_accepted_at: datetime | None = None
    unanswered: tuple[UnansweredMessage, ...] = ()
    # The closing times of planned activities' windows that passed without a meeting.
    missed_window_ends: tuple[datetime, ...] = ()
    members: tuple[MemberActivity, ...] = field(default_factory=tuple)
    # No-shows of the relationship when the read models cannot say whose they were.
    no_shows: int = 0


def days_between(earlier: datetime, later: datetime, day_seconds: float = SECONDS_PER_DAY) -> float:
    return (later - earlier).total_seconds() / day_seconds


def no_two_way_contact(
    s: RelationshipSignals, t: RiskThresholds, day: float = SECONDS_PER_DAY
) -> list[RiskReason]:
    if t.no_contact_days is None:
        return []
    since = s.last_two_way_contact_at or s.started_at
    days = days_between(since, s.as_of, day)
    if days < t.no_contact_days:
        return []
    return [_reason(RiskReasonCode.NO_TWO_WAY_CONTACT, days, t.no_contact_days)]


def message_unanswered(
    s: RelationshipSignals, t: RiskThresholds, day: float = SECONDS_PER_DAY
) -> list[RiskReason]:
    """In hours: the age of each member's oldest unanswered message against the limit."""
    if t.unanswered_factor is None:
        return []
    agreed = s.agreed_response_days or t.default_response_days
    limit_hours = t.unanswered_factor * agreed * 24
    oldest: dict[UUID, datetime] = {}
    for message in s.unanswered:
        known = oldest.get(message.sender_id)
        oldest[message.sender_id] = min(known, message.posted_at) if known else message.posted_at
    reasons = []
    for sender, posted_at in sorted(oldest.items(), key=lambda item: item[1]):
        hours = days_between(posted_at, s.as_of, day) * 24
        if hours >= limit_hours:
            reasons.append(
                _reason(RiskReasonCode.MESSAGE_UNANSWERED, hours, limit_hours, participant=sender)
            )
    return reasons


def activity_window_missed(
    s: RelationshipSignals, t: RiskThresholds, day: float = SECONDS_PER_DAY
) -> list[RiskReason]:
    if t.missed_windows is None:
        return []
    passed = sum(
        1 for end in s.missed_window_ends if days_between(end, s.as_of, day) >= t.window_grace_days
    )
    if passed == 0 or passed < t.missed_windows:
        return []
    return [_reason(RiskReasonCode.ACTIVITY_WINDOW_MISSED, passed, t.missed_windows)]


def repeated_no_shows(
    s: RelationshipSignals, t: RiskThresholds, day: float = SECONDS_PER_DAY
) -> list[RiskReason]:
    if t.no_shows is None:
        return []
    if not any(m.no_shows for m in s.members):
        if s.no_shows == 0 or s.no_shows < t.no_shows:
            return []
        return [_reason(RiskReasonCode.REPEATED_NO_SHOWS, s.no_shows, t.no_shows)]
    return [
        _reason(
            RiskReasonCode.REPEATED_NO_SHOWS, m.no_shows, t.no_shows, participant=m.participant_id
        )
        for m in _by_id(s.members)
        if m.no_shows > 0 and m.no_shows >= t.no_shows
    ]


def agreement_not_accepted(
    s: RelationshipSignals, t: RiskThresholds, day: float = SECONDS_PER_DAY
) -> list[RiskReason]:
    if t.agreement_days is None or s.agreement_accepted_at is not None:
        return []
    days = days_between(s.started_at, s.as_of, day)
    if days < t.agreement_days:
        return []
    return [_reason(RiskReasonCode.AGREEMENT_NOT_ACCEPTED, days, t.agreement_days)]


def participant_isolated(
    s: RelationshipSignals, t: RiskThresholds, day: float = SECONDS_PER_DAY
) -> list[RiskReason]:
    """A member with neither contact nor a meeting for N days (since the start if never)."""
    if t.isolation_days is None:
        return []
    reasons = []
    for member in _by_id(s.members):
        known = [at for at in (member.last_contact_at, member.last_meeting_at) if at is not None]
        days = days_between(max(known, default=s.started_at), s.as_of, day)
        if days >= t.isolation_days:
            reasons.append(
                _reason(
                    RiskReasonCode.PARTICIPANT_ISOLATED,
                    days,
                    t.isolation_days,
                    participant=member.participant_id,
                )
            )
    return reasons


RULES = (
    no_two_way_contact,
    message_unanswered,
    activity_window_missed,
    repeated_no_shows,
    agreement_not_accepted,
    participant_isolated,
)

ACTIONS = {
    RiskReasonCode.NO_TWO_WAY_CONTACT: SuggestedAction.CONTACT_MEMBERS,
    RiskReasonCode.MESSAGE_UNANSWERED: SuggestedAction.REMIND_TO_REPLY,
    RiskReasonCode.ACTIVITY_WINDOW_MISSED: SuggestedAction.HELP_SCHEDULE,
    RiskReasonCode.REPEATED_NO_SHOWS: SuggestedAction.CHECK_ATTENDANCE,
    RiskReasonCode.AGREEMENT_NOT_ACCEPTED: SuggestedAction.HELP_AGREE,
    RiskReasonCode.PARTICIPANT_ISOLATED: SuggestedAction.REACH_OUT_TO_PARTICIPANT,
}


def evaluate(
    signals: RelationshipSignals,
    thresholds: RiskThresholds,
    *,
    day_seconds: float = SECONDS_PER_DAY,
) -> tuple[RiskReason, ...]:
    """Every reason the rules find, in the rules' order, at most the contract's twelve;
    ``day_seconds`` is the thresholds' day (a demo's time scale shortens it)."""
    reasons = [reason for rule in RULES for reason in rule(signals, thresholds, day_seconds)]
    return tuple(reasons[:MAX_REASONS])


def codes_of(reasons: Iterable[RiskReason]) -> frozenset[RiskReasonCode]:
    return frozenset(reason.code for reason in reasons)


def _reason(
    code: RiskReasonCode, value: float, threshold: float, *, participant: UUID | None = None
) -> RiskReason:
    # Rounded so that a re-evaluation a second later does not look like a new figure.
    return RiskReason(
        code=code,
        value=round(float(value), 3),
        threshold=float(threshold),
        participant_id=participant,
        action=ACTIONS[code],
    )


def _by_id(members: Iterable[MemberActivity]) -> list[MemberActivity]:
    return sorted(members, key=lambda m: str(m.participant_id))
