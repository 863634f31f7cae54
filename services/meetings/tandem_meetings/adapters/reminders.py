"""The reminders' due-jobs table: planned with the meeting, claimed under a lease."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from prometheus_client import Counter, Histogram
from sqlalchemy import and_, delete, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_meetings.adapters.tables import reminder_jobs as t
from tandem_meetings.domain.reminders import Reminder, ReminderState

REMINDERS_DROPPED = Counter(
    "tandem_meetings_reminders_dropped_total",
    "Reminders not sent because they would have arrived after the meeting started.",
)
REMINDERS_QUEUED = Counter(
    "tandem_meetings_reminders_queued_total", "Reminders queued in the mail outbox."
)
# From a reminder's due time to when the worker queued (or dropped) it: how far behind
# the reminders worker runs. Buckets from its poll interval to an hour.
REMINDER_LATENESS = Histogram(
    "tandem_meetings_reminder_lateness_seconds",
    "Seconds from a reminder's due time to its being queued or dropped.",
    buckets=(1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600),
)


def _reminder(row: Any) -> Reminder:
    return Reminder(
        id=row.id,
        meeting_id=row.meeting_id,
        participant_id=row.participant_id,
        offset_minutes=row.offset_minutes,
        sequence=row.sequence,
        due_at=row.due_at,
        state=ReminderState(row.state),
    )


async def add(
    session: AsyncSession,
    meeting_id: UUID,
    sequence: int,
    participant_ids: Sequence[UUID],
    due: Sequence[tuple[int, datetime]],
) -> None:
    rows = [
        {
            "id": uuid4(),
            "meeting_id": meeting_id,
            "participant_id": pid,
            "offset_minutes": offset,
            "sequence": sequence,
            "due_at": at,
            "state": ReminderState.PENDING.value,
            "lease_owner": None,
            "lease_until": None,
        }
        for pid in participant_ids
        for offset, at in due
    ]
    if rows:
        await session.execute(insert(t), rows)


async def forget_pending(session: AsyncSession, meeting_id: UUID) -> None:
    """A reschedule or a cancel: the pending ones go (sent ones stay as the record)."""
    await session.execute(
        delete(t).where(t.c.meeting_id == meeting_id, t.c.state == ReminderState.PENDING.value)
    )


async def of_meeting(session: AsyncSession, meeting_id: UUID) -> list[Reminder]:
    rows = await session.execute(
        select(t).where(t.c.meeting_id == meeting_id).order_by(t.c.due_at, t.c.participant_id)
    )
    return [_reminder(r) for r in rows]


async def claim(
    session: AsyncSession, owner: str, now: datetime, lease_seconds: float, limit: int
) -> list[Reminder]:
    """Due pending rows whose lease is free, leased to ``owner``. On PostgreSQL rows another
    worker is claiming are skipped (SKIP LOCKED); the conditional UPDATE also makes two
    workers on SQLite (no row locks) claim each row once."""
    free = and_(
        t.c.state == ReminderState.PENDING.value,
        t.c.due_at <= now,
        or_(t.c.lease_until.is_(None), t.c.lease_until <= now),
    )
    candidates = select(t.c.id).where(free).order_by(t.c.due_at, t.c.id).limit(limit)
    if session.get_bind().dialect.name == "postgresql":
        candidates = candidates.with_for_update(skip_locked=True)
    ids = list((await session.scalars(candidates)).all())
    if not ids:
        return []
    until = now + timedelta(seconds=lease_seconds)
    rows = await session.execute(
        update(t)
        .where(t.c.id.in_(ids), free)
        .values(lease_owner=owner, lease_until=until)
        .returning(*t.c)
    )
    return sorted((_reminder(r) for r in rows), key=lambda r: (r.due_at, r.id))


async def finish(
    session: AsyncSession, reminder: Reminder, owner: str, state: ReminderState, now: datetime
) -> bool:
    """Mark a leased row done; False if the lease was lost (another worker has it)."""
    result = await session.execute(
        update(t)
        .where(
            t.c.id == reminder.id,
            t.c.lease_owner == owner,
            t.c.state == ReminderState.PENDING.value,
        )
        .values(state=state.value, done_at=now, lease_until=None)
    )
    done = bool(getattr(result, "rowcount", 0))
    if done:
        (REMINDERS_DROPPED if state is ReminderState.DROPPED else REMINDERS_QUEUED).inc()
        REMINDER_LATENESS.observe(max(0.0, (now - reminder.due_at).total_seconds()))
    return done


async def forget(session: AsyncSession, reminder: Reminder) -> None:
    """A row whose meeting is gone or moved on (it is replaced or cancelled)."""
    await session.execute(delete(t).where(t.c.id == reminder.id))
