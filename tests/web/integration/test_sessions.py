"""Sign-in, the server-side session, CSRF and sign-out, on the web app's real session
database (matching unreachable here: the local sign-in then offers the admin alone)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx2
import pytest
from tandem_web.main import create_app
from tandem_web.service.sessions import Sessions
from tandem_web.settings import WebSettings

from tandem_kit.auth import mint_token
from tandem_kit.settings import AuthSettings
from tests.support.smtp import free_port


@pytest.fixture
def settings(tmp_path: Path) -> WebSettings:
    return WebSettings(
        environment="test",
        matching_url=f"http://127.0.0.1:{free_port()}",  # nobody listens
        auth=AuthSettings(local_key_path=str(tmp_path / "key.pem")),
        session_database=str(tmp_path / "sessions.db"),
        session_key_file=str(tmp_path / "session.key"),
    )


@pytest.fixture
async def browser(settings: WebSettings) -> AsyncIterator[httpx2.AsyncClient]:
    app = create_app(settings)
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        yield client


def form_token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found is not None, html
    return found.group(1)


def database_bytes(settings: WebSettings) -> bytes:
    return b"".join(
        p.read_bytes() for p in Path(settings.session_database).parent.glob("sessions.db*")
    )


def session_rows(settings: WebSettings) -> int:
    with sqlite3.connect(settings.session_database) as connection:
        (count,) = connection.execute("SELECT count(*) FROM web_sessions").fetchone()
    return int(count)


async def test_sign_in_keeps_the_token_server_side_and_sign_out_ends_it(
    browser: httpx2.AsyncClient, settings: WebSettings
) -> None:
    page = await browser.get("/sign-in")
    assert page.status_code == 200
    assert "Administrator" in page.text
    assert "httponly" in page.headers["set-cookie"].lower()
    token = form_token(page.text)

    signed_in = await browser.post("/sign-in/local", data={"csrf_token": token, "subject": "admin"})
    assert signed_in.status_code == 303
    assert signed_in.headers["location"] == "/"
    cookie = next(c for c in signed_in.headers.get_list("set-cookie") if "tandem_session=" in c)
    attributes = cookie.lower()
    assert "httponly" in attributes
    assert "samesite=lax" in attributes
    assert "secure" not in attributes  # loopback: a laptop's plain http
    session_id = browser.cookies["tandem_session"]
    assert "." not in session_id  # opaque, not a JWT
    assert session_rows(settings) == 1

    home = await browser.get("/")
    assert "Signed in as Administrator" in home.text
    # The bearer token is in the database only sealed; neither it nor the id is readable.
    sessions: Sessions = browser._transport.app.state.sessions  # type: ignore[attr-defined]
    live = await sessions.current(session_id, datetime.now(UTC))
    assert live is not None
    stored = database_bytes(settings)
    assert live.access_token.encode() not in stored
    assert live.access_token.split(".")[1].encode() not in stored
    assert session_id.encode() not in stored

    # Signing out needs the session's CSRF token; the pre-sign-in one is worth nothing.
    refused = await browser.post("/sign-out", data={"csrf_token": token})
    assert refused.status_code == 403
    assert session_rows(settings) == 1
    out = await browser.post("/sign-out", data={"csrf_token": form_token(home.text)})
    assert out.status_code == 303
    assert session_rows(settings) == 0
    # The old cookie, replayed, signs no one in.
    browser.cookies.set("tandem_session", session_id)
    again = await browser.get("/")
    assert "Signed in as" not in again.text


@pytest.mark.parametrize("csrf", [None, "", "forged-token"])
async def test_a_form_without_its_csrf_token_is_refused_and_changes_nothing(
    browser: httpx2.AsyncClient, settings: WebSettings, csrf: str | None
) -> None:
    await browser.get("/sign-in")  # the browser has its CSRF cookie
    data = {"subject": "admin"} | ({"csrf_token": csrf} if csrf is not None else {})
    answer = await browser.post("/sign-in/local", data=data)
    assert answer.status_code == 403
    assert "tandem_session" not in browser.cookies
    assert session_rows(settings) == 0


async def test_an_unknown_demo_user_is_a_422(
    browser: httpx2.AsyncClient, settings: WebSettings
) -> None:
    token = form_token((await browser.get("/sign-in")).text)
    answer = await browser.post("/sign-in/local", data={"csrf_token": token, "subject": "eve"})
    assert answer.status_code == 422
    assert session_rows(settings) == 0


async def test_a_session_expires_when_idle_and_at_its_absolute_limit(
    settings: WebSettings,
) -> None:
    sessions: Sessions = create_app(settings).state.sessions
    now = datetime.now(UTC)
    token = mint_token(settings.auth, "admin", admin=True, ttl=24 * 3600)
    session_id, _ = await sessions.open("admin", "Administrator", token, now)
    idle = timedelta(minutes=settings.session_idle_minutes)
    # Used within the idle time, again and again: alive until the absolute limit.
    moment = now
    while moment + idle * 0.9 < now + timedelta(hours=settings.session_absolute_hours):
        moment += idle * 0.9
        assert await sessions.current(session_id, moment) is not None
    assert await sessions.current(session_id, now + timedelta(hours=8, minutes=1)) is None
    # Left idle: gone after the idle time.
    other, _ = await sessions.open("admin", "Administrator", token, now)
    assert await sessions.current(other, now + idle + timedelta(seconds=1)) is None
