"""Several records of one partition in one inbox transaction.

A *run* is consecutive records of one partition that decode to events this consumer
handles: a sequence of steps, each one event's handler (:class:`OneStep`) or a batch
handler (``Handlers.on_batch``) with consecutive events of its type (:class:`BatchStep`).
Their inbox rows are written together (an event id already there, or twice in the run,
is dropped, as one by one), each step gets the events that are new, in order, and
everything commits at once: one inbox read, one insert and one commit for the run instead
of one each per event, which was most of the consumer's own cost per event (SQLite's
statements each cross to aiosqlite's thread and back). A run that fails rolls back
whole; the consumer then handles its records as before, so that only a poison record
goes to the dead letters (:mod:`tandem_kit.kafka.consumer`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts import Envelope, Event
from tandem_kit.db.bulk import insert_many
from tandem_kit.db.database import Database
from tandem_kit.db.tables import inbox_table
from tandem_kit.kafka.handlers import BatchContext, BatchHandler, BoundHandler, HandlerContext

# The step's own trace span (the consumer's ``consumer_span`` for its record or records).
SpanFactory = Callable[[], AbstractContextManager[Any]]


def _no_span() -> AbstractContextManager[Any]:
    return nullcontext()


@dataclass(frozen=True)
class OneStep:
    """One event (or tombstone) and its handler, bound to it."""

    envelope: Envelope
    handle: BoundHandler
    span: SpanFactory = _no_span

    @property
    def envelopes(self) -> Sequence[Envelope]:
        return (self.envelope,)

    async def run(self, session: AsyncSession, fresh: Sequence[int]) -> None:
        with self.span():
            await self.handle(HandlerContext(session=session, envelope=self.envelope))


@dataclass(frozen=True)
class BatchStep:
    """Consecutive events of one type and their batch handler."""

    handle: BatchHandler
    envelopes: Sequence[Envelope]
    events: Sequence[Event]
    span: SpanFactory = _no_span

    async def run(self, session: AsyncSession, fresh: Sequence[int]) -> None:
        with self.span():
            await self.handle(
                [self.events[i] for i in fresh],
                BatchContext(session=session, envelopes=tuple(self.envelopes[i] for i in fresh)),
            )


Step = OneStep | BatchStep


async def handle_run_in_inbox(database: Database, consumer: str, steps: Sequence[Step]) -> int:
    """Write the inbox rows of the events ``consumer`` has not handled and run each step
    on its new events (a step with none does not run), in one transaction; how many
    events were new."""
    ids = [str(envelope.id) for step in steps for envelope in step.envelopes]
    async with database.transaction() as session:
        seen = set(
            await session.scalars(
                select(inbox_table.c.event_id).where(
                    inbox_table.c.consumer == consumer, inbox_table.c.event_id.in_(ids)
                )
            )
        )
        now = datetime.now(UTC)
        rows: list[dict[str, object]] = []
        plan: list[tuple[Step, list[int]]] = []
        for step in steps:
            fresh: list[int] = []
            for index, envelope in enumerate(step.envelopes):
                event_id = str(envelope.id)
                if event_id in seen:
                    continue  # delivered again (or twice in this run): the effect happened
                seen.add(event_id)
                fresh.append(index)
                rows.append(
                    {
                        "consumer": consumer,
                        "event_id": event_id,
                        "event_type": envelope.type,
                        "processed_at": now,
                    }
                )
            if fresh:
                plan.append((step, fresh))
        if not rows:
            return 0
        await insert_many(session, inbox_table, rows)
        for step, fresh in plan:
            await step.run(session, fresh)
    return len(rows)


async def handle_batch_in_inbox(
    database: Database,
    consumer: str,
    handle: BatchHandler,
    envelopes: Sequence[Envelope],
    events: Sequence[Event],
) -> int:
    """A run of one batch handler's events (see :func:`handle_run_in_inbox`)."""
    return await handle_run_in_inbox(database, consumer, [BatchStep(handle, envelopes, events)])
