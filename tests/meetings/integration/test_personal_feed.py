"""Personal calendar feeds (webcal): a secret, revocable URL per person holding only
their meetings, in their time zone, with a strong ETag and 304; read back with the
icalendar library and with khal, the real calendar program."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx2
import pytest
from icalendar import Calendar, Event

from tandem_contracts.matching import ParticipantErased
from tandem_meetings.adapters import personal_feeds as feed_repo
from tandem_meetings.domain import calendar as calendar_module
from tandem_meetings.domain.personal_feeds import new_token
from tandem_meetings.service import personal_feeds
from tests.conftest import UrlFactory
from tests.meetings.integration.meetings_world import Person, World, open_world
from tests.meetings.integration.test_khal import khal_in, only

ME = "/v1/me/calendar-feed"


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


async def make_feed(w: World, person: Person) -> dict[str, Any]:
    made = await w.app.client.post(ME, headers=w.headers(person))
    assert made.status_code == 201, made.text
    body: dict[str, Any] = made.json()
    return body


async def fetch(w: World, feed: dict[str, Any], etag: str | None = None) -> httpx2.Response:
    headers = {"If-None-Match": etag} if etag else {}
    response: httpx2.Response = await w.app.client.get(path_of(feed["url"]), headers=headers)
    return response


def events_of(response: httpx2.Response) -> dict[str, Event]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/calendar")
    parsed = Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in parsed.events}


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many feed bodies were rendered (each call of the domain's builder)."""
    personal_feeds.BODIES.clear()
    counted: list[int] = []
    build = calendar_module.feed

    def counting(*args: Any, **kwargs: Any) -> bytes:
        counted.append(1)
        return build(*args, **kwargs)

    monkeypatch.setattr(calendar_module, "feed", counting)
    return counted


async def test_a_feed_holds_only_its_owners_meetings_with_etags_and_304(
    tmp_path: Path, url_factory: UrlFactory, renders: list[int]
) -> None:
    async with open_world(tmp_path, await url_factory("feed")) as w:
        pair = await w.schedule(w.mentor)  # 9 March 2026 16:00 UTC
        other = await w.schedule(w.mentor, w.other, starts_at="2026-03-11T10:00:00Z")
        assert pair.status_code == other.status_code == 201, (pair.text, other.text)
        meeting = pair.json()

        before = await w.app.client.get(ME, headers=w.headers(w.mentee))
        assert before.json() == {"active": False, "created_at": None}
        feed = await make_feed(w, w.mentee)
        token = feed["url"].rsplit("/", 1)[1].removesuffix(".ics")
        assert feed["url"] == f"{w.app.runtime.settings.public_base_url}{path_of(feed['url'])}"
        assert feed["webcal_url"] == "webcal://" + feed["url"].split("://", 1)[1]
        shown = await w.app.client.get(ME, headers=w.headers(w.mentee))
        assert shown.json() == {"active": True, "created_at": "2026-03-02T09:00:00Z"}
        assert token not in shown.text

        first = await fetch(w, feed)
        events = events_of(first)
        # Ana's one meeting; Max's meeting with Bea is not hers.
        assert list(events) == [meeting["ical_uid"]]
        event = events[meeting["ical_uid"]]
        # New York's clock (EDT since 8 March), the zone's VTIMEZONE in the file.
        assert isinstance(event.start, datetime)
        assert event.start.replace(tzinfo=None) == datetime(2026, 3, 9, 12, 0)
        assert event.start.astimezone(UTC) == datetime(2026, 3, 9, 16, 0, tzinfo=UTC)
        assert str(event["DTSTART"].params["TZID"]) == "America/New_York"
        assert b"BEGIN:VTIMEZONE" in first.content
        assert str(event["STATUS"]) == "CONFIRMED"
        # Only the reader: no other member's name or address (the organizer is the programme).
        assert [str(a) for a in event.attendees] == ["mailto:ana@example.org"]
        assert b"max@example.org" not in first.content
        assert b"Max" not in first.content
        assert first.headers["cache-control"].startswith("private")
        etag = first.headers["etag"]
        assert etag.startswith('"')
        assert not etag.startswith("W/")
        assert renders == [1]

        again = await fetch(w, feed)
        assert (again.content, again.headers["etag"]) == (first.content, etag)
        current = await fetch(w, feed, etag)
        assert current.status_code == 304
        assert current.content == b""
        assert current.headers["etag"] == etag
        assert (await fetch(w, feed, f'W/{etag}, "other"')).status_code == 304
        assert renders == [1]  # the cached body and the 304s rendered nothing

        moved = await w.app.client.patch(
            f"/v1/meetings/{meeting['id']}",
            json={"starts_at": "2026-03-10T18:30:00Z"},
            headers=w.headers(w.mentor),
        )
        assert moved.status_code == 200, moved.text
        changed = await fetch(w, feed, etag)
        assert changed.headers["etag"] != etag
        event = events_of(changed)[meeting["ical_uid"]]
        assert isinstance(event.start, datetime)
        assert event.start.astimezone(UTC) == datetime(2026, 3, 10, 18, 30, tzinfo=UTC)
        assert event.sequence == 1
        assert renders == [1, 1]

        mine = events_of(await fetch(w, await make_feed(w, w.mentor)))
        assert set(mine) == {meeting["ical_uid"], other.json()["ical_uid"]}


