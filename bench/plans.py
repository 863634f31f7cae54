"""Relationships planned per second: ``relationship.started`` through the consumer path.

    uv run python bench/plans.py [--relationships 2000] [--database sqlite|postgres]

A programme of ``2 × relationships`` participants (contacts with time zones and cities,
profiles with weekday availability in Lisbon, New York, Berlin and Kolkata) is made known;
then ``relationships`` pairs start, each event handed to the meetings app's own consumer
path (inbox row and effect in one transaction, ``tandem_kit.testing.deliver``), one after
another. Each start keeps the relationship and its members, instantiates the default plan
(four activities, a dozen occurrences) and finds and stores the kick-off's three best
times. Printed: relationships per second with the plan (``on``) beside the same events
with the plan hook switched off (``bare``: what the core consumer alone costs), the share
of kick-offs that got three proposals, and the peak memory (tracemalloc) of a short
separate run. Figures only; the target is at least 300 relationships per second.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select

from tandem_contracts.common import AvailabilityWindow, Contact, MentoringFormat, Role
from tandem_contracts.contacts import ParticipantContact
from tandem_contracts.matching import (
    Member,
    ParticipantRegistered,
    ProgrammeCreated,
    RelationshipStarted,
)
from tandem_kit.clock import ManualClock
from tandem_kit.testing import RunningApp, isolated_settings, run_app
from tandem_meetings.adapters.tables import plan_proposals
from tandem_meetings.main import DEFINITION, create_app
from tandem_meetings.service import plan_instances
from tandem_meetings.settings import MeetingsSettings

NOW = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)
PLACES = (
    ("Europe/Lisbon", "PT", "Lisbon", ("09:00", "12:00"), ("17:00", "20:00")),
    ("America/New_York", "US", "New York", ("12:00", "15:00"), ("08:00", "10:00")),
    ("Europe/Berlin", "DE", "Berlin", ("10:00", "13:00"), ("18:00", "21:00")),
    ("Asia/Kolkata", "IN", "Pune", ("19:00", "22:00"), ("08:00", "09:30")),
)


@asynccontextmanager
async def _app(folder: Path, database_url: str | None) -> AsyncIterator[RunningApp[Any]]:
    overrides = {"database_url": database_url} if database_url else {}
    settings = isolated_settings(MeetingsSettings, folder, **overrides)
    app = create_app(settings, clock=ManualClock(NOW))
    async with run_app(app, settings, definition=DEFINITION) as running:
        yield running


async def _people(app: RunningApp[Any], programme: uuid.UUID, count: int) -> list[Member]:
    members = []
    for n in range(count):
        zone, country, city, first, second = PLACES[n % len(PLACES)]
        pid, role = uuid.uuid4(), Role.MENTOR if n % 2 == 0 else Role.MENTEE
        subject = f"p{n}"
        contact = Contact(
            subject=subject, display_name=f"P {n}", email=f"{subject}@x.org", time_zone=zone
        )
        await app.deliver(
            ParticipantContact(
                programme_id=programme, participant_id=pid, role=role, contact=contact, city=city
            )
        )
        await app.deliver(
            ParticipantRegistered(
                programme_id=programme,
                participant_id=pid,
                subject=subject,
                role=role,
                country=country,
                languages=["en"],
                availability=[
                    AvailabilityWindow(weekday=d, start=a, end=b)
                    for d in range(5)
                    for a, b in (first, second)
                ],
            )
        )
        members.append(Member(participant_id=pid, subject=subject, role=role))
    return members


async def _run(relationships: int, database_url: str | None, *, plan: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        async with _app(Path(folder), database_url) as app:
            programme = uuid.uuid4()
            await app.deliver(
                ProgrammeCreated(
                    programme_id=programme,
                    organisation_id=uuid.uuid4(),
                    name="Bench",
                    countries=["PT", "US", "DE", "IN"],
                    languages=["en"],
                    starts_on=date(2027, 1, 1),
                    ends_on=date(2027, 12, 31),
                    formats=[MentoringFormat.PAIR],
                    managers=[],
                    time_zone="Europe/Lisbon",
                )
            )
            people = await _people(app, programme, 2 * relationships)
            events = [
                RelationshipStarted(
                    programme_id=programme,
                    relationship_id=uuid.uuid4(),
                    format=MentoringFormat.PAIR,
                    # mentor n with mentee n+1 or n+3: same places and other places
                    members=[people[2 * i], people[(2 * i + 1 + 2 * (i % 2)) % len(people)]],
                    starts_on=date(2027, 3, 1),
                    agreed_end_date=date(2027, 8, 31),
                )
                for i in range(relationships)
            ]
            original = plan_instances.instantiate
            if not plan:

                async def nothing(*args: Any, **kwargs: Any) -> list[Any]:
                    return []

                setattr(plan_instances, "instantiate", nothing)  # noqa: B010 (the bare run)
            try:
                started = time.perf_counter()
                for event in events:
                    await app.deliver(event)
                elapsed = time.perf_counter() - started
            finally:
                setattr(plan_instances, "instantiate", original)  # noqa: B010
            async with app.runtime.database.transaction() as session:
                proposals = await session.scalar(select(func.count()).select_from(plan_proposals))
    return {"rate": relationships / elapsed, "proposals": float(proposals or 0)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--relationships", type=int, default=2000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    arguments = parser.parse_args(argv)
    url = None
    if arguments.database == "postgres":
        from tests.support.infra import create_postgres_database, ensure_postgres

        url = asyncio.run(create_postgres_database(ensure_postgres()))
    n = arguments.relationships
    bare = asyncio.run(_run(n, url, plan=False))
    if url is not None:
        url = asyncio.run(create_postgres_database(ensure_postgres()))
    on = asyncio.run(_run(n, url, plan=True))
    print(f"relationship.started, {n} pairs, {arguments.database}, one after another:")
    print(f"  bare (core consumer only): {bare['rate']:8.0f} relationships/s")
    print(f"  on (plan + 3 proposals):   {on['rate']:8.0f} relationships/s  (target ≥ 300)")
    print(f"  kick-offs with 3 proposals: {on['proposals'] / 3 / n:.0%}")
    tracemalloc.start()
    asyncio.run(_run(min(n, 200), None, plan=True))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  peak memory, 200 pairs planned: {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
