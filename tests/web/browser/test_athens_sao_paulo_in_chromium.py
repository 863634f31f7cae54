"""The issue's scenario in a real browser (Debian's chromium through Playwright's
``executable_path``), on the whole platform: a mentee in Athens (a Greek browser) and a
mentor in São Paulo (a Brazilian one) sign in through the local sign-in page, read their
introduction with the other's zone, accept it, write to each other, and the mentee
schedules a meeting after Athens' next daylight-saving change. Each sees the meeting on
their own clock and the other's clock beside it: the exact times are computed here with
zoneinfo (Athens moves, São Paulo has no DST), so the five hours between them before the
change and the six after are both checked. axe-core finds no WCAG 2.2 AA violation on any
page, nothing is blocked by the CSP, and each page is saved under ``.data/screenshots/``."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_date, format_time, get_timezone_location
from playwright.async_api import Browser, BrowserContext, Page

from tests.support.infra import REPO_ROOT
from tests.web.browser.test_sign_in_in_chromium import (
    axe_violations,
    browser,
    focus,
    focus_and_press,
)
from tests.web.integration.test_meeting_pages import next_transition
from tests.web.platform import Platform
from tests.web.platform_meetings import (
    ATHENS,
    SAO_PAULO,
    Introduced,
    introduce,
    started_in_meetings,
)

pytestmark = [pytest.mark.kafka, pytest.mark.slow]
__all__ = ["browser"]  # the module's Chromium, shared with the sign-in test's fixture

SCREENSHOTS = REPO_ROOT / ".data" / "screenshots"
WAIT_SECONDS = 120


def clock(moment: datetime, zone: str, language: str) -> tuple[str, str]:
    """(date, time) of ``moment`` on the ``zone`` clock in CLDR's words for ``language``
    (the zone by zoneinfo; babel only formats the wall time it is given)."""
    local = moment.astimezone(ZoneInfo(zone))
    return (
        str(format_date(local.date(), "full", locale=language)),
        str(format_time(local.time(), "short", locale=language)),
    )


def words_of_zone(zone: str, language: str) -> str:
    return str(get_timezone_location(ZoneInfo(zone), locale=language, return_city=False))


def flat(text: str) -> str:
    return re.sub(r"[ \t\n]+", " ", text)


class Person:
    """One browser context: its page, what the CSP blocked, and its checks."""

    def __init__(self, context: BrowserContext, page: Page, name: str, web: str) -> None:
        self.context, self.page, self.name, self.web = context, page, name, web
        self.blocked: list[str] = []
        page.on("console", lambda m: self.blocked.append(m.text) if "Refused" in m.text else None)

    async def checked(self, what: str) -> str:
        """The page's main text, once axe-core finds nothing and its screenshot is saved."""
        assert await axe_violations(self.page) == [], f"{self.name}: {what}"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        await self.page.screenshot(
            path=str(SCREENSHOTS / f"meetings-{self.name}-{what}.png"), full_page=True
        )
        return flat(await self.page.inner_text("main"))

    async def press(self, selector: str) -> None:
        """Keyboard only: tab to it, Enter, and wait for the page it leads to."""
        await focus(self.page, selector, limit=120)
        async with self.page.expect_navigation():
            await self.page.keyboard.press("Enter")

    async def sign_in(self, display_name: str) -> None:
        await self.page.goto(f"{self.web}/sign-in")
        await focus_and_press(self.page, display_name, limit=120)
        await self.page.wait_for_url(f"{self.web}/")


async def person(browser: Browser, web: str, name: str, zone: str, locale: str) -> Person:
    context = await browser.new_context(locale=locale, timezone_id=zone)
    return Person(context, await context.new_page(), name, web)


