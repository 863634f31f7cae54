"""A manager's matching, in a real browser (Debian's chromium through Playwright, as
``test_sign_in_in_chromium.py``) on the real platform: she imports a CSV with bad rows
and sees each with its line and reason, starts matching and watches the run finish
(static/match_run.js polls it and reloads the page: nobody refreshes), reviews the
draft (a move that breaks a rule is refused with matching's explanation), approves and
publishes it; the members accept through matching's API, the programme's risk
thresholds are set low through analytics', and she sees both relationships flagged at
risk with their reasons. Keyboard where a person would use it; axe-core finds no WCAG
2.2 AA violation on any page; nothing is blocked by the Content-Security-Policy; a
screenshot of each main page goes to ``.data/screenshots/``."""

from __future__ import annotations

import json

import pytest
from playwright.async_api import Browser, FilePayload, Page

from tests.web.browser.test_sign_in_in_chromium import (
    axe_clean_and_saved,
    browser,
    focus,
    focus_and_press,
    press_enter_and_wait,
)
from tests.web.platform import Platform
from tests.web.platform_matching import (
    BAD_LINES,
    accept_as_members,
    flagged,
    new_programme,
    people_csv,
    thresholds_low,
)

__all__ = ["browser"]  # the module-scoped Chromium, shared with the sign-in test
SOLVED_WITHIN_MS = 180_000  # a ceiling on two shared cores, never asserted


async def checked(page: Page, name: str) -> None:
    await axe_clean_and_saved(page, f"manager-{name}")


@pytest.mark.kafka
@pytest.mark.slow
async def test_a_manager_imports_matches_publishes_and_sees_the_risk(
    browser: Browser, platform: Platform
) -> None:
    programme = new_programme(platform, "chromium")
    pid, web = programme.id, platform.urls["web"]
    mentor_a, mentor_b = programme.mentors
    mentee_a, _ = programme.mentees
    context = await browser.new_context(locale="en-GB", timezone_id="Europe/Brussels")
    page = await context.new_page()
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Refused" in m.text else None)
    try:
        await page.goto(f"{web}/sign-in")
        # The sign-in page lists every demo user of every test's programme: a click.
        await page.get_by_role("button", name=programme.manager_name).click()
        await page.wait_for_url(f"{web}/")
        assert "Your programmes" in await page.inner_text("main")
        await checked(page, "home")

        await focus(page, f"a[href='/programmes/{pid}/imports']", limit=80)
        await press_enter_and_wait(page)
        await checked(page, "imports")
        csv_file: FilePayload = {
            "name": "people.csv",
            "mimeType": "text/csv",
            "buffer": people_csv(programme),
        }
        await page.set_input_files("#file", files=[csv_file])
        await focus(page, "#file")
        await focus(page, "form[enctype] button[type=submit]")
        await press_enter_and_wait(page)
        main = await page.inner_text("main")
        assert "Not imported\n3" in main or "Not imported 3" in main, main
        rows = await page.locator("table.bad-rows tbody th").all_inner_texts()
        assert [int(r) for r in rows] == sorted(BAD_LINES)
        assert "Mars/Olympus" in main
        await checked(page, "import-report")

        await focus_and_press(page, "Go on to matching", limit=60)
        assert "No match run yet." in await page.inner_text("main")
        await checked(page, "match-runs")
        polls: list[str] = []
        page.on("request", lambda r: polls.append(r.url) if r.url.endswith("/progress") else None)
        await focus_and_press(page, "Start matching", limit=60)
        solving = await page.locator("progress").count() == 1
        # The page follows the run by itself: static/match_run.js, then a reload.
        await page.wait_for_selector(
            "#run-phase:has-text('Draft ready for review')", timeout=SOLVED_WITHIN_MS
        )
        await page.wait_for_load_state()
        assert await page.locator("progress").count() == 0
        if solving:  # the run page showed it solving: the script followed it to its end
            assert polls, "static/match_run.js never asked for the run's progress"
        assert "Mentees matched\n2" in await page.inner_text("main")
        await checked(page, "match-run")

        await focus_and_press(page, "Review the draft", limit=60)
        proposals = await page.inner_text("section[aria-labelledby=proposals]")
        assert all(name in proposals for name in (*programme.mentors, *programme.mentees))
        await checked(page, "draft-review")
        # A move to the mentor whose one place is taken: refused, with matching's reason.
        current = await page.locator(f"h3:has-text('{mentee_a}')").inner_text()
        other = mentor_b if current.startswith(mentor_a) else mentor_a
        await focus(page, "#move-mentee", limit=80)
        await page.select_option("#move-mentee", label=mentee_a)
        await focus(page, "#move-mentor")
        await page.select_option("#move-mentor", label=other)
        await focus(page, "form[action$='/moves'] button")
        await press_enter_and_wait(page)
        alert = await page.inner_text("[role=alert]")
        assert "this change breaks the programme's rules" in alert
        assert await page.locator("ul.breaches li").count() >= 1
        await checked(page, "draft-review-breach")

        await focus_and_press(page, "Approve every proposal", limit=80)
        assert "Approved: 2 of 2." in await page.inner_text("main")
        thresholds_low(platform, programme)
        await focus_and_press(page, "Publish the approved proposals", limit=80)
        assert "Published on" in await page.inner_text("main")

        active = accept_as_members(platform, programme)
        flagged(platform, programme, {r["id"] for r in active})
        await focus_and_press(page, "See the relationships", limit=60)
        listed = await page.inner_text("section[aria-labelledby=relationships]")
        assert listed.count("At risk since") == 2, listed
        assert "No two-way contact for" in listed
        assert "Suggested:" in listed
        await checked(page, "relationships")
        await focus(page, "a[href*='/risk#flag-']", limit=80)
        await press_enter_and_wait(page)
        assert "Relationships at risk" in await page.inner_text("main")
        await checked(page, "risk")
    finally:
        await context.close()
    assert blocked == [], json.dumps(blocked)
