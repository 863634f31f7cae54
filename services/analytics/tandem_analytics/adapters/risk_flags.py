"""The relationships' risk flags (table ``risk_flags``): codes, figures and ids only."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.tables import risk_flags as table
from tandem_analytics.domain.risk_flags import RiskFlag
from tandem_contracts.analytics import ClearedBy, RiskReason, RiskSource
from tandem_kit.api import keyset


def _reasons_json(reasons: Iterable[RiskReason]) -> list[dict[str, Any]]:
    return [reason.model_dump(mode="json") for reason in reasons]


def _record(row: Any) -> RiskFlag:
    return RiskFlag(
        id=row.id,
        relationship_id=row.relationship_id,
        programme_id=row.programme_id,
        source=RiskSource(row.source),
        reasons=tuple(RiskReason.model_validate(r) for r in row.reasons),
        raised_at=row.raised_at,
        cleared_at=row.cleared_at,
        cleared_by=ClearedBy(row.cleared_by) if row.cleared_by else None,
        dismissal_reason=row.dismissal_reason,
        holds=row.holds,
    )


async def open_flags(
    session: AsyncSession, relationship_ids: Iterable[UUID]
) -> dict[UUID, RiskFlag]:
    wanted = list(relationship_ids)
    query = select(table).where(table.c.open_relationship_id.in_(wanted))
    return {row.relationship_id: _record(row) for row in await session.execute(query)}


async def held_flags(
    session: AsyncSession, relationship_ids: Iterable[UUID]
) -> dict[UUID, RiskFlag]:
    """Dismissed flags that still hold their reasons back, by relationship."""
    wanted = list(relationship_ids)
    query = select(table).where(table.c.relationship_id.in_(wanted), table.c.holds.is_(True))
    return {row.relationship_id: _record(row) for row in await session.execute(query)}


async def flag(
    session: AsyncSession, flag_id: UUID, *, for_update: bool = False
) -> RiskFlag | None:
    query = select(table).where(table.c.id == flag_id)
    if for_update:
        query = query.with_for_update()
    row = (await session.execute(query)).one_or_none()
    return _record(row) if row is not None else None


async def insert(session: AsyncSession, flag: RiskFlag, score: float | None = None) -> bool:
    """False when the relationship already has an open flag: another evaluation raised it
    a moment ago (the unique ``open_relationship_id`` decides, the transaction goes on)."""
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    result = await session.execute(
        insert(table)
        .values(
            id=flag.id,
            relationship_id=flag.relationship_id,
            programme_id=flag.programme_id,
            open_relationship_id=flag.relationship_id,
            source=flag.source.value,
            score=score,
            reasons=_reasons_json(flag.reasons),
            raised_at=flag.raised_at,
            holds=False,
        )
        .on_conflict_do_nothing()
    )
    return bool(getattr(result, "rowcount", 0))


async def set_reasons(session: AsyncSession, flag_id: UUID, reasons: Sequence[RiskReason]) -> None:
    await session.execute(
        update(table).where(table.c.id == flag_id).values(reasons=_reasons_json(reasons))
    )


async def clear(
    session: AsyncSession,
    flag_id: UUID,
    cleared_by: ClearedBy,
    at: datetime,
    *,
    dismissal_reason: str | None = None,
    dismissed_by: str | None = None,
) -> bool:
    """Clear the flag if it is still open; False when something else cleared it first."""
    result = await session.execute(
        update(table)
        .where(table.c.id == flag_id, table.c.cleared_at.is_(None))
        .values(
            open_relationship_id=None,
            cleared_at=at,
            cleared_by=cleared_by.value,
            dismissal_reason=dismissal_reason,
            dismissed_by=dismissed_by,
            holds=cleared_by is ClearedBy.MANAGER_DISMISSED,
        )
    )
    return bool(getattr(result, "rowcount", 0))


async def release(session: AsyncSession, relationship_id: UUID) -> None:
    """The dismissed reasons are gone: the next ones raise a flag again."""
    await session.execute(
        update(table)
        .where(table.c.relationship_id == relationship_id, table.c.holds.is_(True))
        .values(holds=False)
    )


async def page_of_programme(
    session: AsyncSession, programme_id: UUID, *, open_only: bool, cursor: str | None, limit: int
) -> list[RiskFlag]:
    """Newest first."""
    query = select(table).where(table.c.programme_id == programme_id)
    if open_only:
        query = query.where(table.c.cleared_at.is_(None))
    query = keyset(query, [table.c.raised_at, table.c.id], cursor, limit, descending=True)
    return [_record(row) for row in await session.execute(query)]


async def erase_participant(session: AsyncSession, participant_id: UUID) -> None:
    """The person's id leaves every flag's reasons; the reasons (codes, figures) stay."""
    wanted = str(participant_id)
    rows = await session.execute(select(table.c.id, table.c.reasons))
    for row in rows.all():
        if any(r.get("participant_id") == wanted for r in row.reasons):
            cleaned = [
                {**r, "participant_id": None} if r.get("participant_id") == wanted else r
                for r in row.reasons
            ]
            await session.execute(update(table).where(table.c.id == row.id).values(reasons=cleaned))
