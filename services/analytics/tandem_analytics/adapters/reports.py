"""The SQL of programme reports: which programmes are due a week's report, and the reports."""

from __future__ import annotations

import dataclasses
from typing import Any
from uuid import UUID

from sqlalchemy import and_, exists, insert, or_, select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.reports_tables import programme_reports as table
from tandem_analytics.adapters.tables import rm_relationships
from tandem_analytics.domain.reports import Report, ReportFigures, Week
from tandem_kit.api import keyset


async def due_programmes(session: AsyncSession, week: Week, *, limit: int) -> list[UUID]:
    """Programmes with a relationship that was active in ``week`` and no report of it yet.

    Active in the week: started before it ended, not ended before it began. A programme
    whose relationships have all ended stops getting reports the week after.
    """
    r = rm_relationships.c
    reported = exists().where(
        table.c.programme_id == r.programme_id, table.c.period_start == week.start
    )
    query = (
        select(r.programme_id)
        .where(
            r.started_at < week.ends_at,
            or_(r.ended_at.is_(None), r.ended_at >= week.begins_at),
            ~reported,
        )
        .group_by(r.programme_id)
        .order_by(r.programme_id)
        .limit(limit)
    )
    return list((await session.scalars(query)).all())


async def exists_for(session: AsyncSession, report_id: UUID) -> bool:
    found = await session.scalar(select(table.c.id).where(table.c.id == report_id))
    return found is not None


async def add(session: AsyncSession, report: Report) -> None:
    await session.execute(
        insert(table).values(
            id=report.id,
            programme_id=report.programme_id,
            period_start=report.week.start,
            period_end=report.week.end,
            computed_at=report.computed_at,
            figures=dataclasses.asdict(report.figures),
        )
    )


async def one(session: AsyncSession, programme_id: UUID, report_id: UUID) -> Report | None:
    row = (
        await session.execute(
            select(table).where(and_(table.c.id == report_id, table.c.programme_id == programme_id))
        )
    ).first()
    return _record(row) if row is not None else None


async def page_of_programme(
    session: AsyncSession, programme_id: UUID, *, cursor: str | None, limit: int
) -> list[Report]:
    """Newest week first."""
    query = select(table).where(table.c.programme_id == programme_id)
    query = keyset(query, [table.c.period_start, table.c.id], cursor, limit, descending=True)
    return [_record(row) for row in await session.execute(query)]


def _record(row: Row[Any]) -> Report:
    f: dict[str, Any] = dict(row.figures)
    f["meetings_by_mode"] = tuple(tuple(m) for m in f["meetings_by_mode"])
    return Report(
        id=row.id,
        programme_id=row.programme_id,
        week=Week(row.period_start, row.period_end),
        computed_at=row.computed_at,
        figures=ReportFigures(**f),
    )
