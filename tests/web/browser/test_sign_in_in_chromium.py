"""The web app in a real browser: Debian's chromium, driven by Playwright through its
``executable_path`` (Playwright's own browser download is never used). Keyboard only,
a user signs in through the embedded default's page and out again; axe-core finds no
WCAG 2.2 AA violation on any page on the way, and the browser reports no blocked
script or style (the Content-Security-Policy allows no inline code). On the real platform,
a mentee's "what next" and conversation pages, the same way; a re-matching offer's page,
and a manager's programmes and relationships at risk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
from playwright.async_api import Browser, Page, async_playwright

from tests.support.infra import REPO_ROOT
from tests.support.smtp import free_port
from tests.web.platform import Pairs, Platform

CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO_ROOT / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
# As root, without a sandbox; no background traffic (this machine's network is closed).
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_SOURCE = AXE.read_text() if AXE.exists() else ""
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOTS = REPO_ROOT / ".data" / "screenshots"  # CI keeps them as artifacts


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``tandem-web serve`` on a free port (matching is not running: the admin alone is
    offered)."""
    folder = tmp_path_factory.mktemp("web")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TANDEM_")}
    env |= {
        "TANDEM_WEB_ENVIRONMENT": "test",
        "TANDEM_WEB_HTTP_PORT": str(port),
        "TANDEM_WEB_MATCHING_URL": f"http://127.0.0.1:{free_port()}",
        "TANDEM_WEB_AUTH__LOCAL_KEY_PATH": str(folder / "key.pem"),
        "TANDEM_WEB_SESSION_DATABASE": str(folder / "sessions.db"),
        "TANDEM_WEB_SESSION_KEY_FILE": str(folder / "session.key"),
    }
    binary = str(Path(sys.executable).with_name("tandem-web"))
    with (
        (folder / "web.log").open("wb") as log,
        subprocess.Popen(
            [binary, "serve"], env=env, stdout=log, stderr=subprocess.STDOUT
        ) as served,
    ):
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx2.get(f"{url}/healthz", timeout=2)
                break
            except httpx2.HTTPError:
                assert served.poll() is None, (folder / "web.log").read_text()
                assert time.monotonic() < deadline, "tandem-web serve did not answer"
                time.sleep(0.2)
        try:
            yield url
        finally:
            served.terminate()


def parts_missing() -> str | None:
    if not CHROMIUM.exists():
        return "chromium is missing: install the Debian package `chromium` (.ci/run)"
    if not AXE.exists():
        return "axe-core is missing: run `make setup` (npm ci in tools/axe)"
    return None


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    missing = parts_missing()
    if missing:
        pytest.fail(missing)
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield launched
        finally:
            await launched.close()


async def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.2 AA violations on the page as it stands (evaluated through the
    DevTools protocol, which the page's CSP does not govern)."""
    await page.evaluate(AXE_SOURCE)
    result = await page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
        ".violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))",
        WCAG_22_AA,
    )
    assert isinstance(result, list)
    return result


async def focus_and_press(page: Page, name: str, limit: int = 20) -> None:
    """Tab until the element whose text is ``name`` has the focus, then Enter, and wait
    for the page it leads to."""
    for _ in range(limit):
        await page.keyboard.press("Tab")
        focused = await page.evaluate("document.activeElement && document.activeElement.innerText")
        if focused and focused.strip() == name:
            async with page.expect_navigation():
                await page.keyboard.press("Enter")
            return
    raise AssertionError(f"{name!r} cannot be reached with the keyboard")


async def axe_clean_and_saved(page: Page, name: str) -> None:
    """No WCAG 2.2 AA violation on the page as it stands, and its screenshot saved as
    ``.data/screenshots/<name>.png``."""
    assert await axe_violations(page) == [], name
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


async def press_enter_and_wait(page: Page) -> None:
    """Enter on the focused control, and the page it leads to."""
    async with page.expect_navigation():
        await page.keyboard.press("Enter")


async def test_keyboard_sign_in_and_out_with_no_accessibility_violation(
    browser: Browser, web: str
) -> None:
    context = await browser.new_context(locale="en-GB", timezone_id="Europe/Athens")
    page = await context.new_page()
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Refused" in m.text else None)
    try:
        await page.goto(web)
        assert await page.title() == "Tandem"
        assert await axe_violations(page) == [], "home"

        await focus_and_press(page, "Sign in")
        await page.wait_for_url(f"{web}/sign-in")
        assert await axe_violations(page) == [], "sign-in"

        await focus_and_press(page, "Administrator")
        await page.wait_for_url(f"{web}/")
        assert "Signed in as Administrator" in await page.inner_text("main")
        assert await axe_violations(page) == [], "home, signed in"
        cookies = {c["name"]: c for c in await context.cookies()}
        assert cookies["tandem_session"]["httpOnly"] is True
        assert cookies["tandem_session"]["sameSite"] == "Lax"
        # Scripts in the page cannot read the session cookie.
        assert "tandem_session" not in await page.evaluate("document.cookie")

        await focus_and_press(page, "Sign out")
        await page.wait_for_url(f"{web}/")
        assert "Signed in as" not in await page.inner_text("main")
    finally:
        await context.close()
    assert blocked == [], json.dumps(blocked)


