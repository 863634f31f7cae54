"""Criterion scores and outcomes per relationship; the last suggestion per programme."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from uuid import UUID

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.tables import match_criterion_scores as scores_table
from tandem_analytics.adapters.tables import match_weight_suggestions as suggestions
from tandem_analytics.domain.match_weights import FinishedMatch


async def _ensure(session: AsyncSession, relationship_id: UUID, programme_id: UUID) -> None:
    found = await session.scalar(
        select(scores_table.c.relationship_id).where(
            scores_table.c.relationship_id == relationship_id
        )
    )
    if found is None:
        await session.execute(
            insert(scores_table).values(relationship_id=relationship_id, programme_id=programme_id)
        )


async def set_scores(
    session: AsyncSession, relationship_id: UUID, programme_id: UUID, scores: Mapping[str, float]
) -> None:
    await _ensure(session, relationship_id, programme_id)
    await session.execute(
        update(scores_table)
        .where(scores_table.c.relationship_id == relationship_id)
        .values(scores=dict(scores))
    )


async def set_outcome(
    session: AsyncSession, relationship_id: UUID, programme_id: UUID, completed: bool
) -> None:
    """An end before its proposal (reordered events) is kept; the scores join it later."""
    await _ensure(session, relationship_id, programme_id)
    await session.execute(
        update(scores_table)
        .where(scores_table.c.relationship_id == relationship_id)
        .values(completed=completed)
    )


async def finished_of(session: AsyncSession, programme_id: UUID) -> list[FinishedMatch]:
    rows = await session.execute(
        select(scores_table.c.scores, scores_table.c.completed)
        .where(
            scores_table.c.programme_id == programme_id,
            scores_table.c.completed.is_not(None),
            scores_table.c.scores.is_not(None),
        )
        .order_by(scores_table.c.relationship_id)
    )
    return [FinishedMatch(row.scores, bool(row.completed)) for row in rows]


async def last_suggestion(session: AsyncSession, programme_id: UUID) -> dict[str, float] | None:
    weights = await session.scalar(
        select(suggestions.c.weights).where(suggestions.c.programme_id == programme_id)
    )
    return None if weights is None else {str(k): float(v) for k, v in weights.items()}


async def save_suggestion(
    session: AsyncSession,
    programme_id: UUID,
    suggestion_id: UUID,
    weights: Mapping[str, float],
    relationships_used: int,
    at: datetime,
) -> None:
    await session.execute(delete(suggestions).where(suggestions.c.programme_id == programme_id))
    await session.execute(
        insert(suggestions).values(
            programme_id=programme_id,
            suggestion_id=suggestion_id,
            weights=dict(weights),
            relationships_used=relationships_used,
            suggested_at=at,
        )
    )
