"""The participant pages' pure rules: which programmes a token names, which zone times are
shown in, what the next meeting and the unanswered invitations are, and CLDR's words."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from tandem_web.domain.local_times import local_time, zone_name
from tandem_web.domain.participants import (
    Meeting,
    Profile,
    grants_of,
    next_meeting,
    rsvps_waiting,
    viewer_zone,
)

PROGRAMME = uuid.uuid4()
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)


def meeting(hours: int, *, cancelled: bool = False, answer: str | None = "accepted") -> Meeting:
    starts = NOW + timedelta(hours=hours)
    return Meeting(
        uuid.uuid4(), uuid.uuid4(), starts, starts + timedelta(hours=1), "online", cancelled, answer
    )


def test_grants_name_the_programmes_and_ignore_what_they_cannot_read() -> None:
    other = uuid.uuid4()
    claims = {
        "tandem_roles": [f"mentee:{PROGRAMME}", f"mentor:{PROGRAMME}", f"manager:{other}", "x:y"]
    }
    grants = grants_of(claims)
    assert grants.participant == (PROGRAMME,)
    assert grants.manager == (other,)
    assert grants_of({"tandem_roles": "admin"}).participant == ()


def test_times_are_in_the_profiles_zone_else_the_browsers_else_utc() -> None:
    known = frozenset({"Europe/Athens", "America/Sao_Paulo"})
    athens = Profile(uuid.uuid4(), PROGRAMME, "mentee", "Europe/Athens")
    unset = Profile(uuid.uuid4(), PROGRAMME, "mentee", None)
    assert viewer_zone([athens], "America/Sao_Paulo", known) == "Europe/Athens"
    assert viewer_zone([unset], "America/Sao_Paulo", known) == "America/Sao_Paulo"
    assert viewer_zone([unset], "Mars/Olympus", known) == "UTC"
    assert viewer_zone([], None, known) == "UTC"


def test_the_next_meeting_is_the_soonest_not_cancelled_not_ended() -> None:
    ended, cancelled = meeting(-3), meeting(1, cancelled=True)
    later, soon = meeting(48, answer="needs_action"), meeting(2)
    meetings = [ended, cancelled, later, soon]
    assert next_meeting(meetings, NOW) == soon
    assert rsvps_waiting(meetings, NOW) == [later]
    assert next_meeting([ended], NOW) is None


def test_a_time_is_written_in_the_readers_language_and_zone() -> None:
    moment = datetime(2026, 12, 8, 15, tzinfo=UTC)
    assert local_time(moment, "Europe/Athens", "en") == "Tuesday, December 8, 2026, 5:00\u202fPM"
    assert local_time(moment, "Europe/Athens", "de") == "Dienstag, 8. Dezember 2026, 17:00"
    assert (
        local_time(moment, "America/Sao_Paulo", "pt", length="medium") == "8 de dez. de 2026 12:00"
    )
    assert zone_name("Europe/Athens", "en") == "Greece Time"
