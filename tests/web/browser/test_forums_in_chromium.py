"""The forums and the reports queue in a real browser (Debian's chromium through
Playwright, as ``test_sign_in_in_chromium.py``, whose helpers this reuses), on the real
platform: a mentee opens her conversation's edit and report forms, then her programme's
forum from "what next", starts a thread and reports her mentor's reply, keyboard only;
the manager finds the report in the queue and hides the post. axe-core finds no WCAG 2.2
AA violation on any page on the way, nothing is blocked by the Content-Security-Policy,
and each page's screenshot is saved under ``.data/screenshots/``."""

from __future__ import annotations

import json
import uuid

import pytest
from playwright.async_api import Browser, Page

from demo.client import Api
from tests.web.browser.test_sign_in_in_chromium import (
    axe_clean_and_saved,
    browser,
    focus,
    focus_and_press,
    press_enter_and_wait,
)
from tests.web.platform import Platform, wait_for
from tests.web.platform_forums import programme_forum

pytestmark = [pytest.mark.kafka, pytest.mark.slow]
__all__ = ["browser", "programme_forum"]  # fixtures, used by name


async def checked(page: Page, name: str) -> None:
    await axe_clean_and_saved(page, f"forums-{name}")


async def test_a_mentee_reports_a_post_and_the_manager_hides_it_by_keyboard(
    browser: Browser, platform: Platform, programme_forum: str
) -> None:
    web, pid, forum = platform.urls["web"], platform.programme_id, programme_forum
    messaging = Api(platform.urls["messaging"])
    mentor = platform.tokens.participant(platform.mentor, "mentor", pid)
    run = uuid.uuid4().hex[:6]
    title, opening = f"First week tips {run}", f"What should I prepare? ({run})"
    reply_text = f"A list of the jobs you want ({run})"
    note = f"An advert for a paid course ({run})"
    context = await browser.new_context(locale="en-GB", timezone_id="Europe/Athens")
    page = await context.new_page()
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Refused" in m.text else None)
    try:
        await page.goto(f"{web}/sign-in")
        await focus_and_press(page, "Amara Okafor", limit=60)
        await page.wait_for_url(f"{web}/")
        # The conversation's own forms first: her message inside the edit window, his
        # message's report form (nothing is sent from these).
        mine = messaging.call(
            "POST",
            f"/v1/conversations/{platform.conversation_id}/messages",
            platform.tokens.participant(platform.mentee, "mentee", pid),
            json={"body": f"Can we move to Thursday? ({run})"},
        )
        conversation = f"/conversations/{platform.conversation_id}"
        await page.goto(f"{web}{conversation}")
        await checked(page, "conversation")
        await focus(page, f"a[href='{conversation}/messages/{mine['id']}/edit']", limit=200)
        await press_enter_and_wait(page)
        assert "Edit your message" in await page.inner_text("main")
        await checked(page, "edit-a-message")
        await page.goto(f"{web}{conversation}")
        await focus(page, "a[href$='/report']", limit=200)
        await press_enter_and_wait(page)
        assert "Report a message" in await page.inner_text("main")
        await checked(page, "report-a-message")
        await page.goto(f"{web}/")

        await focus_and_press(page, "Your programme's forums", limit=60)
        await page.wait_for_url(f"{web}/programmes/{pid}/forums")
        await checked(page, "forums")

        await focus_and_press(page, "Programme forum", limit=40)
        await page.wait_for_url(f"{web}/forums/{forum}")
        await checked(page, "forum")
        await focus(page, "input#title")
        await page.keyboard.type(title)
        await focus(page, "textarea#body")
        await page.keyboard.type(opening)
        await focus(page, "main button[type=submit]")
        await press_enter_and_wait(page)
        assert f"/forums/{forum}/threads/" in page.url
        main = await page.inner_text("main")
        assert title in main
        assert opening in main
        thread = page.url.rsplit("/", 1)[-1]

        # Her mentor answers through messaging's API; she reads it and reports it.
        [first] = list(messaging.pages(f"/v1/forums/{forum}/threads/{thread}/posts", mentor))
        reply = messaging.call(
            "POST",
            f"/v1/forums/{forum}/threads/{thread}/posts",
            mentor,
            json={"body": reply_text, "in_reply_to": first["id"]},
        )
        await page.reload()
        assert reply_text in await page.inner_text("main")
        await checked(page, "thread")
        await focus(page, f"a[href$='/posts/{reply['id']}/report']", limit=60)
        await press_enter_and_wait(page)
        await checked(page, "report-a-post")
        await focus(page, "select#reason")
        await page.keyboard.press("ArrowDown")  # harassment -> discrimination
        await focus(page, "textarea#note")
        await page.keyboard.type(note)
        await focus(page, "main button[type=submit]")
        await press_enter_and_wait(page)
        assert "your report was sent" in await page.inner_text("main")
        await checked(page, "thread-reported")
        await focus_and_press(page, "Sign out", limit=60)

        await page.goto(f"{web}/sign-in")
        await focus_and_press(page, "Maria Manager", limit=60)
        await page.wait_for_url(f"{web}/")
        await checked(page, "manager-home")
        await focus(page, f"a[href='/programmes/{pid}/reports']", limit=60)
        await press_enter_and_wait(page)
        main = await page.inner_text("main")
        assert note in main
        assert "Discrimination" in main
        await checked(page, "reports")
        manager = platform.tokens.manager(pid)
        [report] = [
            r
            for r in messaging.pages(f"/v1/programmes/{pid}/reports", manager, status="open")
            if r["note"] == note
        ]
        assert report["reason"] == "discrimination"
        await focus(page, f"#report-{report['id']} form[action$='/hidden-post'] button", 200)
        await press_enter_and_wait(page)
        assert "The post is hidden from the members." in await page.inner_text("main")
        await checked(page, "reports-after-hiding")
    finally:
        await context.close()
    assert blocked == [], json.dumps(blocked)
    hidden = wait_for(
        "messaging's hidden post",
        lambda: next(
            (
                p
                for p in messaging.pages(f"/v1/forums/{forum}/threads/{thread}/posts", mentor)
                if p["id"] == reply["id"] and p["hidden"]
            ),
            None,
        ),
    )
    assert hidden["body"] == "[hidden]"  # what members see in its place
