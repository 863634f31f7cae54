"""Signing in through the real OIDC provider in a real browser: Debian's chromium (the
helpers of ``test_sign_in_in_chromium.py``), a real Keycloak with the tandem realm, and
``tandem-web serve`` configured for its issuer, the local sign-in off.

Keyboard only: "Sign in" leads to Keycloak's login form, filled in and sent; back on
Tandem the person is signed in (the session cookie HttpOnly, no token in the page or in
a cookie scripts can read). "Sign out" ends the session here and, through the provider's
end-session endpoint with the ID token as hint, at Keycloak too: the next "Sign in" asks
for the password again instead of coming straight back signed in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest
from playwright.async_api import Browser, Page

from tests.support.keycloak import (  # noqa: F401 (fixtures)
    CLIENT_ID,
    CLIENT_SECRET,
    Keycloak,
    User,
    keycloak_fixture,
    keycloak_server_fixture,
)
from tests.support.smtp import free_port
from tests.web.browser.test_sign_in_in_chromium import (  # noqa: F401 (the browser fixture)
    axe_violations,
    browser,
    focus,
    focus_and_press,
)


@pytest.fixture(scope="module")
def web(keycloak_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``tandem-web serve`` signing in with the realm's ``tandem-web`` client (the
    services are not running: the home's sections say so)."""
    folder = tmp_path_factory.mktemp("web-oidc")
    port = free_port()
    issuer = f"{keycloak_server}/realms/tandem"
    env = {k: v for k, v in os.environ.items() if not k.startswith("TANDEM_")}
    env |= {
        "TANDEM_WEB_ENVIRONMENT": "test",
        "TANDEM_WEB_HTTP_PORT": str(port),
        "TANDEM_WEB_LOCAL_SIGN_IN": "false",
        "TANDEM_WEB_AUTH__ISSUER": issuer,
        "TANDEM_WEB_AUTH__AUDIENCE": "tandem",
        "TANDEM_WEB_AUTH__JWKS_URL": f"{issuer}/protocol/openid-connect/certs",
        "TANDEM_WEB_OIDC_CLIENT_ID": CLIENT_ID,
        "TANDEM_WEB_OIDC_CLIENT_SECRET": CLIENT_SECRET,
        "TANDEM_WEB_SESSION_DATABASE": str(folder / "sessions.db"),
        "TANDEM_WEB_SESSION_KEY_FILE": str(folder / "session.key"),
    }
    for service in ("matching", "messaging", "meetings", "analytics"):
        env[f"TANDEM_WEB_{service.upper()}_URL"] = f"http://127.0.0.1:{free_port()}"
    binary = str(Path(sys.executable).with_name("tandem-web"))
    with (
        (folder / "web.log").open("wb") as log,
        subprocess.Popen([binary, "serve"], env=env, stdout=log, stderr=subprocess.STDOUT) as app,
    ):
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx2.get(f"{url}/healthz", timeout=2)
                break
            except httpx2.HTTPError:
                assert app.poll() is None, (folder / "web.log").read_text()
                assert time.monotonic() < deadline, "tandem-web serve did not answer"
                time.sleep(0.2)
        try:
            yield url
        finally:
            app.terminate()


async def log_in_at_keycloak(page: Page, keycloak: Keycloak, user: User) -> None:
    """On Keycloak's login form: the username and password typed, Enter pressed."""
    await page.wait_for_selector("#kc-form-login")
    assert page.url.startswith(keycloak.authorization_endpoint), page.url
    if not await page.evaluate("document.activeElement.matches('#username')"):
        await focus(page, "#username")  # Keycloak's form focuses it itself
    await page.keyboard.type(user.username)
    await focus(page, "#password")
    await page.keyboard.type(user.password)
    await page.keyboard.press("Enter")


async def test_keyboard_sign_in_through_keycloak_and_out_of_it(
    browser: Browser,  # noqa: F811 (the imported fixture)
    web: str,
    keycloak: Keycloak,
) -> None:
    user = await keycloak.create_user([f"mentee:{uuid.uuid4()}"])
    context = await browser.new_context(locale="en-GB", timezone_id="Europe/Athens")
    page = await context.new_page()
    blocked: list[str] = []
    # Tandem's pages only: Keycloak's have their own policy.
    page.on(
        "console",
        lambda m: (
            blocked.append(m.text) if "Refused" in m.text and page.url.startswith(web) else None
        ),
    )
    try:
        await page.goto(web)
        await focus_and_press(page, "Sign in")
        await log_in_at_keycloak(page, keycloak, user)
        await page.wait_for_url(f"{web}/")
        main = await page.inner_text("main")
        assert "What next" in main
        assert f"Signed in as Test {user.username}." in main
        assert await axe_violations(page) == [], "what next, signed in through Keycloak"

        cookies = {c["name"]: c for c in await context.cookies(web)}
        assert cookies["tandem_session"]["httpOnly"] is True
        assert cookies["tandem_session"]["sameSite"] == "Lax"
        assert "tandem_oidc" not in cookies  # the pending sign-in is spent
        visible = await page.evaluate("document.cookie")
        assert "tandem_session" not in visible
        # No token (a JWT starts with the base64 of '{"') in the page or its cookies.
        assert "eyJ" not in visible
        assert "eyJ" not in await page.content()

        await focus_and_press(page, "Sign out")
        await page.wait_for_url(f"{web}/")
        assert "Signed in as" not in await page.inner_text("main")
        assert "tandem_session" not in {c["name"] for c in await context.cookies(web)}

        # The page a session that ended early leads to (a refused renewal, a 401).
        await page.goto(f"{web}/signed-out")
        assert "Please sign in again" in await page.inner_text("main")
        assert await axe_violations(page) == [], "signed out"

        # Keycloak's session ended with Tandem's: it asks for the password again.
        await focus_and_press(page, "Sign in")
        await log_in_at_keycloak(page, keycloak, user)
        await page.wait_for_url(f"{web}/")
        assert f"Signed in as Test {user.username}." in await page.inner_text("main")
    finally:
        await context.close()
    assert blocked == [], json.dumps(blocked)
