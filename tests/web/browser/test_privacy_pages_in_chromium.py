"""The profile, weekly availability and privacy pages in a real browser (Debian's
chromium through Playwright; the helpers are the sign-in browser test's): a fresh
mentee of this module's own signs in and opens each page from the links, keyboard only;
axe-core finds no WCAG 2.2 AA violation on any of them (the erasure's confirmation too,
which is not sent), and nothing is blocked by the Content-Security-Policy. She fills
the availability editor by keyboard alone, adds a row with its button, saves, and
meetings returns her windows in her own zone. Screenshots go to ``.data/screenshots/``
(CI keeps them)."""

from __future__ import annotations

import json

import pytest
from playwright.async_api import Browser, Page

from demo.client import Api
from tests.support.infra import REPO_ROOT
from tests.web.browser.test_sign_in_in_chromium import (  # the fixture and helpers, reused
    axe_violations,
    browser,  # noqa: F401 - a fixture, used by name
    focus,
    focus_and_press,
)
from tests.web.platform import Platform
from tests.web.platform_privacy import Newcomer, newcomer

pytestmark = [pytest.mark.kafka, pytest.mark.slow]
SCREENSHOTS = REPO_ROOT / ".data" / "screenshots"


@pytest.fixture(scope="module")
def kiri(platform: Platform) -> Newcomer:
    return newcomer(platform, "Kiri Tane", zone="Europe/Athens")


async def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


async def follow(page: Page, selector: str, limit: int = 80) -> None:
    """Tab to the link or button ``selector``, press Enter, wait for the next page."""
    await focus(page, selector, limit)
    async with page.expect_navigation():
        await page.keyboard.press("Enter")


async def test_the_privacy_pages_by_keyboard_with_no_accessibility_violation(
    browser: Browser,  # noqa: F811 - the imported fixture
    platform: Platform,
    kiri: Newcomer,
) -> None:
    web, pid = platform.urls["web"], platform.programme_id
    context = await browser.new_context(locale="en-GB", timezone_id="Europe/Athens")
    page = await context.new_page()
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Refused" in m.text else None)
    try:
        await page.goto(f"{web}/sign-in")
        await focus_and_press(page, "Kiri Tane", limit=400)
        await page.wait_for_url(f"{web}/")
        await follow(page, f"a[href='/programmes/{pid}/profile']")
        main = await page.inner_text("main")
        assert "Your profile" in main
        assert await page.input_value("#display_name") == "Kiri Tane"
        assert await axe_violations(page) == [], "profile"
        await shot(page, "profile")

        await follow(page, f"main a[href='/programmes/{pid}/availability']")
        assert "Greece Time" in await page.inner_text("main")
        assert await axe_violations(page) == [], "availability, empty"
        # Keyboard only: the first row, then "Add a row", then the second row.
        await focus(page, "#start-0")
        await page.keyboard.type("18:00")
        await page.keyboard.press("Tab")
        await page.keyboard.type("20:30")
        await follow(page, "button[value=add]")
        await focus(page, "#weekday-1")
        await page.keyboard.type("W")  # a closed select jumps to Wednesday
        await focus(page, "#start-1")
        await page.keyboard.type("09:00")
        await page.keyboard.press("Tab")
        await page.keyboard.type("12:00")
        await follow(page, "button[value=save]")
        main = await page.inner_text("main")
        assert "Your availability is saved." in main
        assert await page.input_value("#start-1") == "09:00"
        assert await axe_violations(page) == [], "availability, saved"
        await shot(page, "availability")
        answer = Api(platform.urls["meetings"]).call(
            "GET", f"/v1/programmes/{pid}/me/availability", kiri.token
        )
        assert answer["time_zone"] == "Europe/Athens"
        assert [(w["weekday"], w["start"], w["end"]) for w in answer["windows"]] == [
            (0, "18:00", "20:30"),
            (2, "09:00", "12:00"),
        ]

        await follow(page, "header a[href='/privacy']")
        main = await page.inner_text("main")
        assert "What your manager sees about you" in main
        assert await axe_violations(page) == [], "privacy"
        await shot(page, "privacy")
        await follow(page, f"a[href='/programmes/{pid}/erasure']")
        assert "This cannot be undone." in await page.inner_text("main")
        assert await axe_violations(page) == [], "erasure's confirmation"
        await shot(page, "erasure")
    finally:
        await context.close()
    assert blocked == [], json.dumps(blocked)
