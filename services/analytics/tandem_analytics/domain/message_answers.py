"""Messages' answers for a run of new messages, worked out in memory exactly as
``adapters/message_facts.answer`` works them out in SQL one message at a time.

A message's answer is the first later message (by ``(posted_at, message_id)``) of the same
relationship by another sender. Each new message, in the run's order: it takes the first
later message by another sender as its answer, and it becomes the answer of each earlier
message by another sender whose answer is missing or later than it. This is the SQL's rule
step for step, not a recomputation from scratch: an erasure relabels senders without
revisiting answers, and a recomputation would "fix" those rows where the one-by-one path
leaves them, so the two paths would not give the same figures.

The rows given must hold every row a step can read or change: for a relationship whose
new messages start at ``t0``, the rows posted at or after ``t0`` and the rows whose answer
is missing or at or after ``t0`` (``adapters/message_batches.rows_to_answer``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID


@dataclass
class MessageRow:
    """One ``rm_messages`` row's answer facts; ``changed`` once a step rewrote its answer."""

    message_id: UUID
    sender_id: UUID
    posted_at: datetime
    answer_id: UUID | None = None
    answered_by: UUID | None = None
    answered_at: datetime | None = None
    response_seconds: int | None = None
    changed: bool = field(default=False, compare=False)

    def key(self) -> tuple[datetime, UUID]:
        return (self.posted_at, self.message_id)

    def answered(self, by: MessageRow) -> None:
        self.answer_id = by.message_id
        self.answered_by = by.sender_id
        self.answered_at = by.posted_at
        self.response_seconds = int((by.posted_at - self.posted_at).total_seconds())
        self.changed = True


def _answer_is_later(row: MessageRow, new: MessageRow) -> bool:
    if row.answer_id is None or row.answered_at is None:
        return True
    return row.answered_at > new.posted_at or (
        row.answered_at == new.posted_at and row.answer_id > new.message_id
    )


def fold_new(rows: list[MessageRow], new: MessageRow) -> None:
    """Add ``new`` to one relationship's ``rows`` (in place) as the SQL path does."""
    rows.append(new)
    others = [row for row in rows if row.sender_id != new.sender_id]
    later = [row for row in others if row.key() > new.key()]
    if later:
        new.answered(min(later, key=MessageRow.key))
    for row in others:
        if row.key() < new.key() and _answer_is_later(row, new):
            row.answered(new)
