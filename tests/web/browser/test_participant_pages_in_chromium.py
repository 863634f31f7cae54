"""The participants' agreement, goals, notes and check-in pages in a real headless
Chromium (Debian's) against the whole platform: each page has no axe-core WCAG 2.2 AA
violation and nothing blocked by the CSP; a goal is added and a check-in answered with
the keyboard alone. Screenshots go to ``.data/screenshots/`` (CI keeps them)."""

from __future__ import annotations

import json

import pytest
from playwright.async_api import Browser

from tests.web.browser.test_sign_in_in_chromium import (
    axe_clean_and_saved,
    browser,
    focus,
    focus_and_press,
    press_enter_and_wait,
)
from tests.web.platform import Pairs, Platform
from tests.web.platform_participant import Participant, participant

__all__ = ["browser", "participant"]  # the fixtures, for pytest
pytestmark = [pytest.mark.kafka, pytest.mark.slow, pytest.mark.timeout(900)]


async def test_the_mentees_agreement_goals_and_notes_by_keyboard(
    browser: Browser, platform: Platform, participant: Participant
) -> None:
    """Amara follows her home's links to the agreement and the goals, adds a goal with
    the keyboard alone, and reads her meeting's notes page."""
    web = platform.urls["web"]
    rid = participant.relationship_id
    context = await browser.new_context(locale="en-GB", timezone_id="Europe/Athens")
    page = await context.new_page()
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Refused" in m.text else None)
    try:
        await page.goto(f"{web}/sign-in")
        await focus_and_press(page, "Amara Okafor", limit=40)
        await page.wait_for_url(f"{web}/")
        await axe_clean_and_saved(page, "participant-home")

        await focus(page, f"a[href='/relationships/{rid}/agreement']", limit=60)
        await press_enter_and_wait(page)
        assert "We answer a message within" in await page.inner_text("main")
        await axe_clean_and_saved(page, "agreement")

        await page.goto(f"{web}/")
        await focus(page, f"a[href='/relationships/{rid}/goals']", limit=60)
        await press_enter_and_wait(page)
        assert "Goals and milestones" in await page.inner_text("main")
        await axe_clean_and_saved(page, "goals")
        await focus(page, "input#goal-title", limit=200)
        await page.keyboard.type("Typed with the keyboard")
        await focus(page, "section[aria-labelledby=new-goal] button[type=submit]", limit=5)
        await press_enter_and_wait(page)
        assert "Typed with the keyboard" in await page.inner_text("main")
        await axe_clean_and_saved(page, "goals-after-adding")

        await page.goto(f"{web}/meetings/{participant.meeting_id}/notes")
        assert "Meeting notes" in await page.inner_text("main")
        await axe_clean_and_saved(page, "meeting-notes")
        # A 4xx page is a page too: the blank note, kept, with its error.
        await focus(page, "textarea#note-text", limit=80)
        await focus(page, "section[aria-labelledby=new-note] button[type=submit]", limit=5)
        await press_enter_and_wait(page)
        assert "it cannot be blank" in await page.inner_text("main")
        await axe_clean_and_saved(page, "meeting-notes-blank")
    finally:
        await context.close()
    assert blocked == [], json.dumps(blocked)


async def test_a_check_in_answered_by_keyboard_in_greek(
    browser: Browser, platform: Platform, pairs: Pairs, participant: Participant
) -> None:
    """The mentor of the pair that ended early reads their check-ins page in Greek
    and answers their final evaluation with the keyboard alone (Tab into each question's
    radios, an arrow key to choose); the integration tests answer the mentee's, not this."""
    web = platform.urls["web"]
    context = await browser.new_context(locale="el-GR", timezone_id="America/Sao_Paulo")
    page = await context.new_page()
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Refused" in m.text else None)
    try:
        await page.goto(f"{web}/sign-in")
        await focus_and_press(page, participant.ended_mentor, limit=60)
        await page.wait_for_url(f"{web}/")
        await axe_clean_and_saved(page, "participant-home-el")
        await focus(page, "a[href='/check-ins']", limit=60)
        await press_enter_and_wait(page)
        main = await page.inner_text("main")
        assert "Ενημερώσεις και αξιολογήσεις" in main
        assert "Τελική αξιολόγηση" in main  # the final evaluation is waiting
        await axe_clean_and_saved(page, "check-ins-el")
        form = "form.check-in"
        assert await page.locator(form).count() == 1
        for question in participant.questions:  # a final evaluation's, the same for both
            await focus(page, f"{form} input[name=q-{question}]", limit=40)
            await page.keyboard.press("ArrowRight")
        await focus(page, f"{form} button[type=submit]", limit=10)
        await press_enter_and_wait(page)
        assert await page.locator(form).count() == 0
        assert "Καμία ενημέρωση δεν σας περιμένει." in await page.inner_text("main")
        await axe_clean_and_saved(page, "check-ins-el-answered")
    finally:
        await context.close()
    assert blocked == [], json.dumps(blocked)
