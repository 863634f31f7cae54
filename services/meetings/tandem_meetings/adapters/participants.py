"""The SQL of a run of participant events: which of them already belong to a plan."""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_meetings.adapters.tables import relationship_members, relationship_plans, relationships


async def members_with_plans(session: AsyncSession, participant_ids: Iterable[UUID]) -> set[UUID]:
    """Those of ``participant_ids`` who are members of an active relationship with a plan
    (``plans.plans_with_member`` for many at once)."""
    ids = list(set(participant_ids))
    if not ids:
        return set()
    rows = await session.scalars(
        select(relationship_members.c.participant_id)
        .join(
            relationship_plans,
            relationship_plans.c.relationship_id == relationship_members.c.relationship_id,
        )
        .join(relationships, relationships.c.id == relationship_members.c.relationship_id)
        .where(relationship_members.c.participant_id.in_(ids), relationships.c.status == "active")
    )
    return set(rows.all())
