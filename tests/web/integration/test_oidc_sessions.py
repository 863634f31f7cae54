"""A Keycloak session in the web app over time, against the real Keycloak and a real
matching (served on a port, verifying the realm's tokens): an access token that expired
is renewed with the refresh token before the page's calls (once, however many requests
arrive together: the realm rotates refresh tokens and refuses a spent one), a refresh
the provider refuses (the person signed out there) ends the session with a plain page,
and so does a service's 401.

The tokens are short-lived through a client of the realm made for the test, whose access
tokens live 5 s (``access.token.lifespan``, set in Keycloak through its admin API)."""

from __future__ import annotations

import asyncio
import secrets
import time
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx2
import jwt
import pytest
import uvicorn
from fastapi import FastAPI
from tandem_web.api.deps import SESSION_COOKIE
from tandem_web.main import create_app
from tandem_web.service.sessions import Sessions
from tandem_web.settings import WebSettings

from tandem_kit.auth.keys import ensure_local_key
from tandem_kit.settings import AuthSettings
from tandem_matching.main import create_app as create_matching
from tests.matching.integration.helpers import settings_for
from tests.support.keycloak import (  # noqa: F401 (fixtures)
    Keycloak,
    User,
    keycloak_fixture,
    keycloak_server_fixture,
)
from tests.support.smtp import free_port

WEB = "http://127.0.0.1:8005"  # a loopback origin the realm's redirect URIs allow
LIFESPAN = 5  # seconds an access token of the test's client lives


@asynccontextmanager
async def served(app: FastAPI) -> AsyncIterator[str]:
    """``app`` on a free loopback port in this event loop (its real lifespan)."""
    port = free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, lifespan="on", log_level="warning", access_log=False
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    while not server.started:
        assert not task.done(), "the server did not start"
        await asyncio.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


@pytest.fixture(scope="module")
async def matching_url(
    keycloak_server: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[str]:
    """Matching verifying the realm's tokens (its issuer, its JWKS, no leeway)."""
    folder = tmp_path_factory.mktemp("matching")
    issuer = f"{keycloak_server}/realms/tandem"
    auth = {
        "issuer": issuer,
        "audience": "tandem",
        "jwks_url": f"{issuer}/protocol/openid-connect/certs",
        "leeway_seconds": 0,
    }
    settings = settings_for(
        f"sqlite+aiosqlite:///{folder / 'matching.db'}",
        str(folder / "unused-local-key.pem"),
        auth=auth,
        match_runs_enabled=False,
    )
    async with served(create_matching(settings)) as url:
        yield url


@pytest.fixture(scope="module")
async def local_matching_url(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """Matching that trusts only the local key: every Keycloak token is a 401 to it."""
    folder = tmp_path_factory.mktemp("local-matching")
    settings = settings_for(
        f"sqlite+aiosqlite:///{folder / 'matching.db'}",
        str(folder / "key.pem"),
        match_runs_enabled=False,
    )
    ensure_local_key(settings.auth.local_key_path)
    async with served(create_matching(settings)) as url:
        yield url


@pytest.fixture
async def short_lived(keycloak: Keycloak) -> tuple[str, str]:
    client = (f"short-lived-{secrets.token_hex(4)}", secrets.token_urlsafe(16))
    await keycloak.create_client(*client, **{"access.token.lifespan": str(LIFESPAN)})
    return client


WebApp = Callable[[str], FastAPI]


@pytest.fixture
def web_app(keycloak: Keycloak, short_lived: tuple[str, str], tmp_path: Path) -> WebApp:
    """The web app signing in with the short-lived client, calling matching at ``url``
    (the other services are not running: their sections say so)."""

    def nowhere() -> str:
        return f"http://127.0.0.1:{free_port()}"

    def build(url: str) -> FastAPI:
        return create_app(
            WebSettings(
                environment="test",
                local_sign_in=False,
                matching_url=url,
                messaging_url=nowhere(),
                meetings_url=nowhere(),
                analytics_url=nowhere(),
                auth=AuthSettings(
                    issuer=keycloak.issuer, audience="tandem", jwks_url=keycloak.jwks_url
                ),
                oidc_client_id=short_lived[0],
                oidc_client_secret=short_lived[1],
                session_database=str(tmp_path / "sessions.db"),
                session_key_file=str(tmp_path / "session.key"),
            )
        )

    return build


@asynccontextmanager
async def browser_of(app: FastAPI) -> AsyncIterator[httpx2.AsyncClient]:
    async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=app), base_url=WEB) as b:
        yield b


