"""`tandem-analytics rebuild`: a fresh database from analytics' own store of what it
consumed, with the same read models as the live one.

Where the events come from: the live database's ``consumed_events`` (every service-topic
event analytics handled, ids and facts, erased people already rewritten), not the
topics, whose retention may have dropped the early months. The directory (programmes
and the latest contacts) and analytics' own state (thresholds, flags, training data and
models, weight suggestions, check-in plans, check-ins and answers with their keys,
outcomes, reports) are copied as they stand. Each stored event then goes through what
the consumer derives from it (``service/folds.py``), in event-time order, each in its
own inbox transaction in the fresh database, which thereby gets its own store and inbox
too. Nothing is published from the fresh database: its outbox starts empty.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from tandem_analytics.adapters import rebuild as repo
from tandem_analytics.service import event_store, folds
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts import Envelope, Event, parse_event
from tandem_kit.db.database import Database
from tandem_kit.db.migrations import upgrade_async
from tandem_kit.kafka import HandlerContext
from tandem_kit.kafka.consumer import handle_in_inbox


class NotFresh(RuntimeError):
    """The target database already holds consumed events: a rebuild starts from nothing."""


@dataclass(frozen=True, slots=True)
class Rebuilt:
    events: int
    stored_bytes: int  # the JSON of the source store (row overhead comes on top)
    copied_rows: int  # directory, vault and own-state rows carried over
    seconds: float

    @property
    def bytes_per_event(self) -> float:
        return self.stored_bytes / self.events if self.events else 0.0


async def rebuild(source: Database, target: Database, consumer: str) -> Rebuilt:
    """Fill ``target`` (migrated, empty) from ``source``'s store; ``consumer`` names the
    inbox, as the service's consumer does."""
    started = time.perf_counter()
    async with target.transaction() as session:
        if await repo.stored_count(session):
            raise NotFresh("the rebuild's target already holds consumed events")
    copied = 0
    async with source.transaction() as read, target.transaction() as write:
        for table in repo.COPIED:
            copied += await repo.copy_rows(read, write, table)
    events = 0
    async with source.transaction() as read:
        _, size = await event_store.size(read)
        async for stored in event_store.replay(read):
            envelope = Envelope(
                id=stored.event_id,
                type=stored.event_type,
                source=stored.source,
                time=stored.time,
                key=stored.key,
                data=stored.data,
            )
            event = parse_event(stored.event_type, stored.data)

            async def handle(
                hc: HandlerContext, envelope: Envelope = envelope, event: Event = event
            ) -> None:
                await folds.fold(hc.session, envelope, event)

            await handle_in_inbox(target, consumer, handle, envelope)
            events += 1
    return Rebuilt(events, size, copied, time.perf_counter() - started)


async def command(settings: AnalyticsSettings, migrations: Path) -> Rebuilt:
    """The command: migrate the fresh database, fill it, print what it cost."""
    if not settings.rebuild_database_url:
        raise SystemExit("set TANDEM_ANALYTICS_REBUILD_DATABASE_URL to the fresh database")
    if settings.rebuild_database_url == settings.database_url:
        raise SystemExit("the rebuild's database must not be the live one")
    await upgrade_async(migrations, settings.rebuild_database_url)
    source, target = Database(settings.database_url), Database(settings.rebuild_database_url)
    try:
        done = await rebuild(source, target, settings.service_name)
    finally:
        await source.dispose()
        await target.dispose()
    print(
        f"rebuilt {done.events} events into {settings.rebuild_database_url} in "
        f"{done.seconds:.1f} s; the store holds {done.stored_bytes} bytes of JSON "
        f"({done.bytes_per_event:.0f} bytes per event); {done.copied_rows} rows of the "
        "directory and of analytics' own state copied"
    )
    return done
