"""The SQL of one relationship's statistics (its read-model rows)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.tables import (
    rm_goals,
    rm_meetings,
    rm_members,
    rm_message_weeks,
    rm_messages,
    rm_relationships,
)
from tandem_analytics.domain.dashboard import ModeCount, WeekCount


async def relationship(session: AsyncSession, programme: UUID, relationship_id: UUID) -> Any:
    r = rm_relationships.c
    return (
        await session.execute(
            select(rm_relationships).where(
                r.relationship_id == relationship_id,
                r.programme_id == programme,
                r.started_at.is_not(None),
            )
        )
    ).first()


async def members(session: AsyncSession, relationship_id: UUID) -> list[Any]:
    m = rm_members.c
    rows = await session.execute(
        select(m.participant_id, m.role, m.messages, m.last_message_at)
        .where(m.relationship_id == relationship_id)
        .order_by(m.role, m.participant_id)
    )
    return list(rows)


async def responses(session: AsyncSession, relationship_id: UUID) -> list[tuple[UUID, int]]:
    t = rm_messages.c
    rows = await session.execute(
        select(t.answered_by, t.response_seconds).where(
            t.relationship_id == relationship_id, t.response_seconds.is_not(None)
        )
    )
    return [(row[0], int(row[1])) for row in rows]


async def weeks(session: AsyncSession, relationship_id: UUID) -> list[WeekCount]:
    t = rm_message_weeks.c
    rows = await session.execute(
        select(t.week, func.sum(t.messages))
        .where(t.relationship_id == relationship_id)
        .group_by(t.week)
        .order_by(t.week)
    )
    return [WeekCount(week, int(count)) for week, count in rows]


async def meetings(session: AsyncSession, relationship_id: UUID) -> list[ModeCount]:
    t = rm_meetings.c
    rows = await session.execute(
        select(t.planned_mode, t.cancelled, t.outcome, t.attended_mode).where(
            t.relationship_id == relationship_id
        )
    )
    counts: dict[str, list[int]] = {}
    for planned_mode, cancelled, outcome, attended_mode in rows:
        if planned_mode is not None and cancelled is False:
            counts.setdefault(planned_mode, [0, 0, 0])[0] += 1
        if outcome == "held" and attended_mode is not None:
            counts.setdefault(attended_mode, [0, 0, 0])[1] += 1
        if outcome == "no_show" and (planned_mode or attended_mode):
            counts.setdefault(planned_mode or attended_mode, [0, 0, 0])[2] += 1
    return [ModeCount(mode, *counts[mode]) for mode in sorted(counts)]


async def goals(session: AsyncSession, relationship_id: UUID) -> tuple[int, int, int, int]:
    """(goals, done, milestones, milestones done), dropped goals left out."""
    t = rm_goals.c
    rows = (
        await session.execute(
            select(t.state, t.milestones_total, t.milestones_done).where(
                t.relationship_id == relationship_id, t.state != "dropped"
            )
        )
    ).all()
    return (
        len(rows),
        sum(1 for row in rows if row.state == "done"),
        sum(row.milestones_total for row in rows),
        sum(row.milestones_done for row in rows),
    )
