"""The SQL of personal calendar feeds: the token rows and the reader's meetings.

A token row is the subject, the SHA-256 of the token and when it was made; rotating
replaces the row (the old hash is gone with it), revoking deletes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import Role
from tandem_meetings.adapters.meetings import meeting_of_row
from tandem_meetings.adapters.tables import (
    calendar_feed_tokens,
    meeting_attendees,
    meetings,
    relationship_members,
)
from tandem_meetings.domain.meetings import MeetingStatus, Partstat
from tandem_meetings.domain.personal_feeds import FeedWindow, Invited
from tandem_meetings.domain.relationships import Member

_t = calendar_feed_tokens
# However full a programme's calendar, one feed holds at most this many meetings
# (the earliest first): the window bounds it in practice, this in the worst case.
MAX_MEETINGS = 2000


async def replace_token(
    session: AsyncSession, subject: str, token_hash: bytes, now: datetime
) -> None:
    await session.execute(delete(_t).where(_t.c.subject == subject))
    await session.execute(insert(_t).values(subject=subject, token_hash=token_hash, created_at=now))


async def created_at(session: AsyncSession, subject: str) -> datetime | None:
    row = (await session.execute(select(_t.c.created_at).where(_t.c.subject == subject))).first()
    return row.created_at if row is not None else None


async def holder_of(session: AsyncSession, token_hash: bytes) -> tuple[str, datetime] | None:
    """The subject whose token has this hash, and when it was made."""
    row = (
        await session.execute(
            select(_t.c.subject, _t.c.created_at).where(_t.c.token_hash == token_hash)
        )
    ).first()
    return (row.subject, row.created_at) if row is not None else None


async def delete_token(session: AsyncSession, subject: str) -> bool:
    result: Any = await session.execute(delete(_t).where(_t.c.subject == subject))
    return bool(result.rowcount)


def _mine(subject: str, window: FeedWindow) -> Any:
    """The subject's invitations (as attendee, in any relationship they are a member of)
    in the window: scheduled ones, and ones cancelled since ``cancelled_since``."""
    return (
        meetings.join(meeting_attendees, meeting_attendees.c.meeting_id == meetings.c.id).join(
            relationship_members,
            and_(
                relationship_members.c.relationship_id == meetings.c.relationship_id,
                relationship_members.c.participant_id == meeting_attendees.c.participant_id,
            ),
        ),
        and_(
            relationship_members.c.subject == subject,
            meeting_attendees.c.erased.is_(False),
            meetings.c.starts_at >= window.starts_from,
            meetings.c.starts_at < window.starts_before,
            or_(
                meetings.c.status == MeetingStatus.SCHEDULED.value,
                meetings.c.cancelled_at >= window.cancelled_since,
            ),
        ),
    )


async def stamps(
    session: AsyncSession, subject: str, window: FeedWindow
) -> list[tuple[object, ...]]:
    """What the feed's version is computed from: a few columns per meeting, no text."""
    joined, where = _mine(subject, window)
    rows = await session.execute(
        select(
            meetings.c.id,
            meetings.c.sequence,
            meetings.c.status,
            meetings.c.updated_at,
            meetings.c.programme_id,
            meeting_attendees.c.partstat,
            relationship_members.c.role,
        )
        .select_from(joined)
        .where(where)
        .order_by(meetings.c.starts_at, meetings.c.id)
        .limit(MAX_MEETINGS)
    )
    return [tuple(row) for row in rows]


async def invited(session: AsyncSession, subject: str, window: FeedWindow) -> Sequence[Invited]:
    joined, where = _mine(subject, window)
    rows = await session.execute(
        select(
            meetings,
            meeting_attendees.c.participant_id.label("my_participant_id"),
            meeting_attendees.c.partstat.label("my_partstat"),
            relationship_members.c.role.label("my_role"),
        )
        .select_from(joined)
        .where(where)
        .order_by(meetings.c.starts_at, meetings.c.id)
        .limit(MAX_MEETINGS)
    )
    return [
        Invited(
            meeting=meeting_of_row(row),
            member=Member(row.relationship_id, row.my_participant_id, subject, Role(row.my_role)),
            partstat=Partstat(row.my_partstat),
        )
        for row in rows
    ]
