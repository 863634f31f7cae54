"""Read what use cases wrote to the outbox, as contract events.

Rows stay in the outbox until a relay publishes them, so run the app with
``run_relay=False`` to inspect them (as :func:`isolated_settings` does).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar, overload
from uuid import UUID

from sqlalchemy import func, select

from tandem_contracts import Event, parse_event
from tandem_kit.db.database import Database, vault_of
from tandem_kit.db.tables import outbox_table
from tandem_kit.outbox.writer import payload_field

E = TypeVar("E", bound=Event)


@dataclass(frozen=True, slots=True)
class OutboxEvent:
    """One outbox row: where it goes and the event it carries (decoded and validated)."""

    position: int
    event_id: UUID
    topic: str
    key: str
    event: Event

    @property
    def type(self) -> str:
        return self.event.event_type


async def outbox_position(database: Database) -> int:
    """The last row written so far: pass it as ``after`` to see only what comes next."""
    async with database.sessions() as session:
        last = await session.scalar(select(func.max(outbox_table.c.id)))
    return int(last or 0)


async def _rows(database: Database, event_type: str | None, after: int) -> list[OutboxEvent]:
    query = (
        select(outbox_table)
        .where(outbox_table.c.id > after, outbox_table.c.payload.is_not(None))
        .order_by(outbox_table.c.id)
    )
    if event_type is not None:
        query = query.where(outbox_table.c.event_type == event_type)
    found: list[OutboxEvent] = []
    async with database.sessions() as session:
        for row in (await session.execute(query)).mappings().all():
            payload = row["payload"]
            if row["about"] is not None:  # sealed for a person; skipped once they are erased
                text = await vault_of(session).open(
                    session, row["about"], payload_field(row["event_id"]), payload
                )
                if text is None:
                    continue
                payload = text.encode()
            found.append(
                OutboxEvent(
                    position=row["id"],
                    event_id=UUID(row["event_id"]),
                    topic=row["topic"],
                    key=row["key"],
                    event=parse_event(row["event_type"], payload),
                )
            )
    return found


async def outbox_tombstones(
    database: Database, record: type[Event], *, after: int = 0
) -> list[str]:
    """The keys of the tombstones of ``record`` (a compacted type) written, in order."""
    query = (
        select(outbox_table.c.key)
        .where(
            outbox_table.c.id > after,
            outbox_table.c.event_type == record.event_type,
            outbox_table.c.payload.is_(None),
        )
        .order_by(outbox_table.c.id)
    )
    async with database.sessions() as session:
        return list((await session.scalars(query)).all())


@overload
async def outbox_events(database: Database, event_class: type[E], *, after: int = 0) -> list[E]: ...
@overload
async def outbox_events(
    database: Database, event_class: None = None, *, after: int = 0
) -> list[OutboxEvent]: ...
async def outbox_events(
    database: Database, event_class: type[E] | None = None, *, after: int = 0
) -> list[E] | list[OutboxEvent]:
    """With a class: its events in the order written. Without: every row but
    tombstones (:func:`outbox_tombstones`), as
    :class:`OutboxEvent` (topic, key, id and event). ``after``: an
    :func:`outbox_position` taken earlier."""
    if event_class is None:
        return await _rows(database, None, after)
    rows = await _rows(database, event_class.event_type, after)
    events: list[E] = []
    for row in rows:
        if not isinstance(row.event, event_class):  # another class registered for the type
            raise TypeError(f"{row.type} parses as {type(row.event).__name__}")
        events.append(row.event)
    return events
