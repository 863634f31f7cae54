"""The session's pure rules: when its access token is renewed, how long a session with a
refresh token lives, and the local sign-in's one entry per person."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tandem_web.domain.sessions import DemoUser, WebSession, merged, refresh_time

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
IDLE, ABSOLUTE = timedelta(minutes=30), timedelta(hours=8)


def session(**changes: object) -> WebSession:
    values: dict[str, object] = {
        "subject": "s",
        "display_name": "S",
        "access_token": "a",
        "csrf_token": "c",
        "created_at": NOW,
        "last_seen_at": NOW,
        "token_expires_at": NOW + timedelta(minutes=5),
        **changes,
    }
    return WebSession(**values)  # type: ignore[arg-type]


def test_a_token_is_renewed_30_s_early_or_at_three_quarters_of_a_short_life() -> None:
    assert refresh_time(NOW, NOW + timedelta(minutes=5)) == NOW + timedelta(seconds=270)
    assert refresh_time(NOW, NOW + timedelta(seconds=8)) == NOW + timedelta(seconds=6)


def test_only_a_session_with_a_refresh_token_outlives_its_access_token() -> None:
    local = session()
    assert local.expires_at(IDLE, ABSOLUTE) == NOW + timedelta(minutes=5)
    assert not local.needs_refresh(NOW + timedelta(hours=1))
    provider = session(refresh_token="r", refresh_at=NOW + timedelta(seconds=270))
    assert provider.expires_at(IDLE, ABSOLUTE) == NOW + IDLE
    assert not provider.needs_refresh(NOW + timedelta(seconds=269))
    assert provider.needs_refresh(NOW + timedelta(seconds=270))


def test_renewal_keeps_the_old_id_and_refresh_tokens_when_none_come_back() -> None:
    old = session(refresh_token="r1", id_token="i1")
    later = NOW + timedelta(minutes=10)
    renewed = old.renewed("a2", later, later, None, None)
    assert (renewed.access_token, renewed.refresh_token, renewed.id_token) == ("a2", "r1", "i1")
    rotated = old.renewed("a2", later, later, "r2", "i2")
    assert (rotated.refresh_token, rotated.id_token) == ("r2", "i2")
    assert rotated.csrf_token == old.csrf_token


def test_a_person_in_two_programmes_is_offered_once_with_both_grants() -> None:
    users = merged(
        [
            DemoUser("zoe", "Zoe", "mentee in A", mentee=("a",)),
            DemoUser("max", "Max", "mentor in A", mentor=("a",)),
            DemoUser("zoe", "Zoe", "manager of B", manager=("b",)),
        ]
    )
    assert [u.subject for u in users] == ["zoe", "max"]
    assert users[0].mentee == ("a",)
    assert users[0].manager == ("b",)
    assert users[0].label == "mentee in A; manager of B"
