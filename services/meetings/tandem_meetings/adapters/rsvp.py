"""Attendees' answers and the nonces of one-click RSVP links already used."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import Role
from tandem_meetings.adapters.common import insert_unless_present
from tandem_meetings.adapters.tables import meeting_attendees, rsvp_nonces
from tandem_meetings.domain.meetings import Attendee, Partstat


async def attendee(
    session: AsyncSession, meeting_id: UUID, participant_id: UUID
) -> Attendee | None:
    row = (
        await session.execute(
            select(meeting_attendees).where(
                meeting_attendees.c.meeting_id == meeting_id,
                meeting_attendees.c.participant_id == participant_id,
            )
        )
    ).first()
    if row is None:
        return None
    return Attendee(
        id=row.id,
        meeting_id=row.meeting_id,
        participant_id=row.participant_id,
        role=Role(row.role),
        partstat=Partstat(row.partstat),
        responded_at=row.responded_at,
        erased=row.erased,
    )


async def save_answer(session: AsyncSession, answer: Attendee) -> None:
    await session.execute(
        update(meeting_attendees)
        .where(meeting_attendees.c.id == answer.id)
        .values(partstat=answer.partstat.value, responded_at=answer.responded_at)
    )


async def use_nonce(
    session: AsyncSession, nonce: str, meeting_id: UUID, now: datetime, expires_at: datetime
) -> bool:
    """Record a link's nonce as used; False if it was used before (a replay)."""
    return await insert_unless_present(
        session,
        rsvp_nonces,
        {"nonce": nonce, "meeting_id": meeting_id, "used_at": now, "expires_at": expires_at},
        ["nonce"],
    )


async def forget_expired_nonces(session: AsyncSession, now: datetime) -> int:
    """Past its expiry a link is refused anyway: its nonce need not be kept."""
    result = await session.execute(delete(rsvp_nonces).where(rsvp_nonces.c.expires_at <= now))
    return int(getattr(result, "rowcount", 0) or 0)


async def nonce_used(session: AsyncSession, nonce: str) -> bool:
    found = await session.scalar(select(rsvp_nonces.c.nonce).where(rsvp_nonces.c.nonce == nonce))
    return found is not None
