"""The participant pages against the real platform: the four services as their own
processes on the real Kafka broker (the demo's launcher), a programme set up through
their public APIs as its people would (matching's run, both members accepting, the mentor
scheduling a meeting and writing), and the web app (``tandem-web serve``) driven over
HTTP as a browser without JavaScript would: the mentee's "what next" with her mentor's
name and the meeting in her profile's zone (Europe/Athens), a message posted through the
form that messaging then returns, the manager's "private" page, and a home whose meetings
service is down saying so in that section only."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx2
import pytest
from tandem_web.main import create_app
from tandem_web.settings import WebSettings

from demo.client import Api, Tokens
from demo.flow import accept_all, create_programme, import_people, run_matching
from demo.population import Person
from demo.processes import MailCatcher, Ports, running_services
from tandem_kit.settings import AuthSettings
from tests.support.smtp import free_port

pytestmark = [pytest.mark.kafka, pytest.mark.slow]

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


@pytest.fixture(scope="module")
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


def form_token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found is not None, html
    return found.group(1)


@contextmanager
def signed_in(base_url: str, subject: str) -> Iterator[httpx2.Client]:
    """A browser signed in through the web app's local sign-in page as ``subject``."""
    with httpx2.Client(base_url=base_url, timeout=60) as browser:
        page = browser.get("/sign-in")
        assert subject in page.text, page.text
        answer = browser.post(
            "/sign-in/local", data={"csrf_token": form_token(page.text), "subject": subject}
        )
        assert answer.status_code == 303, answer.text
        yield browser


def section(html: str, heading_id: str) -> str:
    """The text (tags left out) of the home page's section labelled by ``heading_id``."""
    found = re.search(rf'<section aria-labelledby="{heading_id}">(.*?)</section>', html, re.S)
    assert found is not None, html
    # Only ASCII blanks collapsed: CLDR puts a narrow no-break space before "PM".
    return re.sub(r"[ \t\n]+", " ", re.sub(r"<[^>]+>", " ", found.group(1)))


def test_the_mentee_sees_her_mentor_and_the_meeting_in_her_own_zone(platform: Platform) -> None:
    athens = platform.meeting_starts_at.astimezone(ZoneInfo("Europe/Athens"))
    with signed_in(platform.urls["web"], platform.mentee) as browser:
        english = browser.get("/")
        german = browser.get("/", headers={"Accept-Language": "de"})
    assert english.status_code == 200, english.text
    assert "What next" in english.text
    assert "Bruno Costa" in section(english.text, "relationships")
    meeting = section(english.text, "meetings")
    assert "Bruno Costa" in meeting
    # en: "Tuesday, December 15, 2026, 5:00 PM" (CLDR), in Athens, not in UTC
    assert f"{athens:%B} {athens.day}, {athens.year}" in meeting
    assert f"{athens.hour - 12}:00\u202fPM" in meeting
    assert "Greece Time" in english.text
    assert "1 unread message" in section(english.text, "messages")
    # She has not answered the invitation yet.
    assert "Invitations waiting for your answer" in meeting
    # de: 24-hour clock and German words, the same instant.
    german_meeting = section(german.text, "meetings")
    assert f"{athens:%H}:00" in german_meeting
    assert "15:00" not in german_meeting
    assert "Griechenland" in german.text


def test_the_mentee_posts_through_the_form_and_messaging_returns_it(platform: Platform) -> None:
    path = f"/conversations/{platform.conversation_id}"
    body = f"Yes please! Here is my CV draft ({uuid.uuid4().hex[:6]})."
    with signed_in(platform.urls["web"], platform.mentee) as browser:
        page = browser.get(path)
        assert page.status_code == 200, page.text
        assert "Bruno Costa" in page.text
        assert "Welcome, Amara! Shall we start with your CV?" in page.text
        key = re.search(r'name="idempotency_key" value="([^"]+)"', page.text)
        assert key is not None
        form = {"csrf_token": form_token(page.text), "idempotency_key": key.group(1), "body": body}
        # Without the form's CSRF token: refused, nothing posted.
        forged = browser.post(f"{path}/messages", data={**form, "csrf_token": "forged"})
        assert forged.status_code == 403
        posted = browser.post(f"{path}/messages", data=form)
        assert posted.status_code == 303
        assert posted.headers["location"] == f"{path}#latest"
        # The same form sent twice (a double click, a retry) posts once.
        assert browser.post(f"{path}/messages", data=form).status_code == 303
        shown = browser.get(path)
    assert body in shown.text
    assert "<strong>You</strong>" in shown.text
    token = platform.tokens.participant(platform.mentee, "mentee", platform.programme_id)
    messages = list(
        Api(platform.urls["messaging"]).pages(
            f"/v1/conversations/{platform.conversation_id}/messages", token
        )
    )
    assert [m["body"] for m in messages].count(body) == 1
    assert "forged" not in [m["body"] for m in messages]


def test_a_manager_opening_the_conversation_is_told_it_is_private(platform: Platform) -> None:
    with signed_in(platform.urls["web"], "demo-manager") as browser:
        page = browser.get(f"/conversations/{platform.conversation_id}")
    assert page.status_code == 403
    assert "This conversation is private" in page.text
    assert "Welcome, Amara!" not in page.text


async def test_a_home_whose_meetings_service_is_down_says_so_in_that_section(
    platform: Platform, tmp_path: Path
) -> None:
    settings = WebSettings(
        environment="test",
        matching_url=platform.urls["matching"],
        messaging_url=platform.urls["messaging"],
        meetings_url=f"http://127.0.0.1:{free_port()}",  # nobody listens
        auth=AuthSettings(local_key_path=str(platform.key)),
        session_database=str(tmp_path / "sessions.db"),
        session_key_file=str(tmp_path / "session.key"),
    )
    transport = httpx2.ASGITransport(app=create_app(settings))
    async with httpx2.AsyncClient(transport=transport, base_url="http://127.0.0.1") as browser:
        sign_in = await browser.get("/sign-in")
        await browser.post(
            "/sign-in/local",
            data={"csrf_token": form_token(sign_in.text), "subject": platform.mentee},
        )
        home = await browser.get("/")
    assert home.status_code == 200
    assert "not answering" in section(home.text, "meetings")
    assert "not answering" not in section(home.text, "messages")
    assert "Bruno Costa" in section(home.text, "relationships")
