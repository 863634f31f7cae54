"""External calendar feeds end to end: the URL sealed and shown to its owner only, the
calendar-feeds worker fetching from a real HTTP server with conditional requests,
busy intervals kept (never titles), failures backing off, leases, and removal."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tandem_kit.testing import assert_problem
from tandem_meetings.adapters import calendar_sources as repo
from tandem_meetings.adapters.calendar_feeds import FeedFetcher
from tandem_meetings.adapters.tables import busy_intervals as busy_table
from tandem_meetings.adapters.tables import calendar_sources as sources_table
from tandem_meetings.domain.calendar_sources import FailureReason, FeedStatus
from tandem_meetings.service.calendar_feeds import fetch_due_feeds
from tandem_meetings.service.calendar_sources import busy_intervals
from tests.conftest import UrlFactory
from tests.meetings.integration.availability_world import World, world
from tests.meetings.integration.feed_server import Feed, feed_server

INTERVAL = 900  # the default calendar_feed_fetch_interval_seconds


def calendar(*events: tuple[str, str, str]) -> bytes:
    """A feed of events (start, end as UTC iCalendar times, a title to be thrown away)."""
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:{i}@host\r\nDTSTART:{s}\r\nDTEND:{e}\r\nSUMMARY:{title}\r\n"
        "LOCATION:Clinic on Rua Secreta\r\nEND:VEVENT\r\n"
        for i, (s, e, title) in enumerate(events)
    )
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{body}END:VCALENDAR\r\n".encode()


FIRST = calendar(
    ("20270302T090000Z", "20270302T100000Z", "Therapy session"),
    ("20270303T120000Z", "20270303T130000Z", "Lunch with Eve"),
)


def at(day: int, hour: int) -> datetime:
    return datetime(2027, 3, day, hour, tzinfo=UTC)


async def tick(w: World) -> int:
    return await fetch_due_feeds(w.ctx, w.clock())


async def source(w: World) -> dict[str, Any]:
    got = await w.running.client.get(w.url("calendar-source"), headers=w.as_me(w.mentee))
    assert got.status_code == 200, got.text
    body: dict[str, Any] = got.json()
    return body


async def busy(w: World) -> tuple[tuple[datetime, datetime], ...]:
    async with w.running.runtime.database.transaction() as session:
        found = await busy_intervals(
            session, [w.mentee.participant_id, w.mentor.participant_id], at(1, 0), at(31, 0)
        )
    assert found[w.mentor.participant_id] == ()
    return found[w.mentee.participant_id]


async def give(w: World, url: str) -> dict[str, Any]:
    put = await w.running.client.put(
        w.url("calendar-source"), headers=w.as_me(w.mentee), json={"url": url}
    )
    assert put.status_code == 200, put.text
    body: dict[str, Any] = put.json()
    return body


async def test_fetch_conditional_refetch_and_change(
    tmp_path: Path, url_factory: UrlFactory, caplog: pytest.LogCaptureFixture
) -> None:
    with feed_server() as server:
        server.feeds["/ana/secret-token.ics"] = Feed(FIRST)
        url = server.url("/ana/secret-token.ics")
        async with world(tmp_path, await url_factory("feeds")) as w:
            given = await give(w, url)
            assert (given["url"], given["status"], given["busy_intervals"]) == (url, "pending", 0)

            caplog.set_level(logging.DEBUG)
            assert await tick(w) == 1
            assert await tick(w) == 0  # fetched: not due again before the interval
            shown = await source(w)
            assert (shown["status"], shown["busy_intervals"], shown["http_status"]) == (
                "ok",
                2,
                200,
            )
            assert shown["last_success_at"] == "2027-03-01T08:00:00Z"
            assert shown["next_fetch_at"] == "2027-03-01T08:15:00Z"
            assert await busy(w) == ((at(2, 9), at(2, 10)), (at(3, 12), at(3, 13)))
            [first] = server.hits("/ana/secret-token.ics")
            assert "if-none-match" not in first
            assert "if-modified-since" not in first

            # Due again: the validators go back, the server answers 304, the intervals stand.
            w.clock.advance(seconds=INTERVAL)
            assert await tick(w) == 1
            second = server.hits("/ana/secret-token.ics")[1]
            assert second["if-none-match"] == '"v1"'
            assert second["if-modified-since"] == "Mon, 01 Mar 2027 07:00:00 GMT"
            assert (await source(w))["status"] == "not_modified"
            assert len(await busy(w)) == 2

            # The calendar changes: the new intervals replace the old ones.
            server.feeds["/ana/secret-token.ics"] = Feed(
                calendar(("20270305T070000Z", "20270305T073000Z", "Dentist")), etag='"v2"'
            )
            w.clock.advance(seconds=INTERVAL)
            assert await tick(w) == 1
            assert await busy(w) == ((at(5, 7), at(5, 7).replace(minute=30)),)
            assert (await source(w))["busy_intervals"] == 1

            # Titles and places are nowhere; the URL is sealed, and never logged.
            async with w.running.runtime.database.transaction() as session:
                sealed = await session.scalar(select(sources_table.c.url_sealed))
            assert sealed is not None
            assert b"secret-token" not in sealed
            assert "secret-token" not in caplog.text
            assert "calendar feed of participant" in caplog.text
            if w.running.settings.database_url.startswith("sqlite"):
                database_file = Path(w.running.settings.database_url.split("///", 1)[1])
                raw = await asyncio.to_thread(database_file.read_bytes)
                for secret in (b"secret-token", b"Dentist", b"Therapy", b"Rua Secreta"):
                    assert secret not in raw


async def test_only_the_owner_and_bad_urls(tmp_path: Path) -> None:
    async with world(tmp_path, calendar_feed_allow_private=False) as w:
        client, path = w.running.client, w.url("calendar-source")
        assert_problem(
            await client.get(path, headers=w.as_me(w.mentee)), 404, "calendar_source_not_found"
        )
        for bad in (
            "ftp://cal.example.org/a.ics",
            "file:///etc/passwd",
            "https://user:pw@cal.example.org/a.ics",
            "http://127.0.0.1:8080/a.ics",
            "http://localhost/a.ics",
            "http://[::1]/a.ics",
            "http://10.1.2.3/a.ics",
            "http://169.254.169.254/latest/meta-data",
            "https://cal.example.org:notaport/a.ics",
            "https:///a.ics",
        ):
            answer = await client.put(path, headers=w.as_me(w.mentee), json={"url": bad})
            assert_problem(answer, 422, "invalid_calendar_url")
        assert (
            await client.put(path, headers=w.as_me(w.mentee), json={"url": "x" * 3000})
        ).status_code == 422
        assert (
            await client.put(path, headers=w.as_me(w.mentee), json={"url": 42})
        ).status_code == 422
        async with w.running.runtime.database.transaction() as session:
            assert await session.scalar(select(func.count()).select_from(sources_table)) == 0

        webcal = await give(w, "webcal://cal.example.org/ana.ics")
        assert webcal["url"] == "https://cal.example.org/ana.ics"
        # The mentor sees none of it: his own (none); a manager is refused; a stranger 404.
        assert_problem(
            await client.get(path, headers=w.as_me(w.mentor)), 404, "calendar_source_not_found"
        )
        manager = w.running.bearer("mia", manager=[w.programme_id])
        assert_problem(await client.get(path, headers=manager), 403, "participants_only")
        stranger = w.running.bearer("zoe", mentor=[w.other_programme_id])
        assert_problem(await client.get(path, headers=stranger), 404, "programme_not_found")
        assert_problem(await client.delete(path, headers=manager), 403, "participants_only")


async def test_failures_back_off_and_say_why(tmp_path: Path) -> None:
    with feed_server() as server:
        # The timeout leaves room for a loaded machine: every fetch but the slow one must
        # finish well inside it (the slow one sleeps three times as long).
        async with world(
            tmp_path, calendar_feed_max_bytes=2048, calendar_feed_timeout_seconds=2.0
        ) as w:
            await give(w, server.url("/missing.ics"))
            assert await tick(w) == 1
            shown = await source(w)
            assert (shown["status"], shown["failure_reason"], shown["http_status"]) == (
                "failed",
                "http_error",
                404,
            )
            assert shown["next_fetch_at"] == "2027-03-01T08:15:00Z"
            w.clock.advance(seconds=INTERVAL)
            await tick(w)
            assert (await source(w))["next_fetch_at"] == "2027-03-01T08:45:00Z"  # doubled
            w.clock.advance(seconds=2 * INTERVAL)
            await tick(w)
            assert (await source(w))["next_fetch_at"] == "2027-03-01T09:45:00Z"

            # It works again: the backoff resets.
            server.feeds["/missing.ics"] = Feed(FIRST)
            w.clock.advance(seconds=4 * INTERVAL)
            await tick(w)
            shown = await source(w)
            assert (shown["status"], shown["failure_reason"]) == ("ok", None)
            assert shown["next_fetch_at"] == "2027-03-01T10:00:00Z"  # the plain interval

            cases = {
                "/big.ics": (Feed(FIRST + b" " * 4096), "too_large"),
                "/slow.ics": (Feed(FIRST, delay=6.0), "timeout"),
                "/junk.ics": (
                    Feed(b"<html>Sign in</html>", content_type="text/html"),
                    "not_a_calendar",
                ),
                "/loop.ics": (Feed(b"", redirect_to="/loop.ics"), "too_many_redirects"),
            }
            for path, (feed, reason) in cases.items():
                server.feeds[path] = feed
                await give(w, server.url(path))
                await tick(w)
                shown = await source(w)
                assert shown["status"] == "failed", (path, shown)
                assert shown["failure_reason"] == reason, (path, shown)
                # A failed fetch leaves no intervals (the new URL's are not read yet).
                assert await busy(w) == ()

            # A redirect to another path of the same server is followed.
            server.feeds["/old.ics"] = Feed(b"", redirect_to="/new.ics")
            server.feeds["/new.ics"] = Feed(FIRST)
            await give(w, server.url("/old.ics"))
            await tick(w)
            assert (await source(w))["status"] == "ok"
            assert len(await busy(w)) == 2


async def test_private_addresses_are_refused_when_fetching_too() -> None:
    with feed_server() as server:
        server.feeds["/a.ics"] = Feed(FIRST)
        fetcher = FeedFetcher(timeout=2, max_bytes=10_000, allow_private=False)
        result = await fetcher.fetch(server.url("/a.ics"), etag=None, last_modified=None)
        assert (result.status, result.failure_reason) == (
            FeedStatus.FAILED,
            FailureReason.ADDRESS_REFUSED,
        )
        assert server.requests == []  # refused before connecting
        allowed = FeedFetcher(timeout=2, max_bytes=10_000, allow_private=True)
        fetched = await allowed.fetch(server.url("/a.ics"), etag=None, last_modified=None)
        assert (fetched.status, fetched.body, fetched.etag) == (FeedStatus.OK, FIRST, '"v1"')


async def test_leases_keep_two_fetchers_off_one_feed(
    tmp_path: Path, url_factory: UrlFactory
) -> None:
    with feed_server() as server:
        server.feeds["/a.ics"] = Feed(FIRST, delay=0.3)
        async with world(tmp_path, await url_factory("leases")) as w:
            await give(w, server.url("/a.ics"))
            claimed = await asyncio.gather(tick(w), tick(w), tick(w))
            assert sorted(claimed) == [0, 0, 1]
            assert len(server.hits("/a.ics")) == 1

            # A fetcher that died holding a lease: nobody else fetches until it runs out.
            w.clock.advance(seconds=INTERVAL)
            lease = timedelta(seconds=w.running.settings.calendar_feed_lease_seconds)
            async with w.running.runtime.database.transaction() as session:
                [held] = await repo.claim_due(session, w.clock(), w.clock() + lease, 10)
            assert await tick(w) == 0
            w.clock.advance(seconds=lease.total_seconds())
            assert await tick(w) == 1
            assert len(server.hits("/a.ics")) == 2

            # A fetch of a URL the owner replaced meanwhile stores nothing.
            await give(w, server.url("/other.ics"))
            async with w.running.runtime.database.transaction() as session:
                stored = await repo.record_fetch(
                    session,
                    held,
                    status=FeedStatus.OK,
                    now=w.clock(),
                    next_fetch_at=w.clock(),
                    failures=0,
                    intervals=[],
                )
            assert not stored
            assert (await source(w))["status"] == "pending"


async def test_delete_removes_url_and_busy_times(tmp_path: Path) -> None:
    with feed_server() as server:
        server.feeds["/a.ics"] = Feed(FIRST)
        async with world(tmp_path) as w:
            await give(w, server.url("/a.ics"))
            await tick(w)
            assert len(await busy(w)) == 2
            path, me = w.url("calendar-source"), w.as_me(w.mentee)
            assert (await w.running.client.delete(path, headers=me)).status_code == 204
            assert await busy(w) == ()
            assert_problem(
                await w.running.client.get(path, headers=me), 404, "calendar_source_not_found"
            )
            assert_problem(
                await w.running.client.delete(path, headers=me), 404, "calendar_source_not_found"
            )
            async with w.running.runtime.database.transaction() as session:
                assert await session.scalar(select(func.count()).select_from(busy_table)) == 0

            # Erasure after a fetch: the feed and its intervals go with the person.
            await give(w, server.url("/a.ics"))
            w.clock.advance(seconds=1)
            await tick(w)
            assert len(await busy(w)) == 2
            assert await w.running.deliver(w.erased(w.mentee))
            async with w.running.runtime.database.transaction() as session:
                assert await session.scalar(select(func.count()).select_from(busy_table)) == 0
                assert await session.scalar(select(func.count()).select_from(sources_table)) == 0
