"""The programmes' risk thresholds (table ``risk_thresholds``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, fields
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.tables import risk_thresholds as table
from tandem_analytics.domain.risk_rules import RiskThresholds

_FIELDS = tuple(f.name for f in fields(RiskThresholds))


def _record(row: Any) -> RiskThresholds:
    return RiskThresholds(**{name: getattr(row, name) for name in _FIELDS})


async def thresholds_of(
    session: AsyncSession, programme_id: UUID
) -> tuple[RiskThresholds, datetime | None]:
    """The programme's thresholds and when they were set (the defaults and None if never)."""
    row = (
        await session.execute(select(table).where(table.c.programme_id == programme_id))
    ).one_or_none()
    if row is None:
        return RiskThresholds(), None
    return _record(row), row.updated_at


async def thresholds_for(
    session: AsyncSession, programme_ids: Iterable[UUID]
) -> dict[UUID, RiskThresholds]:
    """Many programmes' at once (the evaluation); a programme without a row has the defaults."""
    wanted = set(programme_ids)
    if not wanted:
        return {}
    rows = await session.execute(select(table).where(table.c.programme_id.in_(wanted)))
    found = {row.programme_id: _record(row) for row in rows}
    return {pid: found.get(pid, RiskThresholds()) for pid in wanted}


async def save(
    session: AsyncSession, programme_id: UUID, thresholds: RiskThresholds, now: datetime
) -> None:
    """INSERT ... ON CONFLICT DO UPDATE: two managers' PUTs at once leave one whole set."""
    values = {"programme_id": programme_id, **asdict(thresholds), "updated_at": now}
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(table).values(values)
    changes = {name: statement.excluded[name] for name in values if name != "programme_id"}
    await session.execute(
        statement.on_conflict_do_update(index_elements=["programme_id"], set_=changes)
    )
