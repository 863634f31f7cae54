"""The participant pages against the real platform (``tests/web/platform.py``: the four
services as their own processes on the real Kafka broker, a programme set up through
their public APIs), the web app (``tandem-web serve``) driven over HTTP as a browser
without JavaScript would: the mentee's "what next" with her mentor's name and the
meeting in her profile's zone (Europe/Athens), a message posted through the form that
messaging then returns, the manager's "private" page, and a home whose meetings service
is down saying so in that section only."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx2
import pytest
from tandem_web.main import create_app
from tandem_web.settings import WebSettings

from demo.client import Api
from tandem_kit.settings import AuthSettings
from tests.support.smtp import free_port
from tests.web.platform import Platform, form_token

pytestmark = [pytest.mark.kafka, pytest.mark.slow]


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


def unread_for_the_mentee(platform: Platform) -> int:
    token = platform.tokens.participant(platform.mentee, "mentee", platform.programme_id)
    [conversation] = Api(platform.urls["messaging"]).pages("/v1/conversations", token)
    return int(conversation["unread_count"])


def her_acceptance_is_missing(platform: Platform) -> bool:
    """Whether messaging's agreement of her relationship still waits for the mentee."""
    token = platform.tokens.participant(platform.mentee, "mentee", platform.programme_id)
    messaging = Api(platform.urls["messaging"])
    [conversation] = messaging.pages("/v1/conversations", token)
    path = f"/v1/relationships/{conversation['relationship_id']}/agreement"
    agreement = messaging.call("GET", path, token)
    return "mentee" not in {a["role"] for a in agreement["acceptances"]}


def test_the_mentee_sees_her_mentor_and_the_meeting_in_her_own_zone(platform: Platform) -> None:
    athens = platform.meeting_starts_at.astimezone(ZoneInfo("Europe/Athens"))
    messaging = Api(platform.urls["messaging"])
    mentor = platform.tokens.participant(platform.mentor, "mentor", platform.programme_id)
    messaging.call(
        "POST",
        f"/v1/conversations/{platform.conversation_id}/messages",
        mentor,
        json={"body": "Looking forward to our first meeting."},
    )
    unread = unread_for_the_mentee(platform)
    assert unread >= 1
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
    # What messaging counts, whatever an earlier test read (the browser test opens it).
    assert f"{unread} unread message" in section(english.text, "messages")
    # She has not answered the invitation yet.
    assert "Invitations waiting for your answer" in meeting
    # Messaging drafted the communication agreement when the relationship started; the
    # home says it waits for her unless she has accepted it (the agreement page's tests do).
    agreements = section(english.text, "agreements")
    if her_acceptance_is_missing(platform):
        assert "The agreement with Bruno Costa is waiting for your acceptance." in agreements
    else:
        assert "Nothing is waiting for you." in agreements
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
    # Oldest first, her message the latest (the page's #latest anchor).
    assert shown.text.index("Welcome, Amara!") < shown.text.index(body)
    assert body in shown.text[shown.text.index('id="latest"') :]
    # Shown is read: messaging counts nothing unread for her any more.
    assert unread_for_the_mentee(platform) == 0
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