async def focus(page: Page, selector: str, limit: int = 40) -> None:
    """Tab until the element matching ``selector`` has the focus (keyboard only)."""
    for _ in range(limit):
        await page.keyboard.press("Tab")
        if await page.evaluate(f"document.activeElement.matches({json.dumps(selector)})"):
            return
    raise AssertionError(f"{selector} cannot be reached with the keyboard")


@pytest.mark.kafka
@pytest.mark.slow
async def test_the_mentees_pages_by_keyboard_with_no_accessibility_violation(
    browser: Browser, platform: Platform
) -> None:
    """On the real platform (``tests/web/platform.py``): the mentee signs in, reads "what
    next", opens her conversation, writes and sends a message, keyboard only; axe-core
    finds no WCAG 2.2 AA violation on either page, and no script or style is blocked."""
    web = platform.urls["web"]
    context = await browser.new_context(locale="en-GB", timezone_id="Europe/Athens")
    page = await context.new_page()
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Refused" in m.text else None)
    try:
        await page.goto(f"{web}/sign-in")
        await focus_and_press(page, "Amara Okafor", limit=40)
        await page.wait_for_url(f"{web}/")
        main = await page.inner_text("main")
        assert "What next" in main
        assert "Bruno Costa" in main
        assert await axe_violations(page) == [], "what next"
        # static/timezone.js told the server the browser's zone (the profile's wins).
        cookies = {c["name"]: c["value"] for c in await context.cookies()}
        assert cookies.get("tandem_tz") == "Europe%2FAthens"

        await focus_and_press(page, "Conversation with Bruno Costa", limit=40)
        assert "Welcome, Amara!" in await page.inner_text("main")
        assert await axe_violations(page) == [], "conversation"
        await focus(page, "textarea#body")
        await page.keyboard.type("Sent from the keyboard, without a mouse.")
        await focus(page, "main button[type=submit]")
        async with page.expect_navigation():
            await page.keyboard.press("Enter")
        assert "Sent from the keyboard, without a mouse." in await page.inner_text("main")
        assert await axe_violations(page) == [], "conversation, after posting"
    finally:
        await context.close()
    assert blocked == [], json.dumps(blocked)


@pytest.mark.kafka
@pytest.mark.slow
async def test_the_offer_and_risk_pages_by_keyboard_with_no_accessibility_violation(
    browser: Browser, platform: Platform, pairs: Pairs
) -> None:
    """The mentee whose relationship ended early follows her home's link to her offer;
    the manager her programme's link to its relationships at risk, keyboard only; no
    WCAG 2.2 AA violation, nothing blocked. Nothing is answered or dismissed here (the
    integration tests do that)."""
    web = platform.urls["web"]
    context = await browser.new_context(locale="en-GB", timezone_id="Europe/Athens")
    page = await context.new_page()
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Refused" in m.text else None)
    try:
        await page.goto(f"{web}/sign-in")
        await focus_and_press(page, "Chidi Eze", limit=60)
        await page.wait_for_url(f"{web}/")
        assert await axe_violations(page) == [], "what next, with an offer"
        await focus_and_press(page, "You have been offered re-matching: please answer.", 40)
        await page.wait_for_url(f"**/rematching-offers/{pairs.offer_id}")
        main = await page.inner_text("main")
        assert "Would you like a new mentor?" in main or "accepted this offer" in main
        assert await axe_violations(page) == [], "re-matching offer"
        await focus_and_press(page, "Sign out", limit=40)

        await page.goto(f"{web}/sign-in")
        await focus_and_press(page, "Maria Manager", limit=60)
        await page.wait_for_url(f"{web}/")
        assert "Your programmes" in await page.inner_text("main")
        assert await axe_violations(page) == [], "manager's home"
        await focus(page, f"a[href='/programmes/{platform.programme_id}/risk']")
        async with page.expect_navigation():
            await page.keyboard.press("Enter")
        main = await page.inner_text("main")
        assert "Relationships at risk" in main
        assert "Messages per week" in main
        assert await axe_violations(page) == [], "relationships at risk"
        await focus(page, "main input[name=reason]")  # a dismissal's reason, by keyboard
    finally:
        await context.close()
    assert blocked == [], json.dumps(blocked)
