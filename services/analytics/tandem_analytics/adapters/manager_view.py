"""The SQL of a participant's manager view: who the token's subject is, and their rows."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.tables import rm_members, rm_participants
from tandem_kit.directory.tables import participants


async def participants_of(session: AsyncSession, subject: str) -> list[tuple[UUID, UUID]]:
    """(participant id, programme id) of each programme the subject takes part in."""
    t = participants.c
    rows = await session.execute(
        select(t.participant_id, t.programme_id)
        .where(t.subject == subject)
        .order_by(t.programme_id, t.participant_id)
    )
    return [(row[0], row[1]) for row in rows]


async def relationships_of(session: AsyncSession, participant_id: UUID) -> list[UUID]:
    rows = await session.scalars(
        select(rm_members.c.relationship_id)
        .where(rm_members.c.participant_id == participant_id)
        .order_by(rm_members.c.relationship_id)
    )
    return list(rows)


async def activity(session: AsyncSession, participant_id: UUID) -> Any:
    p = rm_participants.c
    return (
        await session.execute(
            select(p.last_contact_at, p.last_meeting_at, p.first_posted_at).where(
                p.participant_id == participant_id
            )
        )
    ).first()
