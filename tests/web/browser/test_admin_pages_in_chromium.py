"""The administrator's pages in Chromium on the real platform (``tests/web/platform.py``):
the admin's home, the new organisation form (filled in and submitted by keyboard only)
and the new programme form (submitted by keyboard, incomplete, so that its refusal is
checked too). axe-core finds no WCAG 2.2 AA violation on any of them, the CSP blocks
nothing, and each page's screenshot is saved under ``.data/screenshots/``."""

from __future__ import annotations

import json
import re
import uuid

import pytest
from playwright.async_api import Browser, Page

from tests.support.infra import REPO_ROOT
from tests.web.browser.test_sign_in_in_chromium import (
    axe_violations,
    browser,
    focus,
    focus_and_press,
)
from tests.web.platform import Platform

pytestmark = [pytest.mark.kafka, pytest.mark.slow]
__all__ = ["browser"]  # the sign-in test's Chromium fixture, used here by name

SCREENSHOTS = REPO_ROOT / ".data" / "screenshots"


async def checked(page: Page, what: str) -> str:
    """The page's main text, once axe-core finds nothing and its screenshot is saved."""
    assert await axe_violations(page) == [], what
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SCREENSHOTS / f"admin-{what}.png"), full_page=True)
    return re.sub(r"[ \t\n]+", " ", await page.inner_text("main"))


async def press(page: Page, selector: str) -> None:
    await focus(page, selector, limit=120)
    async with page.expect_navigation():
        await page.keyboard.press("Enter")


async def test_the_admin_pages_by_keyboard_with_no_accessibility_violation(
    browser: Browser, platform: Platform
) -> None:
    web = platform.urls["web"]
    name = f"Keyboard {uuid.uuid4().hex[:6]}"
    context = await browser.new_context(locale="en-GB", timezone_id="Europe/Athens")
    page = await context.new_page()
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Refused" in m.text else None)
    try:
        await page.goto(f"{web}/sign-in")
        await focus_and_press(page, "Administrator", limit=60)
        await page.wait_for_url(f"{web}/")
        assert "Organisations" in await checked(page, "home")

        await press(page, "main a[href='/organisations/new']")
        assert "New organisation" in await checked(page, "new-organisation")
        await focus(page, "input#name")
        await page.keyboard.type(name)
        await press(page, "main button[type=submit]")
        assert f"The organisation {name} was created." in await checked(page, "home-created")

        await focus_and_press(page, f"New programme of {name}", limit=120)
        main = await checked(page, "new-programme")
        assert "The first manager" in main
        assert await page.input_value("select#organisation_id") != ""
        await focus(page, "input#name")
        await page.keyboard.type(f"Programme of {name}")
        await press(page, "main button[type=submit]")  # no dates, no country: refused
        main = await checked(page, "new-programme-refused")
        assert "This was not saved. Please correct the fields marked below." in main
        assert await page.input_value("input#name") == f"Programme of {name}"
    finally:
        await context.close()
    assert blocked == [], json.dumps(blocked)
