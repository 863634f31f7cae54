"""The introduction and the meetings pages against the real platform
(``tests/web/platform.py`` and a fresh, still proposed pair of its own from
``tests/web/platform_meetings.py``), driven over HTTP as a browser without JavaScript
would: the members read their introduction (the other's local time and zone) and accept
it through its forms; the mentee finds a time (each slot on her clock and on her
mentor's), schedules, is refused in words for a time passed, a time the clock skips, a
face-to-face meeting without a place and a time her mentor is taken; the mentor answers
the invitation; the meeting is moved and another cancelled; who came is refused before
the start; the calendar feed is made, read by a calendar, and stopped. Someone outside
the relationship gets "not found"; the programme's manager reads when and how, never the
link, and has no form to act with."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import httpx2
import pytest
from babel.dates import format_time, get_timezone_location

from demo.client import Api
from tests.web.integration.test_participant_pages import signed_in
from tests.web.platform import Platform, form_token
from tests.web.platform_meetings import (
    ATHENS,
    SAO_PAULO,
    Introduced,
    introduce,
    started_in_meetings,
)

pytestmark = [pytest.mark.kafka, pytest.mark.slow]


def text_of(html: str) -> str:
    return re.sub(r"[ \t\n]+", " ", re.sub(r"<[^>]+>", " ", html))


def short_time(moment: datetime, zone: str, language: str = "en") -> str:
    """CLDR's short time of ``moment`` on the ``zone`` clock (the zone by zoneinfo)."""
    return str(format_time(moment.astimezone(ZoneInfo(zone)).time(), "short", locale=language))


def zone_words(zone: str, language: str = "en") -> str:
    return str(get_timezone_location(ZoneInfo(zone), locale=language, return_city=False))


@pytest.fixture(scope="module")
def pair(platform: Platform) -> Introduced:
    return introduce(platform, "Ioanna Georgiou", "Marta Lima")


def meeting_id_of(location: str) -> str:
    found = re.fullmatch(r"/meetings/([0-9a-f-]{36})", location)
    assert found is not None, location
    return found.group(1)


