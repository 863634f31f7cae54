"""What a programme manager sees about a conversation: figures, never content.

The same function builds the manager's view and, filtered to one person, the
answer to "what does the manager see about me" — so the two cannot drift apart.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from uuid import UUID


@dataclass(frozen=True)
class MessageFact:
    """One message's metadata; ``sender`` is None once its author was erased."""

    sender: UUID | None
    posted_at: datetime


@dataclass(frozen=True)
class MemberFigures:
    participant_id: UUID | None  # None: the messages of erased former members
    role: str | None
    message_count: int
    last_message_at: datetime | None
    responses: int
    median_response_seconds: float | None


@dataclass(frozen=True)
class ConversationFigures:
    conversation_id: UUID
    relationship_id: UUID
    programme_id: UUID
    status: str
    started_at: datetime
    ended_at: datetime | None
    message_count: int
    last_activity_at: datetime | None
    members: tuple[MemberFigures, ...]


def conversation_figures(
    *,
    conversation_id: UUID,
    relationship_id: UUID,
    programme_id: UUID,
    status: str,
    started_at: datetime,
    ended_at: datetime | None,
    members: Sequence[tuple[UUID, str]],
    messages: Iterable[MessageFact],
) -> ConversationFigures:
    """Counts, last activity and response times per member, from ordered metadata.

    A response time is measured from the first message someone else wrote since
    the member last wrote, to the member's next message: the time others waited.
    """
    ordered = sorted(messages, key=lambda m: m.posted_at)
    roles = dict(members)
    counted: dict[UUID | None, int] = dict.fromkeys(roles, 0)
    last: dict[UUID | None, datetime] = {}
    waiting_since: dict[UUID | None, datetime] = {}
    response_seconds: dict[UUID | None, list[float]] = {m: [] for m in roles}
    for message in ordered:
        sender = message.sender
        counted[sender] = counted.get(sender, 0) + 1
        last[sender] = message.posted_at
        if sender in waiting_since:
            started = waiting_since.pop(sender)
            response_seconds[sender].append((message.posted_at - started).total_seconds())
        for member in roles:
            if member != sender:
                waiting_since.setdefault(member, message.posted_at)
    rows = [
        MemberFigures(
            participant_id=member,
            role=roles.get(member) if member is not None else None,
            message_count=count,
            last_message_at=last.get(member),
            responses=len(response_seconds.get(member, [])),
            median_response_seconds=(
                statistics.median(response_seconds[member])
                if response_seconds.get(member)
                else None
            ),
        )
        for member, count in counted.items()
    ]
    rows.sort(key=lambda r: (r.participant_id is None, str(r.participant_id)))
    return ConversationFigures(
        conversation_id=conversation_id,
        relationship_id=relationship_id,
        programme_id=programme_id,
        status=status,
        started_at=started_at,
        ended_at=ended_at,
        message_count=len(ordered),
        last_activity_at=ordered[-1].posted_at if ordered else None,
        members=tuple(rows),
    )


def about(figures: ConversationFigures, participant_id: UUID) -> ConversationFigures:
    """The manager's figures of one conversation, keeping only the rows about one person."""
    return replace(
        figures, members=tuple(m for m in figures.members if m.participant_id == participant_id)
    )