async def signed_in(keycloak: Keycloak, browser: httpx2.AsyncClient, user: User) -> str:
    """Sign in as ``user`` through the page's "Sign in" link; the session's id."""
    start = await browser.get("/sign-in")
    assert start.status_code == 303
    assert start.headers["location"] == "/sign-in/oidc"
    to_provider = await browser.get("/sign-in/oidc")
    callback = await keycloak.sign_in(to_provider.headers["location"], user)
    done = await browser.get(f"/oidc/callback?{urlencode(callback)}")
    assert done.status_code == 303, done.text
    return browser.cookies[SESSION_COOKIE]


async def session_of(app: FastAPI, session_id: str) -> object:
    sessions: Sessions = app.state.sessions
    return await sessions.current(session_id, datetime.now(UTC))


def expiry(access_token: str) -> float:
    return float(jwt.decode(access_token, options={"verify_signature": False})["exp"])


async def until_expired(access_token: str) -> None:
    await asyncio.sleep(max(0.0, expiry(access_token) + 1 - time.time()))


async def a_mentee(keycloak: Keycloak) -> User:
    # A programme matching does not know: the home asks about it, matching refuses (a
    # section then says "not matched yet", which it says only when matching answered).
    return await keycloak.create_user([f"mentee:{uuid.uuid4()}"])


MATCHING_ANSWERED = "You are not matched yet."


async def test_an_expired_access_token_is_renewed_before_the_page_calls_matching(
    keycloak: Keycloak, web_app: WebApp, matching_url: str
) -> None:
    app = web_app(matching_url)
    async with browser_of(app) as browser:
        session_id = await signed_in(keycloak, browser, await a_mentee(keycloak))
        sessions: Sessions = app.state.sessions
        before = await sessions.current(session_id, datetime.now(UTC))
        assert before is not None
        assert before.refresh_token
        assert before.id_token
        home = await browser.get("/")
        assert home.status_code == 200
        assert MATCHING_ANSWERED in home.text

        await until_expired(before.access_token)
        async with httpx2.AsyncClient() as direct:  # the old token is matching's no more
            refused = await direct.get(
                f"{matching_url}/v1/programmes",
                headers={"Authorization": f"Bearer {before.access_token}"},
            )
        assert refused.status_code == 401

        home = await browser.get("/")
        assert home.status_code == 200
        assert MATCHING_ANSWERED in home.text
        after = await sessions.current(session_id, datetime.now(UTC))
        assert after is not None
        assert after.access_token != before.access_token
        assert after.token_expires_at.timestamp() > time.time()
        assert after.refresh_token != before.refresh_token  # the realm rotates them
        assert after.csrf_token == before.csrf_token  # the same session, renewed
        # Neither token ever reaches the browser.
        for token in (after.access_token, after.refresh_token, after.id_token):
            assert token is not None
            assert token not in home.text
            assert all(token not in value for value in browser.cookies.values())


async def test_requests_arriving_together_renew_the_token_once(
    keycloak: Keycloak, web_app: WebApp, matching_url: str
) -> None:
    """The realm refuses a refresh token used twice (``refreshTokenMaxReuse`` 0): had two
    of these requests renewed, the second would have ended the session."""
    app = web_app(matching_url)
    async with browser_of(app) as browser:
        session_id = await signed_in(keycloak, browser, await a_mentee(keycloak))
        sessions: Sessions = app.state.sessions
        before = await sessions.current(session_id, datetime.now(UTC))
        assert before is not None
        for _ in range(2):  # twice: the rotated refresh token renews again
            await until_expired(before.access_token)
            pages = await asyncio.gather(*(browser.get("/") for _ in range(6)))
            assert [p.status_code for p in pages] == [200] * 6
            assert all(MATCHING_ANSWERED in p.text for p in pages)
            after = await sessions.current(session_id, datetime.now(UTC))
            assert after is not None
            assert after.access_token != before.access_token
            before = after


