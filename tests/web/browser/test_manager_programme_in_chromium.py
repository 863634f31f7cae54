"""The manager's programme set-up and dashboard in a real browser (Debian's chromium, the
helpers of ``test_sign_in_in_chromium.py``), on the real platform: axe-core finds no
WCAG 2.2 AA violation on either page, a set-up form is filled and submitted with the
keyboard alone and the page then shows it saved, the dashboard's charts are drawn
(inline SVG, no script) with nothing blocked by the Content-Security-Policy, and each
page is kept as a screenshot under ``.data/screenshots/``."""

from __future__ import annotations

import json

import pytest
from playwright.async_api import Browser, Page

from demo.client import Api
from tests.support.infra import REPO_ROOT
from tests.web.browser.test_sign_in_in_chromium import (
    axe_violations,
    browser,
    focus,
    focus_and_press,
)
from tests.web.platform import Platform
from tests.web.platform_outcomes import Outcomes, outcomes
from tests.web.platform_programme import OwnProgramme, own_programme

pytestmark = [pytest.mark.kafka, pytest.mark.slow]
__all__ = ["browser", "outcomes", "own_programme"]  # fixtures, imported for pytest
SCREENSHOTS = REPO_ROOT / ".data" / "screenshots"


async def signed_in_page(browser: Browser, web: str, name: str) -> tuple[Page, list[str]]:
    context = await browser.new_context(locale="en-GB", timezone_id="Europe/Berlin")
    page = await context.new_page()
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Refused" in m.text else None)
    await page.goto(f"{web}/sign-in")
    await focus_and_press(page, name, limit=120)
    await page.wait_for_url(f"{web}/")
    return page, blocked


async def test_the_settings_page_by_keyboard_with_no_accessibility_violation(
    browser: Browser, platform: Platform, own_programme: OwnProgramme
) -> None:
    web, pid = platform.urls["web"], own_programme.programme_id
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page, blocked = await signed_in_page(browser, web, "Nia Manager")
    try:
        await focus(page, f"a[href='/programmes/{pid}/settings']")
        async with page.expect_navigation():
            await page.keyboard.press("Enter")
        assert "Programme set-up" in await page.inner_text("h1")
        assert await axe_violations(page) == [], "programme set-up"
        await page.screenshot(path=str(SCREENSHOTS / "manager-settings.png"), full_page=True)

        # Keyboard only: to the retention field, a new value, Tab to its button, Enter.
        await focus(page, "#retention-retention_days", limit=400)
        await page.keyboard.press("Control+A")
        await page.keyboard.type("45")
        await focus(page, "section[aria-labelledby=retention] button[type=submit]")
        async with page.expect_navigation():
            await page.keyboard.press("Enter")
        assert "saved=retention" in page.url
        saved = await page.inner_text("section[aria-labelledby=retention]")
        assert "Saved." in saved
        assert await page.input_value("#retention-retention_days") == "45"
        assert await axe_violations(page) == [], "programme set-up, after saving"
    finally:
        await page.context.close()
    assert blocked == [], json.dumps(blocked)
    settings = Api(platform.urls["messaging"]).call(
        "GET", f"/v1/programmes/{pid}/settings", own_programme.token
    )
    assert settings["retention_days"] == 45


async def test_the_dashboard_draws_its_charts_with_no_accessibility_violation(
    browser: Browser, platform: Platform
) -> None:
    web, pid = platform.urls["web"], platform.programme_id
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page, blocked = await signed_in_page(browser, web, "Maria Manager")
    try:
        await focus(page, f"a[href='/programmes/{pid}/dashboard']")
        async with page.expect_navigation():
            await page.keyboard.press("Enter")
        assert "Programme dashboard" in await page.inner_text("h1")
        charts = page.locator("main svg[role=img]")
        assert await charts.count() >= 3  # activity, meetings, survival (and countries)
        for i in range(await charts.count()):
            box = await charts.nth(i).bounding_box()
            assert box is not None
            assert box["width"] > 200
            assert box["height"] > 80
        assert await page.locator("#weeks-chart-title").count() == 1
        assert await axe_violations(page) == [], "programme dashboard"
        await page.screenshot(path=str(SCREENSHOTS / "manager-dashboard.png"), full_page=True)
        await focus(page, f"a[href='/programmes/{pid}/dashboard/export.csv']")  # by keyboard
    finally:
        await page.context.close()
    assert blocked == [], json.dumps(blocked)


async def test_the_outcomes_chart_is_drawn_with_no_accessibility_violation(
    browser: Browser, platform: Platform, outcomes: Outcomes
) -> None:
    """A programme whose mentees answered (``tests/web/platform_outcomes.py``): its
    dashboard draws the outcomes by country as a named chart, and stays axe-clean."""
    web, pid = platform.urls["web"], outcomes.programme_id
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page, blocked = await signed_in_page(browser, web, "Oda Manager")
    try:
        await page.goto(f"{web}/programmes/{pid}/dashboard")
        chart = page.locator("svg[aria-labelledby='outcomes-chart-title outcomes-chart-desc']")
        assert await chart.count() == 1
        box = await chart.bounding_box()
        assert box is not None
        assert box["width"] > 200
        assert box["height"] > 80
        assert await page.locator("svg rect.series-4").count() >= 2  # a segment, its legend
        assert await axe_violations(page) == [], "programme dashboard, outcomes chart"
        await page.screenshot(path=str(SCREENSHOTS / "manager-outcomes.png"), full_page=True)
    finally:
        await page.context.close()
    assert blocked == [], json.dumps(blocked)
