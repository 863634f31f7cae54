"""The SQL of employment outcomes (each status sealed under the programme's key)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.tables import outcomes


def _insert(session: AsyncSession, table: Any) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return postgresql_insert(table)
    return sqlite_insert(table)


async def ask(
    session: AsyncSession,
    *,
    outcome_id: UUID,
    programme_id: UUID,
    relationship_id: UUID,
    participant_id: UUID,
    stage: str,
    due_on: date,
    country: str | None,
    now: datetime,
) -> UUID | None:
    """The stage's row (asked, not answered); None if it existed already."""
    created = await session.scalar(
        _insert(session, outcomes)
        .values(
            id=outcome_id,
            programme_id=programme_id,
            relationship_id=relationship_id,
            participant_id=participant_id,
            stage=stage,
            due_on=due_on,
            country=country,
            created_at=now,
        )
        .on_conflict_do_nothing(index_elements=["relationship_id", "participant_id", "stage"])
        .returning(outcomes.c.id)
    )
    return None if created is None else UUID(str(created))


async def row(session: AsyncSession, outcome_id: UUID) -> Any:
    return (
        await session.execute(select(outcomes).where(outcomes.c.id == outcome_id))
    ).one_or_none()


async def of_stage(
    session: AsyncSession, relationship_id: UUID, participant_id: UUID, stage: str
) -> Any:
    return (
        await session.execute(
            select(outcomes)
            .where(outcomes.c.relationship_id == relationship_id)
            .where(outcomes.c.participant_id == participant_id)
            .where(outcomes.c.stage == stage)
        )
    ).one_or_none()


async def of_participants(session: AsyncSession, participant_ids: list[UUID]) -> list[Any]:
    return list(
        (
            await session.execute(
                select(outcomes)
                .where(outcomes.c.participant_id.in_(participant_ids))
                .order_by(outcomes.c.due_on)
            )
        ).all()
    )


async def record(
    session: AsyncSession, outcome_id: UUID, sealed: bytes, country: str | None, now: datetime
) -> None:
    await session.execute(
        update(outcomes)
        .where(outcomes.c.id == outcome_id)
        .values(status=sealed, recorded_at=now, country=country)
    )


async def of_programme(session: AsyncSession, programme_id: UUID) -> list[Any]:
    return list(
        await session.execute(select(outcomes).where(outcomes.c.programme_id == programme_id))
    )


async def forget_participant(
    session: AsyncSession, participant_id: UUID, programme_id: UUID, *, keep: bool
) -> None:
    """Erasure: her rows in the programme lose her and her relationship (``keep``:
    anonymous counts by country stay) or go."""
    mine = (outcomes.c.participant_id == participant_id) & (outcomes.c.programme_id == programme_id)
    if keep:
        await session.execute(
            update(outcomes).where(mine).values(participant_id=None, relationship_id=None)
        )
    else:
        await session.execute(delete(outcomes).where(mine))