def test_the_introduction_meetings_and_refusals(platform: Platform, pair: Introduced) -> None:
    web, pid, rid = platform.urls["web"], pair.programme_id, pair.relationship_id
    intro = f"/programmes/{pid}/relationships/{rid}"
    with signed_in(web, pair.mentee) as mentee:
        home = mentee.get("/")
        assert intro in home.text  # "Your mentoring" links the introduction
        page = mentee.get(intro)
        assert page.status_code == 200, page.text
        words = text_of(page.text)
        assert pair.mentor_name in words
        assert "Their local time now" in words
        assert zone_words(SAO_PAULO) in words
        assert zone_words(ATHENS) in words  # her own
        forged = mentee.post(f"{intro}/accept", data={"csrf_token": "forged"})
        assert forged.status_code == 403
        accepted = mentee.post(f"{intro}/accept", data={"csrf_token": form_token(page.text)})
        assert accepted.status_code == 303, accepted.text
        assert accepted.headers["location"] == intro
        assert "Your answer: accepted." in text_of(mentee.get(intro).text)
    with signed_in(web, pair.mentor) as mentor:
        page = mentor.get(intro)
        assert pair.mentee_name in page.text
        assert zone_words(ATHENS) in text_of(page.text)
        done = mentor.post(f"{intro}/accept", data={"csrf_token": form_token(page.text)})
        assert done.status_code == 303, done.text
        active = mentor.get(intro)
        assert "This relationship is active." in text_of(active.text)
        assert f"/relationships/{rid}/meetings" in active.text
        # Answered: declining now is refused in words (matching's 409), never a 500.
        late = mentor.post(f"{intro}/decline", data={"csrf_token": form_token(active.text)})
        assert late.status_code == 409, late.text
        assert "no longer waiting for an answer" in late.text
    started_in_meetings(platform, pair)

    with signed_in(web, pair.mentee) as mentee:
        listed = mentee.get(f"/relationships/{rid}/meetings")
        assert listed.status_code == 200, listed.text
        assert "No meeting is planned yet." in listed.text
        new = mentee.get(f"/relationships/{rid}/meetings/new")
        assert new.status_code == 200, new.text
        slots = re.findall(r'name="slot" value="([^"]*)"', new.text)
        assert slots
        assert slots[-1] == ""
        first = datetime.fromisoformat(slots[0])
        words = text_of(new.text)
        # Each slot on her clock and, beside it, on her mentor's.
        assert short_time(first, ATHENS) in words
        assert short_time(first, SAO_PAULO) in words
        assert f"{pair.mentor_name}'s time" in words
        token = form_token(new.text)
        base = {"csrf_token": token, "duration": "60", "mode": "online"}

        def schedule(**fields: str) -> httpx2.Response:
            return mentee.post(f"/relationships/{rid}/meetings", data=base | fields)

        yesterday = datetime.now(ZoneInfo(ATHENS)) - timedelta(days=1)
        past = schedule(slot="", day=f"{yesterday:%Y-%m-%d}", at="18:30")
        assert past.status_code == 422, past.text
        assert "That time has passed" in past.text
        assert f'value="{yesterday:%Y-%m-%d}"' in past.text  # what she typed, kept
        assert 'value="18:30"' in past.text
        # 03:30 on the day Athens springs forward does not exist on her clock.
        spring = next_transition(ATHENS, datetime.now(UTC), forward=True)
        gap = schedule(slot="", day=f"{spring:%Y-%m-%d}", at="03:30")
        assert gap.status_code == 422, gap.text
        assert "That time does not exist in your time zone" in gap.text
        placeless = schedule(slot=slots[0], mode="face_to_face", place_name="")
        assert placeless.status_code == 422
        assert "A face-to-face meeting needs a place." in placeless.text

        made = schedule(slot=slots[0])
        assert made.status_code == 303, made.text
        first_id = meeting_id_of(made.headers["location"])
        # The same time again: she is taken then (meetings' 409 member_busy).
        taken = first.astimezone(ZoneInfo(ATHENS))
        busy = schedule(slot="", day=f"{taken:%Y-%m-%d}", at=f"{taken:%H:%M}")
        assert busy.status_code == 409, busy.text
        assert "a member is busy at that time" in busy.text

        shown = mentee.get(f"/meetings/{first_id}")
        assert shown.status_code == 200, shown.text
        words = text_of(shown.text)
        assert short_time(first, ATHENS) in words
        assert short_time(first, SAO_PAULO) in words
        assert zone_words(SAO_PAULO) in words
        assert f"/meetings/{first_id}/notes" in shown.text
        assert "Join the online meeting" in shown.text or "being made" in shown.text
        early = mentee.post(
            f"/meetings/{first_id}/attendance",
            data={
                "csrf_token": token,
                f"presence-{pair.mentee_id}": "attended",
                f"presence-{pair.mentor_id}": "attended",
                "mode": "online",
                "duration": "60",
            },
        )
        assert early.status_code == 409, early.text
        assert "once the meeting has started" in early.text

        # Moved to a typed time on her clock, 19:00 in Athens ten days on.
        later = (datetime.now(ZoneInfo(ATHENS)) + timedelta(days=10)).replace(
            hour=19, minute=0, second=0, microsecond=0
        )
        moved = mentee.post(
            f"/meetings/{first_id}/reschedule",
            data={"csrf_token": token, "day": f"{later:%Y-%m-%d}", "at": "19:00"}
            | {"duration": "45", "mode": "online"},
        )
        assert moved.status_code == 303, moved.text
        moved_page = mentee.get(f"/meetings/{first_id}").text
        # The move form starts from the meeting's own day and time on her clock.
        assert f'value="{later:%Y-%m-%d}"' in moved_page
        assert 'value="19:00"' in moved_page
        after = text_of(moved_page)
        assert short_time(later, ATHENS) in after
        assert short_time(later, SAO_PAULO) in after
        assert "45 minutes" in after

        other = later + timedelta(days=1)
        second = schedule(slot="", day=f"{other:%Y-%m-%d}", at="18:00")
        assert second.status_code == 303, second.text
        second_id = meeting_id_of(second.headers["location"])
        cancelled = mentee.post(
            f"/meetings/{second_id}/cancel",
            data={"csrf_token": token, "reason": "illness", "note": "Sorry, a fever."},
        )
        assert cancelled.status_code == 303, cancelled.text
        assert "This meeting was cancelled (illness)." in text_of(
            mentee.get(f"/meetings/{second_id}").text
        )
        both = text_of(mentee.get(f"/relationships/{rid}/meetings").text)
        assert "Upcoming meetings" in both
        assert "cancelled" in both

        # The calendar feed: made (its address shown this once), read, stopped.
        feed = mentee.post(
            f"/relationships/{rid}/meetings/calendar-feed", data={"csrf_token": token}
        )
        assert feed.status_code == 200, feed.text
        url = re.search(r'id="feed-url" readonly value="([^"]+)"', feed.text)
        assert url is not None, feed.text
        assert "webcal://" in feed.text
        calendar = httpx2.get(platform.urls["meetings"] + urlsplit(url.group(1)).path, timeout=30)
        assert calendar.status_code == 200
        assert "BEGIN:VCALENDAR" in calendar.text
        assert "You have a calendar feed since" in text_of(
            mentee.get(f"/relationships/{rid}/meetings").text
        )
        stopped = mentee.post(
            f"/relationships/{rid}/meetings/calendar-feed/revoke", data={"csrf_token": token}
        )
        assert stopped.status_code == 303
        assert "You have no calendar feed." in mentee.get(f"/relationships/{rid}/meetings").text
        gone = httpx2.get(platform.urls["meetings"] + urlsplit(url.group(1)).path, timeout=30)
        assert gone.status_code == 404

    with signed_in(web, pair.mentor) as mentor:
        shown = mentor.get(f"/meetings/{first_id}")
        assert "Your answer: not answered yet." in text_of(shown.text)
        answered = mentor.post(
            f"/meetings/{first_id}/rsvp",
            data={"csrf_token": form_token(shown.text), "response": "accepted"},
        )
        assert answered.status_code == 303, answered.text
        assert "Your answer: accepted." in text_of(mentor.get(f"/meetings/{first_id}").text)
        # On his own clock, São Paulo's.
        assert short_time(later, SAO_PAULO) in text_of(
            mentor.get(f"/relationships/{rid}/meetings").text
        )

    # Outside the relationship: not found, for the pages and the forms alike.
    with signed_in(web, platform.mentee) as outsider:
        for path in (intro, f"/relationships/{rid}/meetings", f"/meetings/{first_id}"):
            refused = outsider.get(path)
            assert refused.status_code == 404, (path, refused.text)
            assert "There is no such page, or it is not yours." in refused.text
            assert pair.mentor_name not in refused.text
        token = form_token(outsider.get("/").text)
        for path, data in (
            (f"{intro}/decline", {}),
            (f"/meetings/{first_id}/cancel", {"reason": "other"}),
            (f"/meetings/{first_id}/rsvp", {"response": "declined"}),
        ):
            refused = outsider.post(path, data={"csrf_token": token} | data)
            assert refused.status_code == 404, (path, refused.text)
        new = outsider.get(f"/relationships/{rid}/meetings/new")
        assert new.status_code == 404
    # The programme's manager: when and how, never the link or a form to act with.
    with signed_in(web, "demo-manager") as manager:
        shown = manager.get(f"/meetings/{first_id}")
        assert shown.status_code == 200, shown.text
        assert "Join the online meeting" not in shown.text
        assert "/rsvp" not in shown.text
        assert "/cancel" not in shown.text
        new = manager.get(f"/relationships/{rid}/meetings/new")
        assert new.status_code == 403
        assert "Only the members of this relationship can do this." in new.text
    mentee_token = platform.tokens.participant(pair.mentee, "mentee", pid)
    meeting = Api(platform.urls["meetings"]).call("GET", f"/v1/meetings/{first_id}", mentee_token)
    assert meeting["duration_minutes"] == 45
    assert datetime.fromisoformat(meeting["starts_at"]) == later
    answers = {a["participant_id"]: a["partstat"] for a in meeting["attendees"]}
    assert answers[pair.mentor_id] == "accepted"


def next_transition(zone: str, after: datetime, *, forward: bool) -> datetime:
    """The next day ``zone``'s clocks go forward (or back), by zoneinfo, hour by hour."""
    here = ZoneInfo(zone)
    moment = after.replace(minute=0, second=0, microsecond=0)
    offset = moment.astimezone(here).utcoffset()
    for _ in range(24 * 400):
        moment += timedelta(hours=1)
        now = moment.astimezone(here).utcoffset()
        if now != offset and offset is not None and now is not None:
            if (now > offset) == forward:
                return moment.astimezone(here)
            offset = now
    raise AssertionError(f"{zone} has no transition within 400 days")
