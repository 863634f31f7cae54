"""The kit's signed one-click links as check-ins use them: one claim each, refused when
malformed, forged (any changed byte, another secret) or expired; and check-in rounds."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from tandem_analytics.domain.check_in_plans import CheckInPlan, Kind
from tandem_analytics.domain.check_ins import Schedule, due_rounds, rounds
from tandem_analytics.domain.outcomes import Stage, add_months, current_stage, due_stages
from tandem_kit.links import (
    LinkExpired,
    LinkForged,
    LinkMalformed,
    derive_link_secret,
    new_nonce,
    sign_link,
    verify_link,
)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SECRET = derive_link_secret(b"k" * 32, b"test/links")
DOMAIN = b"test\x00"
PAYLOAD = uuid.uuid4().bytes + b"\x01\x04"


def _token(expires: datetime = NOW + timedelta(days=1)) -> str:
    return sign_link(SECRET, DOMAIN, PAYLOAD, expires, new_nonce())


def test_a_genuine_link_says_exactly_its_payload_and_a_nonce_of_its_own() -> None:
    first, second = _token(), _token()
    one = verify_link(SECRET, DOMAIN, first, NOW, payload_size=len(PAYLOAD))
    two = verify_link(SECRET, DOMAIN, second, NOW, payload_size=len(PAYLOAD))
    assert one.payload == two.payload == PAYLOAD
    assert one.nonce != two.nonce
    assert first != second
    assert one.expires_at == NOW + timedelta(days=1)


def test_forged_malformed_and_expired_links_are_refused() -> None:
    token = _token()
    for index in (0, len(token) // 2, len(token) - 2):
        changed = token[:index] + ("A" if token[index] != "A" else "B") + token[index + 1 :]
        with pytest.raises((LinkForged, LinkMalformed)):
            verify_link(SECRET, DOMAIN, changed, NOW, payload_size=len(PAYLOAD))
    other = derive_link_secret(b"o" * 32, b"test/links")
    with pytest.raises(LinkForged):
        verify_link(other, DOMAIN, token, NOW, payload_size=len(PAYLOAD))
    with pytest.raises(LinkForged):  # another use of the same secret
        verify_link(SECRET, b"other\x00", token, NOW, payload_size=len(PAYLOAD))
    for bad in ("", token + "A", token[:-1] + "=", token[:-1] + "+"):
        with pytest.raises(LinkMalformed):
            verify_link(SECRET, DOMAIN, bad, NOW, payload_size=len(PAYLOAD))
    with pytest.raises(LinkExpired):
        verify_link(SECRET, DOMAIN, token, NOW + timedelta(days=1), payload_size=len(PAYLOAD))


def test_rounds_follow_the_relationships_own_dates() -> None:
    plan = CheckInPlan(uuid.uuid4(), pulse_every_weeks=4)
    schedule = Schedule(date(2026, 3, 2), date(2026, 5, 25), None)
    keys = [(r.key, r.due_on) for r in rounds(plan, schedule)]
    assert keys == [
        ("pulse-1", date(2026, 3, 30)),
        ("midpoint", date(2026, 4, 13)),
        ("pulse-2", date(2026, 4, 27)),
        ("final", date(2026, 5, 25)),
    ]
    assert due_rounds(plan, schedule, date(2026, 3, 29), 7) == []
    assert [r.key for r in due_rounds(plan, schedule, date(2026, 4, 5), 7)] == ["pulse-1"]
    assert due_rounds(plan, schedule, date(2026, 4, 6), 7) == []  # its window passed
    ended = Schedule(schedule.starts_on, schedule.agreed_end_date, date(2026, 4, 1))
    assert [(r.kind, r.due_on) for r in due_rounds(plan, ended, date(2026, 4, 1), 7)] == [
        (Kind.FINAL, date(2026, 4, 1))
    ]


def test_outcome_stages_are_months_after_the_end() -> None:
    ended = date(2026, 8, 31)
    assert add_months(ended, 6) == date(2027, 2, 28)
    assert due_stages(ended, ended, 7) == [Stage.CLOSURE]
    assert due_stages(ended, date(2026, 11, 30), 7) == [Stage.MONTH_3]
    assert current_stage(ended, date(2026, 12, 1)) is Stage.MONTH_3
    assert current_stage(ended, date(2027, 3, 1)) is Stage.MONTH_6