async def end_provider_sessions(keycloak: Keycloak, user: User) -> None:
    """Sign the user out at Keycloak (its admin API): the refresh token is dead."""
    token = await keycloak.admin_token()
    async with httpx2.AsyncClient() as http:
        answer = await http.post(
            f"{keycloak.base_url}/admin/realms/tandem/users/{user.id}/logout",
            headers={"Authorization": f"Bearer {token}"},
        )
    assert answer.status_code == 204, answer.text


async def test_a_refused_refresh_ends_the_session_with_a_plain_page(
    keycloak: Keycloak, web_app: WebApp, matching_url: str
) -> None:
    app = web_app(matching_url)
    async with browser_of(app) as browser:
        user = await a_mentee(keycloak)
        session_id = await signed_in(keycloak, browser, user)
        sessions: Sessions = app.state.sessions
        session = await sessions.current(session_id, datetime.now(UTC))
        assert session is not None
        await end_provider_sessions(keycloak, user)
        await until_expired(session.access_token)

        home = await browser.get("/")
        assert home.status_code == 303
        assert home.headers["location"] == "/signed-out"
        assert SESSION_COOKIE not in browser.cookies
        assert await sessions.current(session_id, datetime.now(UTC)) is None
        shown = await browser.get("/signed-out")
        assert shown.status_code == 200
        assert "Your session has ended, so you have been signed out." in shown.text
        assert 'href="/sign-in"' in shown.text
        # Signing in again works (and asks Keycloak anew: its session was ended).
        assert await signed_in(keycloak, browser, user) != session_id
        assert MATCHING_ANSWERED in (await browser.get("/")).text


async def test_a_services_401_ends_the_session_instead_of_showing_it_down(
    keycloak: Keycloak, web_app: WebApp, local_matching_url: str
) -> None:
    """Matching trusting another issuer refuses the session's token: that is no outage
    (before, the home page said "not answering" and kept the useless session)."""
    app = web_app(local_matching_url)
    async with browser_of(app) as browser:
        session_id = await signed_in(keycloak, browser, await a_mentee(keycloak))
        home = await browser.get("/")
        assert home.status_code == 303, home.text
        assert home.headers["location"] == "/signed-out"
        assert SESSION_COOKIE not in browser.cookies
        assert await session_of(app, session_id) is None


async def test_sign_out_sends_the_id_token_to_the_providers_logout(
    keycloak: Keycloak, web_app: WebApp, matching_url: str
) -> None:
    app = web_app(matching_url)
    async with browser_of(app) as browser:
        session_id = await signed_in(keycloak, browser, await a_mentee(keycloak))
        sessions: Sessions = app.state.sessions
        session = await sessions.current(session_id, datetime.now(UTC))
        assert session is not None
        # The sign-out form's redirects lead to Keycloak: the policy lets them.
        csp = (await browser.get("/")).headers["content-security-policy"]
        assert f"form-action 'self' {keycloak.base_url};" in csp
        out = await browser.post("/sign-out", data={"csrf_token": session.csrf_token})
        assert out.status_code == 303
        location = urlsplit(out.headers["location"])
        assert out.headers["location"].startswith(
            f"{keycloak.issuer}/protocol/openid-connect/logout?"
        )
        query = {k: v[0] for k, v in parse_qs(location.query).items()}
        assert query["id_token_hint"] == session.id_token
        assert query["post_logout_redirect_uri"] == f"{WEB}/"
        assert await sessions.current(session_id, datetime.now(UTC)) is None
        async with httpx2.AsyncClient() as keycloak_browser:
            logout = await keycloak_browser.get(out.headers["location"])
        # With the hint Keycloak asks no confirmation: it ends the session, sends home.
        assert logout.status_code == 302, logout.text
        assert logout.headers["location"] == f"{WEB}/"
