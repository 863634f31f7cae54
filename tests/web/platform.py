"""The web app's tests' shared platform: the four services as their own processes on the
real Kafka broker (the demo's launcher) and ``tandem-web serve`` beside them, with a
programme set up through the services' public APIs as its people would: matching's run,
both members accepting, the mentor writing first and scheduling an online meeting.

``pairs`` adds two more pairs to its programme (one ended early with a re-matching
offer, one flagged at risk) for the offer and risk pages' tests.

Session-scoped: the integration and the browser tests share one start (two minutes on
two shared cores)."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx2
import pytest

from demo.client import Api, Tokens
from demo.flow import accept_all, create_programme, import_people, run_matching
from demo.population import Person
from demo.processes import MailCatcher, Ports, running_services
from tests.support.smtp import free_port

WAIT_SECONDS = 120  # a ceiling for the services' consumers to catch up, never asserted


def row(subject: str, role: str, name: str, zone: str, hours: tuple[str, str]) -> Person:
    """One participant of the test's programme: online only, English, evenings that
    overlap across the two zones (so that matching pairs them)."""
    data: dict[str, Any] = {
        "subject": subject,
        "role": role,
        "display_name": name,
        "email": f"{subject}@example.org",
        "preferred_language": "en",
        "country": "PT" if role == "mentor" else "DE",
        "time_zone": zone,
        "languages": ["en"],
        "city": "Lisbon" if role == "mentor" else "Berlin",
        "availability": [{"weekday": d, "start": hours[0], "end": hours[1]} for d in range(5)],
        "sector": "it",
        "preferred_format": "pair",
        "modality": "online_only",
        "linkedin_consent": False,
    }
    data |= {"skills": ["cv", "interviews"], "capacity": 1} if role == "mentor" else {}
    data |= {"goals": ["cv", "interviews"]} if role == "mentee" else {}
    return Person(subject, role, data)


@dataclass(frozen=True)
class Platform:
    urls: dict[str, str]
    key: Path
    tokens: Tokens
    programme_id: str
    mentee: str
    mentor: str
    conversation_id: str
    meeting_starts_at: datetime


def wait_for(what: str, probe: Any) -> Any:
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        found = probe()
        if found:
            return found
        assert time.monotonic() < deadline, f"{what} did not happen within {WAIT_SECONDS} s"
        time.sleep(0.3)


@pytest.fixture(scope="session")
def platform(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    data = tmp_path_factory.mktemp("platform")
    names = ("matching", "messaging", "meetings", "analytics", "smtp", "web")
    ports = Ports(**{name: free_port() for name in names})
    mails = MailCatcher(ports.smtp, data / "mails")
    mails.start()
    run = uuid.uuid4().hex[:6]
    mentee, mentor = f"amara-{run}", f"bruno-{run}"
    try:
        with running_services(data, ports) as urls:
            key = data / "keys" / "jwt-signing-key.pem"
            tokens = Tokens(key)
            matching, messaging = Api(urls["matching"]), Api(urls["messaging"])
            meetings = Api(urls["meetings"])
            programme_id = create_programme(matching, tokens)
            manager = tokens.manager(programme_id)
            people = [
                row(mentor, "mentor", "Bruno Costa", "America/Sao_Paulo", ("12:00", "16:00")),
                row(mentee, "mentee", "Amara Okafor", "Europe/Athens", ("17:00", "21:00")),
            ]
            import_people(matching, manager, programme_id, people)
            run_matching(matching, manager, programme_id)
            subjects = {
                p["id"]: (p["subject"], p["role"])
                for p in matching.pages(f"/v1/programmes/{programme_id}/participants", manager)
            }
            [relationship] = accept_all(matching, tokens, manager, programme_id, subjects)
            mentor_token = tokens.participant(mentor, "mentor", programme_id)
            conversation = wait_for(
                "messaging's conversation",
                lambda: next(
                    (
                        c
                        for c in messaging.pages("/v1/conversations", mentor_token)
                        if c["relationship_id"] == relationship["id"]
                    ),
                    None,
                ),
            )
            messaging.call(
                "POST",
                f"/v1/conversations/{conversation['id']}/messages",
                mentor_token,
                json={"body": "Welcome, Amara! Shall we start with your CV?"},
            )
            # Two weeks ahead, 15:00 UTC: 17:00 or 18:00 in Athens, whatever the season.
            day = (datetime.now(UTC) + timedelta(days=14)).date()
            starts_at = datetime(day.year, day.month, day.day, 15, tzinfo=UTC)
            path = f"/v1/relationships/{relationship['id']}/meetings"

            def scheduled() -> Any:
                answer = httpx2.post(
                    urls["meetings"] + path,
                    headers={"Authorization": f"Bearer {mentor_token}"},
                    json={
                        "mode": "online",
                        "starts_at": starts_at.isoformat(),
                        "duration_minutes": 60,
                    },
                    timeout=30,
                )
                # 404 until meetings has consumed relationship.started
                assert answer.status_code in (201, 404), answer.text
                return answer.status_code == 201

            wait_for("meetings' copy of the relationship", scheduled)
            del meetings
            yield Platform(
                urls, key, tokens, programme_id, mentee, mentor, conversation["id"], starts_at
            )
    finally:
        mails.stop()


THRESHOLDS: dict[str, Any] = {
    "no_contact_days": 0.04,  # the least analytics takes: about a second on the demo scale
    "unanswered_factor": None,
    "default_response_days": 1.0,
    "missed_windows": None,
    "window_grace_days": 0,
    "no_shows": None,
    "agreement_days": None,
    "isolation_days": None,
    "nudge_members": False,
}


@dataclass(frozen=True)
class Pairs:
    ended_mentee: str
    offer_id: str
    quiet_relationship: str
    flag_id: str  # analytics' open flag of the quiet pair


@pytest.fixture(scope="session")
def pairs(platform: Platform) -> Pairs:
    """Two more pairs in the shared programme, through matching's public API (an import,
    a match run, both members accepting): the first ended early by the manager, which
    makes its mentee a re-matching offer (as in ``tests/e2e/test_risk_flow.py``); the
    second never writes, and with the programme's no-contact threshold at its least
    analytics flags it (the platform runs drop-out risk on the demo time scale)."""
    matching, analytics = Api(platform.urls["matching"]), Api(platform.urls["analytics"])
    pid = platform.programme_id
    manager = platform.tokens.manager(pid)
    analytics.call("PUT", f"/v1/programmes/{pid}/risk-thresholds", manager, json=THRESHOLDS)
    run = uuid.uuid4().hex[:6]
    evening, afternoon = ("17:00", "21:00"), ("12:00", "16:00")
    people = [
        row(f"chidi-{run}", "mentee", "Chidi Eze", "Europe/Athens", evening),
        row(f"dara-{run}", "mentee", "Dara Novak", "Europe/Athens", evening),
        row(f"elena-{run}", "mentor", "Elena Silva", "America/Sao_Paulo", afternoon),
        row(f"filipe-{run}", "mentor", "Filipe Rocha", "America/Sao_Paulo", afternoon),
    ]
    import_people(matching, manager, pid, people)
    run_matching(matching, manager, pid)
    subjects = {
        p["id"]: (p["subject"], p["role"])
        for p in matching.pages(f"/v1/programmes/{pid}/participants", manager)
    }
    accept_all(matching, platform.tokens, manager, pid, subjects)
    mine = {
        subjects[m["participant_id"]][0]: r
        for r in matching.pages(f"/v1/programmes/{pid}/relationships", manager, status="active")
        for m in r["members"]
        if subjects[m["participant_id"]][0].endswith(run)
    }
    ended, quiet = mine[f"chidi-{run}"], mine[f"dara-{run}"]
    matching.call(
        "POST",
        f"/v1/programmes/{pid}/relationships/{ended['id']}/end",
        manager,
        json={"reason": "poor_fit"},
    )
    chidi = platform.tokens.participant(f"chidi-{run}", "mentee", pid)
    [offer] = matching.pages(f"/v1/programmes/{pid}/rematching-offers", chidi)
    assert offer["status"] == "open"
    flag = wait_for(
        "analytics' flag of the quiet pair",
        lambda: next(
            (
                f
                for f in analytics.pages(f"/v1/programmes/{pid}/risk-flags", manager)
                if f["relationship_id"] == quiet["id"]
            ),
            None,
        ),
    )
    return Pairs(f"chidi-{run}", offer["id"], quiet["id"], flag["id"])


def form_token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found is not None, html
    return found.group(1)
