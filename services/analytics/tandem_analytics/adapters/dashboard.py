"""The SQL of a programme's dashboard: grouped reads of the read models, never of events."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import and_, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.tables import (
    rm_meetings,
    rm_message_weeks,
    rm_messages,
    rm_participants,
    rm_relationships,
)
from tandem_analytics.domain.dashboard import ModeCount, WeekCount
from tandem_kit.directory.tables import withdrawals


async def relationship_counts(session: AsyncSession, programme: UUID) -> tuple[int, int, int, int]:
    """(started, active, completed, ended early)."""
    t = rm_relationships.c
    row = (
        await session.execute(
            select(
                func.count(t.started_at),
                func.count(case((and_(t.started_at.is_not(None), t.ended_at.is_(None)), 1))),
                func.count(case((t.outcome == "completed", 1))),
                func.count(case((t.outcome == "ended_early", 1))),
            ).where(t.programme_id == programme)
        )
    ).one()
    return int(row[0]), int(row[1]), int(row[2]), int(row[3])


async def messages_per_week(session: AsyncSession, programme: UUID) -> list[WeekCount]:
    t = rm_message_weeks.c
    rows = await session.execute(
        select(t.week, func.sum(t.messages))
        .where(t.programme_id == programme)
        .group_by(t.week)
        .order_by(t.week)
    )
    return [WeekCount(week, int(count)) for week, count in rows]


async def meetings_by_mode(session: AsyncSession, programme: UUID) -> list[ModeCount]:
    t = rm_meetings.c
    mine = t.programme_id == programme
    planned: dict[str | None, int] = dict(
        (
            await session.execute(
                select(t.planned_mode, func.count())
                .where(mine, t.cancelled.is_(False))
                .group_by(t.planned_mode)
            )
        )
        .tuples()
        .all()
    )
    held: dict[str | None, int] = dict(
        (
            await session.execute(
                select(t.attended_mode, func.count())
                .where(mine, t.outcome == "held")
                .group_by(t.attended_mode)
            )
        )
        .tuples()
        .all()
    )
    missed: dict[str | None, int] = dict(
        (
            await session.execute(
                select(func.coalesce(t.planned_mode, t.attended_mode), func.count())
                .where(mine, t.outcome == "no_show")
                .group_by(func.coalesce(t.planned_mode, t.attended_mode))
            )
        )
        .tuples()
        .all()
    )
    modes = sorted(mode for mode in {*planned, *held, *missed} if mode is not None)
    return [
        ModeCount(mode, int(planned.get(mode, 0)), int(held.get(mode, 0)), int(missed.get(mode, 0)))
        for mode in modes
    ]


async def response_seconds(session: AsyncSession, programme: UUID) -> list[int]:
    t = rm_messages.c
    rows = await session.scalars(
        select(t.response_seconds).where(
            t.programme_id == programme, t.response_seconds.is_not(None)
        )
    )
    return [int(value) for value in rows]


async def response_adherence(session: AsyncSession, programme: UUID) -> tuple[int, int]:
    """(answered under an agreement, answered within its time)."""
    m, r = rm_messages.c, rm_relationships.c
    row = (
        await session.execute(
            select(
                func.count(),
                func.count(case((m.response_seconds <= r.agreed_response_hours * 3600, 1))),
            )
            .select_from(rm_messages.join(rm_relationships, m.relationship_id == r.relationship_id))
            .where(
                m.programme_id == programme,
                m.response_seconds.is_not(None),
                r.agreed_response_hours.is_not(None),
            )
        )
    ).one()
    return int(row[0]), int(row[1])


async def cadences(
    session: AsyncSession, programme: UUID
) -> list[tuple[datetime | None, datetime | None, int | None, int]]:
    """Per relationship with an agreement: start, end, agreed cadence, meetings held."""
    r, m = rm_relationships.c, rm_meetings.c
    held = (
        select(m.relationship_id, func.count().label("held"))
        .where(m.programme_id == programme, m.outcome == "held")
        .group_by(m.relationship_id)
        .subquery()
    )
    rows = await session.execute(
        select(r.started_at, r.ended_at, r.agreed_cadence_days, func.coalesce(held.c.held, 0))
        .select_from(rm_relationships.outerjoin(held, held.c.relationship_id == r.relationship_id))
        .where(r.programme_id == programme, r.agreed_cadence_days.is_not(None))
    )
    return [(row[0], row[1], row[2], int(row[3])) for row in rows]


async def participant_activity(session: AsyncSession, programme: UUID) -> list[Any]:
    """Each participant's last contact, last meeting and first post (withdrawn ones left out)."""
    p = rm_participants.c
    rows = await session.execute(
        select(p.participant_id, p.last_contact_at, p.last_meeting_at, p.first_posted_at)
        .select_from(
            rm_participants.outerjoin(withdrawals, withdrawals.c.participant_id == p.participant_id)
        )
        .where(p.programme_id == programme, withdrawals.c.participant_id.is_(None))
        .order_by(p.participant_id)
    )
    return list(rows)
