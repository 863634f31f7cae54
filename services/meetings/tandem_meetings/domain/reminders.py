"""Reminders as pure decisions: when each is due, its mail's idempotency key, and
whether it is still worth sending. The due-jobs table (adapters/reminders.py) holds them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID


class ReminderState(StrEnum):
    PENDING = "pending"
    SENT = "sent"  # queued in the mail outbox (the kit's relay delivers it)
    DROPPED = "dropped"  # it would have arrived after the meeting started


@dataclass(frozen=True, slots=True)
class Reminder:
    id: UUID
    meeting_id: UUID
    participant_id: UUID
    offset_minutes: int
    sequence: int  # the meeting's SEQUENCE it was planned for
    due_at: datetime
    state: ReminderState


def due_times(
    starts_at: datetime, offsets_minutes: Iterable[int], now: datetime
) -> list[tuple[int, datetime]]:
    """(offset, due time) of each reminder still ahead: one whose time has passed when the
    meeting is (re)scheduled would not be the reminder it names, so none is made."""
    due = ((o, starts_at - timedelta(minutes=o)) for o in sorted(set(offsets_minutes)))
    return [(o, at) for o, at in due if at > now]


def idempotency_key(reminder: Reminder) -> str:
    """The mail's key (so its Message-ID): a second queueing of the same reminder of the
    same schedule is a no-op, while a reschedule (a new sequence) gets new ones."""
    return (
        f"meeting-reminder:{reminder.meeting_id}:{reminder.participant_id}:"
        f"{reminder.offset_minutes}:{reminder.sequence}"
    )


def too_late(starts_at: datetime, now: datetime) -> bool:
    """A reminder that would arrive once the meeting has started is dropped, not sent."""
    return now >= starts_at
