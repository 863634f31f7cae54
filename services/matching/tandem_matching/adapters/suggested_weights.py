"""The latest suggested weights per programme (table ``suggested_weights``)."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_matching.adapters.tables import suggested_weights as table
from tandem_matching.domain.suggested_weights import Suggestion


async def latest(session: AsyncSession, programme_id: UUID) -> Suggestion | None:
    row = (
        await session.execute(select(table).where(table.c.programme_id == programme_id))
    ).one_or_none()
    if row is None:
        return None
    return Suggestion(
        row.suggestion_id,
        {str(k): float(v) for k, v in row.weights.items()},
        row.relationships_used,
        row.outcome,
        row.received_at,
    )


async def keep(session: AsyncSession, programme_id: UUID, suggestion: Suggestion) -> None:
    await session.execute(delete(table).where(table.c.programme_id == programme_id))
    await session.execute(
        insert(table).values(
            programme_id=programme_id,
            suggestion_id=suggestion.suggestion_id,
            weights=dict(suggestion.weights),
            relationships_used=suggestion.relationships_used,
            outcome=suggestion.outcome,
            received_at=suggestion.received_at,
        )
    )
