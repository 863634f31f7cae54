"""The web app's sign-in through the real Keycloak, browser-free: the web app in-process,
the login form posted by ``tests.support.keycloak``, the session holding Keycloak's
access token (never the browser), a replayed or forged callback refused."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

import httpx2
import jwt
import pytest
from fastapi import FastAPI
from tandem_web.api.deps import SESSION_COOKIE
from tandem_web.api.oidc_sign_in import PENDING_COOKIE
from tandem_web.main import create_app
from tandem_web.service.sessions import Sessions
from tandem_web.settings import WebSettings

from tandem_kit.settings import AuthSettings
from tests.support.keycloak import (  # noqa: F401 (fixtures)
    CLIENT_ID,
    CLIENT_SECRET,
    Keycloak,
    keycloak_fixture,
    keycloak_server_fixture,
)

WEB = "http://127.0.0.1:8005"  # a loopback origin the realm's redirect URIs allow


@pytest.fixture
def app(keycloak: Keycloak, tmp_path: Path) -> FastAPI:
    return create_app(
        WebSettings(
            environment="test",
            local_sign_in=False,
            auth=AuthSettings(
                issuer=keycloak.issuer, audience="tandem", jwks_url=keycloak.jwks_url
            ),
            oidc_client_id=CLIENT_ID,
            oidc_client_secret=CLIENT_SECRET,
            session_database=str(tmp_path / "sessions.db"),
            session_key_file=str(tmp_path / "session.key"),
        )
    )


@pytest.fixture
async def browser(app: FastAPI) -> AsyncIterator[httpx2.AsyncClient]:
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(transport=transport, base_url=WEB) as client:
        yield client


async def test_signing_in_through_keycloak_opens_a_session_with_its_token(
    keycloak: Keycloak, app: FastAPI, browser: httpx2.AsyncClient
) -> None:
    user = await keycloak.create_user(["mentee:p-1"])
    start = await browser.get("/sign-in/oidc")
    assert start.status_code == 303
    assert start.headers["location"].startswith(keycloak.authorization_endpoint)
    assert PENDING_COOKIE in browser.cookies
    assert "code_challenge_method=S256" in start.headers["location"]

    callback = await keycloak.sign_in(start.headers["location"], user)
    done = await browser.get(f"/oidc/callback?{urlencode(callback)}")
    assert done.status_code == 303, done.text
    assert done.headers["location"] == "/"
    session_id = browser.cookies[SESSION_COOKIE]

    sessions: Sessions = app.state.sessions
    session = await sessions.current(session_id, datetime.now(UTC))
    assert session is not None
    assert session.subject == user.id
    claims = jwt.decode(session.access_token, options={"verify_signature": False})
    assert claims["iss"] == keycloak.issuer
    assert claims["tandem_roles"] == ["mentee:p-1"]
    # The browser holds an opaque id, never the token.
    assert all(session.access_token not in value for value in browser.cookies.values())
    assert PENDING_COOKIE not in browser.cookies

    # The same callback again: the pending sign-in is spent.
    replay = await browser.get(f"/oidc/callback?{urlencode(callback)}")
    assert replay.status_code == 400

    # Signing out ends the session here and sends the browser to Keycloak's logout.
    out = await browser.post("/sign-out/oidc", data={"csrf_token": session.csrf_token})
    assert out.status_code == 303
    assert out.headers["location"].startswith(f"{keycloak.issuer}/protocol/openid-connect/logout?")
    assert "post_logout_redirect_uri=http%3A%2F%2F127.0.0.1%3A8005%2F" in out.headers["location"]
    # The session's ID token, kept server-side for this, is the logout's hint.
    assert f"id_token_hint={session.id_token}" in out.headers["location"]
    assert await sessions.current(session_id, datetime.now(UTC)) is None
    async with httpx2.AsyncClient() as keycloak_browser:
        confirm = await keycloak_browser.get(out.headers["location"])
    # Keycloak takes the realm's post-logout URI and sends the browser home, with the
    # hint without asking for a confirmation (the browser test sees its session end).
    assert confirm.status_code == 302
    assert confirm.headers["location"] == f"{WEB}/"


async def test_a_forged_or_foreign_callback_opens_no_session(
    keycloak: Keycloak, app: FastAPI, browser: httpx2.AsyncClient
) -> None:
    user = await keycloak.create_user(["mentee:p-1"])
    start = await browser.get("/sign-in/oidc")
    callback = await keycloak.sign_in(start.headers["location"], user)
    forged = await browser.get(f"/oidc/callback?{urlencode({**callback, 'state': 'forged'})}")
    assert forged.status_code == 400
    assert SESSION_COOKIE not in browser.cookies

    # A callback without the pending cookie (another browser's sign-in): refused.
    async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=app), base_url=WEB) as other:
        stranger = await other.get(f"/oidc/callback?{urlencode(callback)}")
    assert stranger.status_code == 400
    assert SESSION_COOKIE not in stranger.cookies