async def until(page: Page, url: str, selector: str) -> None:
    """Reload ``url`` until ``selector`` is on it (a service's consumer catching up)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        await page.goto(url)
        if await page.locator(selector).count():
            return
        assert time.monotonic() < deadline, f"{selector} not on {url} in {WAIT_SECONDS} s"
        await page.wait_for_timeout(500)


@pytest.fixture(scope="module")
def eleni_and_rafael(platform: Platform) -> Introduced:
    return introduce(platform, "Eleni Papadopoulou", "Rafael Souza")


async def test_athens_and_sao_paulo_meet_across_a_daylight_saving_change(
    browser: Browser, platform: Platform, eleni_and_rafael: Introduced
) -> None:
    pair, web = eleni_and_rafael, platform.urls["web"]
    intro = f"/programmes/{pair.programme_id}/relationships/{pair.relationship_id}"
    meetings = f"/relationships/{pair.relationship_id}/meetings"
    mentee = await person(browser, web, "mentee", ATHENS, "el-GR")
    mentor = await person(browser, web, "mentor", SAO_PAULO, "pt-BR")
    try:
        # The introduction, each in their own language, with the other's zone.
        for who, name, other_zone, language in (
            (mentee, pair.mentee_name, SAO_PAULO, "el"),
            (mentor, pair.mentor_name, ATHENS, "pt"),
        ):
            await who.sign_in(name)
            await who.checked("home")
            await who.press(f"a[href='{intro}']")
            shown = await who.checked("introduction")
            assert (pair.mentor_name if who is mentee else pair.mentee_name) in shown
            assert words_of_zone(other_zone, language) in shown
            await who.press(f"form[action='{intro}/accept'] button")
            assert "/accept" not in await who.page.content()
            await who.checked("introduction-accepted")

        # Their conversation opens (messaging consumes the start): they write.
        await until(mentee.page, f"{web}/", "a[href^='/conversations/']")
        await mentee.press("a[href^='/conversations/']")
        await focus(mentee.page, "textarea#body")
        await mentee.page.keyboard.type("Γεια σου Rafael! Πότε μπορούμε να βρεθούμε;")
        await mentee.press("main button[type=submit]")
        assert "Γεια σου Rafael!" in await mentee.checked("conversation")
        await until(mentor.page, f"{web}/", "a[href^='/conversations/']")
        await mentor.press("a[href^='/conversations/']")
        assert "Γεια σου Rafael!" in await mentor.page.inner_text("main")
        await focus(mentor.page, "textarea#body")
        await mentor.page.keyboard.type("Olá Eleni! Depois da mudança de hora, à tarde?")
        await mentor.press("main button[type=submit]")
        assert "Olá Eleni!" in await mentor.checked("conversation")

        # Find a time: each proposed slot on her clock and on his, before the change.
        started_in_meetings(platform, pair)
        await mentee.page.goto(f"{web}{intro}")
        await mentee.press(f"a[href='{meetings}']")
        await mentee.checked("meetings")
        await mentee.press(f"a[href='{meetings}/new']")
        found = await mentee.checked("find-a-time")
        first = await mentee.page.locator("input[name=slot]").first.get_attribute("value")
        assert first
        slot = datetime.fromisoformat(first)
        assert clock(slot, ATHENS, "el")[1] in found
        assert clock(slot, SAO_PAULO, "el")[1] in found
        spring = next_transition(ATHENS, datetime.now(UTC), forward=True)
        before = slot.astimezone(ZoneInfo(ATHENS)).utcoffset()
        if slot < spring:
            assert before == timedelta(hours=2)  # five hours ahead of São Paulo

        # She types 18:00 on her clock, two days after Athens springs forward.
        day = (spring + timedelta(days=2)).date()
        meant = datetime(day.year, day.month, day.day, 18, tzinfo=ZoneInfo(ATHENS))
        assert meant.utcoffset() == timedelta(hours=3)  # now six hours ahead
        await mentee.page.check("#slot-typed")
        await mentee.page.fill("#new-day", day.isoformat())
        await mentee.page.fill("#new-at", "18:00")
        await mentee.press("main form button[type=submit]")
        assert re.search(r"/meetings/[0-9a-f-]{36}$", mentee.page.url), mentee.page.url
        shown = await mentee.checked("meeting")
        her_day, her_time = clock(meant, ATHENS, "el")
        assert her_day in shown
        assert her_time in shown
        # Beside it, Rafael's clock: 12:00 in São Paulo (UTC-3 all year), as zoneinfo says.
        assert clock(meant, SAO_PAULO, "el")[1] in shown
        assert meant.astimezone(ZoneInfo(SAO_PAULO)).hour == 12
        assert words_of_zone(SAO_PAULO, "el") in shown
        meeting_path = mentee.page.url.removeprefix(web)

        # He finds it among his meetings, on his own clock, with hers beside it.
        await mentor.page.goto(f"{web}{meetings}")
        listed = await mentor.checked("meetings")
        his_day, his_time = clock(meant, SAO_PAULO, "pt")
        assert his_day in listed
        assert his_time in listed
        await mentor.press(f"a[href='{meeting_path}']")
        shown = await mentor.checked("meeting")
        assert his_time in shown
        assert clock(meant, ATHENS, "pt")[1] in shown  # Eleni's 18:00
        assert words_of_zone(ATHENS, "pt") in shown
        await mentor.press("button[name=response][value=accepted]")
        assert "aceite" in await mentor.checked("meeting-answered")

        # Her "what next" shows the meeting as the next one, on her clock.
        await mentee.page.goto(f"{web}/")
        home = await mentee.checked("home-with-meeting")
        assert await mentee.page.locator(f"a[href='{meeting_path}']").count() == 1
        assert her_day in home
        assert her_time in home
    finally:
        for who in (mentee, mentor):
            await who.context.close()
    assert mentee.blocked == [], json.dumps(mentee.blocked)
    assert mentor.blocked == [], json.dumps(mentor.blocked)
