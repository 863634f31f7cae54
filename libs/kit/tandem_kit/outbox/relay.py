"""The outbox relay: publishes committed outbox rows to Kafka, then deletes them.

Delivery is at least once: a crash after publishing and before deleting the rows re-sends
the batch, and consumers drop the duplicates by event id (the inbox). Several
relays may run against PostgreSQL: each claims rows with ``FOR UPDATE SKIP
LOCKED``; a relay that finds an earlier unsent row of the same key held by
another relay leaves that key for later, so one key's events stay in order.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aiokafka import AIOKafkaProducer
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.db.database import Database, vault_of
from tandem_kit.db.tables import outbox_table
from tandem_kit.outbox.writer import payload_field
from tandem_kit.telemetry.metrics import EVENTS_PRODUCED, OUTBOX_BACKLOG
from tandem_kit.telemetry.propagation import kafka_headers
from tandem_kit.workers import PeriodicWorker

log = logging.getLogger(__name__)
_t = outbox_table
# A selected outbox row (id, topic, key, event_type, payload, headers); SQLAlchemy 2.1's
# variadic Row generics add nothing here.
OutboxRow = Any


@dataclass(frozen=True, slots=True)
class _Claimed:
    """A claimed row, its payload opened (None: a tombstone). ``shredded``: it was sealed
    for a person erased since, so it is deleted with the batch and never published."""

    id: int
    event_id: str
    topic: str
    key: str
    event_type: str
    payload: bytes | None
    headers: dict[str, str]
    shredded: bool = False


class OutboxRelay(PeriodicWorker):
    """Publishes batch after batch while there are rows, else polls every ``poll_interval``.

    A failed batch (the broker or the database is gone) rolls its claim back and ends
    :meth:`run`; the supervisor starts a fresh relay after a backoff.
    """

    def __init__(
        self,
        database: Database,
        producer: AIOKafkaProducer,
        *,
        service: str,
        batch_size: int = 500,
        poll_interval: float = 0.2,
    ) -> None:
        super().__init__("outbox-relay", poll_interval)
        self._db = database
        self._producer = producer
        self._service = service
        self._batch_size = batch_size
        self._backlog = OUTBOX_BACKLOG.labels(service=service)
        self._backlog_counted_at = 0.0

    async def tick(self, now: datetime) -> int:
        return await self.publish_batch()

    async def publish_batch(self) -> int:
        """One round: claim, publish, await every acknowledgement, then delete the rows."""
        async with self._db.transaction() as session:
            rows = await self._claim(session)
            if not rows:
                self._backlog.set(0)
                return 0
            rows = await self._opened(session, rows)
            await self._publish(rows)
            # Published rows are deleted rather than marked: Kafka keeps the events, and
            # a delete costs PostgreSQL far less than an update (no new row version, no
            # index entries), so the outbox also stays small without a clean-up job.
            await session.execute(delete(_t).where(_t.c.id.in_([r.id for r in rows])))
        # Counting the backlog costs a query; once a second is plenty for a gauge.
        now = time.monotonic()
        if now - self._backlog_counted_at >= 1.0:
            self._backlog_counted_at = now
            await self._refresh_backlog()
        return len(rows)

    async def _claim(self, session: AsyncSession) -> Sequence[OutboxRow]:
        query = (
            select(
                _t.c.id,
                _t.c.event_id,
                _t.c.topic,
                _t.c.key,
                _t.c.event_type,
                _t.c.payload,
                _t.c.about,
                _t.c.headers,
            )
            .order_by(_t.c.id)
            .limit(self._batch_size)
        )
        if self._db.dialect == "postgresql":
            query = query.with_for_update(skip_locked=True)
        rows = (await session.execute(query)).all()
        if not rows or self._db.dialect != "postgresql":
            return rows  # SQLite runs one relay: nobody else can hold a row
        return await self._without_keys_held_elsewhere(session, rows)

    async def _without_keys_held_elsewhere(
        self, session: AsyncSession, rows: Sequence[OutboxRow]
    ) -> Sequence[OutboxRow]:
        first_claimed: dict[str, int] = {}
        for row in rows:
            first_claimed.setdefault(row.key, row.id)
        result = await session.execute(
            select(_t.c.key, func.min(_t.c.id))
            .where(_t.c.key.in_(first_claimed))
            .group_by(_t.c.key)
        )
        earliest: dict[str, int] = {key: first for key, first in result}
        held_elsewhere = {k for k, first in first_claimed.items() if earliest.get(k, first) < first}
        return [row for row in rows if row.key not in held_elsewhere]

    async def _opened(self, session: AsyncSession, rows: Sequence[OutboxRow]) -> list[_Claimed]:
        """The rows with their payloads in the clear (sealed ones opened)."""
        opened: list[_Claimed] = []
        for row in rows:
            payload: bytes | None = row.payload
            shredded = False
            if row.about is not None:
                text = await vault_of(session).open(
                    session, row.about, payload_field(row.event_id), row.payload
                )
                if text is None:
                    log.info("event %s about an erased person is dropped", row.event_id)
                shredded = text is None
                payload = None if text is None else text.encode()
            opened.append(
                _Claimed(
                    row.id,
                    row.event_id,
                    row.topic,
                    row.key,
                    row.event_type,
                    payload,
                    row.headers,
                    shredded,
                )
            )
        return opened

    async def _publish(self, rows: Sequence[_Claimed]) -> None:
        deliveries = []
        for row in rows:
            if row.shredded:
                continue
            deliveries.append(
                await self._producer.send(
                    row.topic,
                    value=row.payload,
                    key=row.key.encode(),
                    headers=kafka_headers(row.headers),
                )
            )
        # Only an acknowledged batch is deleted; an error here rolls the claim back.
        await asyncio.gather(*deliveries)
        for row in rows:
            if row.shredded:
                continue
            EVENTS_PRODUCED.labels(
                service=self._service, topic=row.topic, type=row.event_type
            ).inc()

    async def _refresh_backlog(self) -> int:
        async with self._db.sessions() as session:
            count = await session.scalar(select(func.count()).select_from(_t))
        self._backlog.set(count or 0)
        return count or 0

    async def backlog(self) -> int:
        """Rows not yet published (also exported as ``tandem_outbox_backlog``)."""
        return await self._refresh_backlog()