async def test_a_cancelled_meeting_stays_marked_cancelled_and_khal_shows_local_times(
    tmp_path: Path, renders: list[int]
) -> None:
    async with open_world(tmp_path) as w:
        kept = await w.schedule(w.mentor, starts_at="2026-07-07T16:00:00Z")
        dropped = await w.schedule(w.mentor, starts_at="2026-07-08T16:00:00Z")
        cancelled = await w.app.client.post(
            f"/v1/meetings/{dropped.json()['id']}/cancel",
            json={"reason": "illness"},
            headers=w.headers(w.mentor),
        )
        assert cancelled.status_code == 200, cancelled.text
        feed = await make_feed(w, w.mentee)
        response = await fetch(w, feed)
        events = events_of(response)
        assert str(events[dropped.json()["ical_uid"]]["STATUS"]) == "CANCELLED"
        assert str(events[kept.json()["ical_uid"]]["STATUS"]) == "CONFIRMED"

        khal = khal_in(tmp_path, "America/New_York")
        khal.import_ics(response.content, "feed")
        listed = {row.uid: row for row in khal.listed()}
        shown = listed[kept.json()["ical_uid"]]
        assert (shown.start, shown.end) == ("2026-07-07 12:00", "2026-07-07 13:00")
        assert (shown.status, shown.cancelled) == ("CONFIRMED", "")
        gone = listed[dropped.json()["ical_uid"]]
        assert (gone.status, gone.cancelled) == ("CANCELLED", "CANCELLED")

        # Thirty-one days after the cancellation the feed no longer carries it.
        w.clock.advance(hours=31 * 24)
        later = events_of(await fetch(w, feed))
        assert list(later) == [kept.json()["ical_uid"]]

        lisbon = khal_in(tmp_path / "max", "Europe/Lisbon")
        lisbon.import_ics((await fetch(w, await make_feed(w, w.mentor))).content, "feed")
        assert (only(lisbon.listed()).start, only(lisbon.listed()).end) == (
            "2026-07-07 17:00",
            "2026-07-07 18:00",
        )


async def test_rotating_and_revoking_kill_the_old_url_and_forged_ones_are_404(
    tmp_path: Path, url_factory: UrlFactory
) -> None:
    async with open_world(tmp_path, await url_factory("feed-rotate")) as w:
        for method in ("post", "get", "delete"):
            anonymous = await w.app.client.request(method, ME)
            assert anonymous.status_code == 401, (method, anonymous.text)
        old = await make_feed(w, w.mentee)
        assert (await fetch(w, old)).status_code == 200
        new = await make_feed(w, w.mentee)
        assert new["url"] != old["url"]
        gone = await fetch(w, old)
        assert gone.status_code == 404
        assert gone.json()["code"] == "calendar_feed_not_found"
        assert (await fetch(w, new)).status_code == 200

        forged = f"{path_of(new['url']).rsplit('/', 1)[0]}/{new_token()}.ics"
        for path in (forged, "/v1/calendar-feeds/x.ics", f"/v1/calendar-feeds/{'A' * 44}.ics"):
            refused = await w.app.client.get(path)
            assert (refused.status_code, refused.json()["code"]) == (404, "calendar_feed_not_found")

        revoked = await w.app.client.delete(ME, headers=w.headers(w.mentee))
        assert revoked.status_code == 204
        assert (await fetch(w, new)).status_code == 404
        shown = await w.app.client.get(ME, headers=w.headers(w.mentee))
        assert shown.json() == {"active": False, "created_at": None}
        # Revoking again is no error: there is nothing left.
        assert (await w.app.client.delete(ME, headers=w.headers(w.mentee))).status_code == 204


async def test_after_participant_erased_the_feed_url_answers_404(
    tmp_path: Path, url_factory: UrlFactory
) -> None:
    async with open_world(tmp_path, await url_factory("feed-erased")) as w:
        assert (await w.schedule(w.mentor)).status_code == 201
        ana, max_ = await make_feed(w, w.mentee), await make_feed(w, w.mentor)
        assert (await fetch(w, ana)).status_code == 200
        erased = ParticipantErased(
            programme_id=w.programme,
            participant_id=w.mentee.participant_id,
            subject=w.mentee.subject,
        )
        assert await w.app.deliver(erased)
        assert (await fetch(w, ana)).status_code == 404
        async with w.app.runtime.database.transaction() as session:
            assert await feed_repo.created_at(session, w.mentee.subject) is None
        assert (await fetch(w, max_)).status_code == 200  # nobody else's
