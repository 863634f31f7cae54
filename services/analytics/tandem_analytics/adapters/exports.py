"""The SQL of the export: a programme's relationships a page at a time (keyset on id)."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters import breakdowns
from tandem_analytics.domain.breakdowns import RelationshipFacts


async def page(
    session: AsyncSession, programme: UUID, after: UUID | None, limit: int
) -> list[RelationshipFacts]:
    return await breakdowns.relationships_of(session, programme, after=after, limit=limit)
