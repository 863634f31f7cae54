"""Imported finished relationships (table ``risk_training_histories``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from pydantic import TypeAdapter
from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.tables import risk_training_histories as table
from tandem_analytics.domain.risk_features import RelationshipHistory

_HISTORY = TypeAdapter(RelationshipHistory)


async def replace_histories(
    session: AsyncSession,
    programme_id: UUID,
    import_id: UUID,
    histories: Sequence[tuple[str, RelationshipHistory]],
    now: datetime,
) -> None:
    """Insert the histories; a relationship imported before is replaced, not doubled."""
    ids = [history.relationship_id for _, history in histories]
    for start in range(0, len(ids), 500):  # bounded IN lists
        await session.execute(
            delete(table).where(table.c.relationship_id.in_(ids[start : start + 500]))
        )
    if histories:
        await session.execute(
            insert(table),
            [
                {
                    "relationship_id": history.relationship_id,
                    "programme_id": programme_id,
                    "reference": reference,
                    "import_id": import_id,
                    "history": _HISTORY.dump_python(history, mode="json"),
                    "imported_at": now,
                }
                for reference, history in histories
            ],
        )


async def histories_of(session: AsyncSession, programme_id: UUID) -> list[RelationshipHistory]:
    rows = await session.execute(
        select(table.c.history)
        .where(table.c.programme_id == programme_id)
        .order_by(table.c.relationship_id)
    )
    return [_HISTORY.validate_python(row.history) for row in rows]


async def count_of(session: AsyncSession, programme_id: UUID) -> int:
    statement = select(func.count()).select_from(table).where(table.c.programme_id == programme_id)
    return int((await session.execute(statement)).scalar_one())
