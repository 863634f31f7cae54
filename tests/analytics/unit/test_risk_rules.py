"""Each drop-out risk rule fires at its threshold and not a moment before."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import UUID

from tandem_analytics.domain.risk_flags import RiskFlag, Step, decide
from tandem_analytics.domain.risk_rules import (
    MemberActivity,
    RelationshipSignals,
    RiskThresholds,
    UnansweredMessage,
    evaluate,
)
from tandem_contracts.analytics import RiskReasonCode, RiskSource, SuggestedAction

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
ANA = UUID("00000000-0000-0000-0000-00000000000a")
BEN = UUID("00000000-0000-0000-0000-00000000000b")
EPSILON = timedelta(seconds=1)


def signals(as_of: datetime, **changes: object) -> RelationshipSignals:
    base = RelationshipSignals(
        relationship_id=UUID(int=1),
        programme_id=UUID(int=2),
        as_of=as_of,
        started_at=START,
        last_two_way_contact_at=START,
        agreed_response_days=1.0,
        agreement_accepted_at=START,
        members=(
            MemberActivity(ANA, last_contact_at=START, last_meeting_at=None),
            MemberActivity(BEN, last_contact_at=START, last_meeting_at=None),
        ),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


# Only the rule under test is on; the others would fire on the same long silences.
OFF = RiskThresholds(
    no_contact_days=None,
    unanswered_factor=None,
    missed_windows=None,
    no_shows=None,
    agreement_days=None,
    isolation_days=None,
)


def codes(s: RelationshipSignals, t: RiskThresholds) -> list[RiskReasonCode]:
    return [reason.code for reason in evaluate(s, t)]


def test_no_two_way_contact_fires_on_the_nth_day() -> None:
    t = replace(OFF, no_contact_days=14.0)
    assert codes(signals(START + timedelta(days=14) - EPSILON), t) == []
    [reason] = evaluate(signals(START + timedelta(days=14)), t)
    assert reason.code is RiskReasonCode.NO_TWO_WAY_CONTACT
    assert (reason.value, reason.threshold) == (14.0, 14.0)
    assert reason.action is SuggestedAction.CONTACT_MEMBERS


def test_no_two_way_contact_counts_from_the_start_when_there_was_none() -> None:
    t = replace(OFF, no_contact_days=3.0)
    s = signals(START + timedelta(days=3), last_two_way_contact_at=None)
    assert codes(s, t) == [RiskReasonCode.NO_TWO_WAY_CONTACT]


def test_minutes_as_fractional_days_for_a_demo() -> None:
    t = replace(OFF, no_contact_days=2 / 1440)  # two minutes
    assert codes(signals(START + timedelta(seconds=119)), t) == []
    assert codes(signals(START + timedelta(seconds=120)), t) == [RiskReasonCode.NO_TWO_WAY_CONTACT]


def test_message_unanswered_past_twice_the_agreed_response_time() -> None:
    t = replace(OFF, unanswered_factor=2.0)
    posted = START + timedelta(days=1)
    s = signals(posted, unanswered=(UnansweredMessage(ANA, posted),))
    assert codes(replace(s, as_of=posted + timedelta(hours=48) - EPSILON), t) == []
    [reason] = evaluate(replace(s, as_of=posted + timedelta(hours=48)), t)
    assert reason.code is RiskReasonCode.MESSAGE_UNANSWERED
    assert (reason.value, reason.threshold, reason.participant_id) == (48.0, 48.0, ANA)
    assert reason.action is SuggestedAction.REMIND_TO_REPLY


def test_message_unanswered_uses_the_default_without_an_agreement() -> None:
    t = replace(OFF, unanswered_factor=2.0, default_response_days=0.5)
    s = signals(
        START + timedelta(hours=24),
        agreed_response_days=None,
        unanswered=(UnansweredMessage(BEN, START), UnansweredMessage(BEN, START + EPSILON)),
    )
    [reason] = evaluate(s, t)  # one reason per member, for their oldest message
    assert (reason.value, reason.threshold, reason.participant_id) == (24.0, 24.0, BEN)


def test_activity_window_missed_after_its_grace() -> None:
    t = replace(OFF, missed_windows=1, window_grace_days=1.0)
    end = START + timedelta(days=10)
    s = signals(end, missed_window_ends=(end,))
    assert codes(replace(s, as_of=end + timedelta(days=1) - EPSILON), t) == []
    [reason] = evaluate(replace(s, as_of=end + timedelta(days=1)), t)
    assert (reason.code, reason.value, reason.threshold) == (
        RiskReasonCode.ACTIVITY_WINDOW_MISSED,
        1.0,
        1.0,
    )
    assert reason.action is SuggestedAction.HELP_SCHEDULE


def test_activity_windows_counted_against_the_threshold() -> None:
    t = replace(OFF, missed_windows=2)
    one = signals(START + timedelta(days=30), missed_window_ends=(START + timedelta(days=9),))
    assert codes(one, t) == []
    two = replace(one, missed_window_ends=(START + timedelta(days=9), START + timedelta(days=20)))
    assert codes(two, t) == [RiskReasonCode.ACTIVITY_WINDOW_MISSED]


def test_two_no_shows_of_one_member() -> None:
    t = replace(OFF, no_shows=2)
    one = signals(START, members=(MemberActivity(ANA, no_shows=1), MemberActivity(BEN)))
    assert codes(one, t) == []
    two = replace(one, members=(MemberActivity(ANA, no_shows=2), MemberActivity(BEN, no_shows=1)))
    [reason] = evaluate(two, t)
    assert (reason.code, reason.participant_id, reason.value) == (
        RiskReasonCode.REPEATED_NO_SHOWS,
        ANA,
        2.0,
    )
    assert reason.action is SuggestedAction.CHECK_ATTENDANCE


def test_two_no_shows_of_the_relationship_when_nobody_is_named() -> None:
    t = replace(OFF, no_shows=2)
    assert codes(signals(START, no_shows=1), t) == []
    [reason] = evaluate(signals(START, no_shows=2), t)
    assert (reason.code, reason.participant_id, reason.value) == (
        RiskReasonCode.REPEATED_NO_SHOWS,
        None,
        2.0,
    )


def test_agreement_not_accepted_after_n_days() -> None:
    t = replace(OFF, agreement_days=14.0)
    s = signals(START, agreement_accepted_at=None)
    assert codes(replace(s, as_of=START + timedelta(days=14) - EPSILON), t) == []
    assert codes(replace(s, as_of=START + timedelta(days=14)), t) == [
        RiskReasonCode.AGREEMENT_NOT_ACCEPTED
    ]
    accepted = replace(s, as_of=START + timedelta(days=40), agreement_accepted_at=START)
    assert codes(accepted, t) == []


def test_a_participant_isolated_since_their_last_contact_or_meeting() -> None:
    t = replace(OFF, isolation_days=21.0)
    members = (
        MemberActivity(ANA, last_contact_at=START, last_meeting_at=START + timedelta(days=5)),
        MemberActivity(BEN, last_contact_at=None, last_meeting_at=None),  # never: since start
    )
    s = signals(START, members=members)
    assert codes(replace(s, as_of=START + timedelta(days=21) - EPSILON), t) == []
    [ben] = evaluate(replace(s, as_of=START + timedelta(days=21)), t)
    assert (ben.code, ben.participant_id, ben.value) == (
        RiskReasonCode.PARTICIPANT_ISOLATED,
        BEN,
        21.0,
    )
    assert ben.action is SuggestedAction.REACH_OUT_TO_PARTICIPANT
    both = evaluate(replace(s, as_of=START + timedelta(days=26)), t)
    assert [r.participant_id for r in both] == [ANA, BEN]


def test_a_healthy_relationship_with_the_defaults_has_no_reason() -> None:
    assert evaluate(signals(START + timedelta(days=3)), RiskThresholds()) == ()


def test_the_defaults_find_a_silent_relationship() -> None:
    silent = signals(START + timedelta(days=30), last_two_way_contact_at=None)
    assert set(codes(silent, RiskThresholds())) == {
        RiskReasonCode.NO_TWO_WAY_CONTACT,
        RiskReasonCode.PARTICIPANT_ISOLATED,
    }


def flag(**changes: object) -> RiskFlag:
    base = RiskFlag(UUID(int=9), UUID(int=1), UUID(int=2), RiskSource.RULES, (), START)
    return replace(base, **changes)  # type: ignore[arg-type]


def test_flag_steps() -> None:
    silent = signals(START + timedelta(days=30), last_two_way_contact_at=None)
    reasons = evaluate(silent, replace(OFF, no_contact_days=14.0))
    other = evaluate(silent, replace(OFF, isolation_days=14.0))
    open_flag = flag(reasons=reasons)
    assert decide(None, None, reasons) is Step.RAISE
    assert decide(None, None, ()) is Step.NOTHING
    assert decide(open_flag, None, reasons) is Step.NOTHING
    assert decide(open_flag, None, other) is Step.UPDATE
    assert decide(open_flag, None, ()) is Step.CLEAR
    held = flag(reasons=reasons, cleared_at=START, holds=True)
    assert decide(None, held, reasons) is Step.NOTHING  # the manager has seen these
    assert decide(None, held, other) is Step.RAISE  # a reason the manager has not seen
    assert decide(None, held, ()) is Step.RELEASE
