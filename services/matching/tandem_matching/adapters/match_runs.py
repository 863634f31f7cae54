"""Match runs: queued by the API, claimed and advanced by the match-run worker."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from uuid import UUID

from sqlalchemy import RowMapping, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.api import keyset
from tandem_matching.adapters.tables import match_runs
from tandem_matching.domain.match_runs import OPEN_RUNS, MatchRun, MatchRunStatus


def _record(row: RowMapping) -> MatchRun:
    return MatchRun(**{**row, "status": MatchRunStatus(row["status"])})


async def insert_run(session: AsyncSession, run: MatchRun) -> None:
    await session.execute(insert(match_runs).values(asdict(run)))


async def get(
    session: AsyncSession,
    run_id: UUID,
    *,
    programme_id: UUID | None = None,
    for_update: bool = False,
) -> MatchRun | None:
    query = select(match_runs).where(match_runs.c.id == run_id)
    if programme_id is not None:
        query = query.where(match_runs.c.programme_id == programme_id)
    if for_update:
        query = query.with_for_update()
    row = (await session.execute(query)).mappings().first()
    return _record(row) if row else None


async def open_run(session: AsyncSession, programme_id: UUID) -> MatchRun | None:
    row = (
        (
            await session.execute(
                select(match_runs).where(
                    match_runs.c.programme_id == programme_id,
                    match_runs.c.status.in_(OPEN_RUNS),
                )
            )
        )
        .mappings()
        .first()
    )
    return _record(row) if row else None


async def list_page(
    session: AsyncSession,
    programme_id: UUID,
    *,
    status: MatchRunStatus | None,
    cursor: str | None,
    limit: int,
) -> list[MatchRun]:
    query = select(match_runs).where(match_runs.c.programme_id == programme_id)
    if status is not None:
        query = query.where(match_runs.c.status == status)
    query = keyset(query, [match_runs.c.created_at, match_runs.c.id], cursor, limit)
    return [_record(r) for r in (await session.execute(query)).mappings()]


async def oldest_queued(session: AsyncSession) -> MatchRun | None:
    row = (
        (
            await session.execute(
                select(match_runs)
                .where(match_runs.c.status == MatchRunStatus.QUEUED)
                .order_by(match_runs.c.created_at, match_runs.c.id)
                .limit(1)
            )
        )
        .mappings()
        .first()
    )
    return _record(row) if row else None


async def transition(
    session: AsyncSession,
    run_id: UUID,
    from_status: tuple[MatchRunStatus, ...],
    **values: object,
) -> bool:
    """Change a run only if it is still in one of ``from_status`` (claims, cancels, finishes).

    The conditional UPDATE is what lets several replicas poll the same table: only one
    of them sees its claim succeed.
    """
    result = await session.execute(
        update(match_runs)
        .where(match_runs.c.id == run_id, match_runs.c.status.in_(from_status))
        .values(**values)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


async def cancel_requested(session: AsyncSession, run_id: UUID) -> bool:
    flag = await session.scalar(
        select(match_runs.c.cancel_requested).where(match_runs.c.id == run_id)
    )
    return bool(flag)


async def stale_running(session: AsyncSession, before: dt.datetime) -> list[UUID]:
    rows = await session.scalars(
        select(match_runs.c.id).where(
            match_runs.c.status == MatchRunStatus.RUNNING, match_runs.c.heartbeat_at < before
        )
    )
    return list(rows)
