"""``bench/meetings.py --part feed``: one person's calendar feed of 200 meetings, through
the API in-process (the app with its SQLite database, the request guard, the query).

Three figures, each p50 and p95 over its own runs:

- cold: the body rendered (the process's body cache emptied before each fetch);
- cached: a 200 whose body the cache holds (the version query, no rendering);
- 304: ``If-None-Match`` with the current ETag (the version query only).

The meetings are scheduled through the API first (one a day at 16:00 UTC, online, in a
pair whose mentee reads New York time), so the rows are the ones the service writes.
"""

from __future__ import annotations

import asyncio
import logging
import statistics
import tempfile
import time as clock
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tandem_contracts.common import Contact, MentoringFormat, Role
from tandem_contracts.contacts import ParticipantContact
from tandem_contracts.matching import Member, ProgrammeCreated, RelationshipStarted
from tandem_kit.clock import ManualClock
from tandem_kit.testing import RunningApp, isolated_settings, run_app
from tandem_meetings.main import DEFINITION, create_app
from tandem_meetings.service import personal_feeds
from tandem_meetings.settings import MeetingsSettings

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


async def _world(app: RunningApp[MeetingsSettings], meetings: int) -> dict[str, str]:
    """A programme, one pair and its meetings; the mentee's headers."""
    programme, pair = uuid.uuid4(), uuid.uuid4()
    people = {"max": (Role.MENTOR, "Europe/Lisbon"), "ana": (Role.MENTEE, "America/New_York")}
    ids = {name: uuid.uuid4() for name in people}
    await app.deliver(
        ProgrammeCreated(
            programme_id=programme,
            organisation_id=uuid.uuid4(),
            name="Bench 2026",
            countries=["PT", "US"],
            languages=["en"],
            starts_on=date(2026, 1, 1),
            ends_on=date(2028, 12, 31),
            formats=[MentoringFormat.PAIR],
            managers=[],
            time_zone="Europe/Lisbon",
        )
    )
    for name, (role, zone) in people.items():
        contact = Contact(
            subject=name, display_name=name.title(), email=f"{name}@example.org", time_zone=zone
        )
        await app.deliver(
            ParticipantContact(
                programme_id=programme, participant_id=ids[name], role=role, contact=contact
            )
        )
    await app.deliver(
        RelationshipStarted(
            programme_id=programme,
            relationship_id=pair,
            format=MentoringFormat.PAIR,
            members=[
                Member(participant_id=ids[name], subject=name, role=role)
                for name, (role, _) in people.items()
            ],
            starts_on=date(2026, 3, 1),
            agreed_end_date=date(2028, 3, 1),
        )
    )
    mentor = app.bearer("max", mentor=[programme])
    for day in range(meetings):
        starts = START.replace(hour=16) + timedelta(days=7 + day)
        made = await app.client.post(
            f"/v1/relationships/{pair}/meetings",
            json={"mode": "online", "starts_at": starts.isoformat(), "duration_minutes": 60},
            headers=mentor,
        )
        assert made.status_code == 201, made.text
    return app.bearer("ana", mentee=[programme])


def _figures(name: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"  {name:<8} p50 {statistics.median(ordered):8.2f} ms   p95 {p95:8.2f} ms"
        f"   ({len(ordered)} fetches)"
    )


async def _timed(runs: int, fetch: Callable[[], Awaitable[int]], expected: int) -> list[float]:
    samples = []
    for _ in range(runs):
        began = clock.perf_counter()
        status = await fetch()
        samples.append((clock.perf_counter() - began) * 1000)
        assert status == expected, status
    return samples


async def _bench(meetings: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        settings = isolated_settings(MeetingsSettings, Path(folder))
        async with run_app(
            create_app(settings, clock=ManualClock(START)), settings, definition=DEFINITION
        ) as app:
            mentee = await _world(app, meetings)
            made = await app.client.post("/v1/me/calendar-feed", headers=mentee)
            path = "/" + made.json()["url"].split("://", 1)[1].split("/", 1)[1]
            first = await app.client.get(path)
            body, etag = first.content, first.headers["etag"]
            events = body.count(b"BEGIN:VEVENT")

            async def cold() -> int:
                personal_feeds.BODIES.clear()
                return (await app.client.get(path)).status_code

            async def cached() -> int:
                return (await app.client.get(path)).status_code

            async def current() -> int:
                return (await app.client.get(path, headers={"If-None-Match": etag})).status_code

            cold_ms = await _timed(max(5, runs // 10), cold, 200)
            await cached()
            cached_ms = await _timed(runs, cached, 200)
            not_modified_ms = await _timed(runs, current, 304)
    print(f"personal calendar feed: {events} meetings, {len(body) / 1024:.0f} KiB body (SQLite)")
    print(_figures("cold", cold_ms))
    print(_figures("cached", cached_ms))
    print(_figures("304", not_modified_ms))
    print(
        f"  cold/cached {statistics.median(cold_ms) / statistics.median(cached_ms):.1f}x, "
        f"cold/304 {statistics.median(cold_ms) / statistics.median(not_modified_ms):.1f}x"
    )


def feed_bench(meetings: int = 200, runs: int = 200) -> None:
    # The bench's app has no broker on purpose (isolated settings): its retries are noise.
    logging.disable(logging.CRITICAL)
    asyncio.run(_bench(meetings, runs))
