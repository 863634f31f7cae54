"""Counts for the manager's view: meetings by state and mode, goals by state (no words)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.meetings import AttendanceOutcome, GoalState, MeetingMode
from tandem_kit.api import keyset
from tandem_meetings.adapters.tables import goals, meeting_attendance, meetings, relationships
from tandem_meetings.domain.attendance import AttendanceState
from tandem_meetings.domain.manager_view import MeetingGroup, Overseen
from tandem_meetings.domain.meetings import MeetingStatus


def _grouped(where: ColumnElement[bool], now: datetime) -> Select[Any]:
    """Meetings per relationship by status, mode (used, else planned), over or not, and
    attendance outcome and state (outer join: nobody recorded yet)."""
    a = meeting_attendance
    over = (meetings.c.ends_at <= now).label("over")
    mode = func.coalesce(a.c.mode, meetings.c.mode).label("mode")
    keys = (meetings.c.relationship_id, meetings.c.status, mode, over, a.c.outcome, a.c.state)
    return (
        select(*keys, func.count().label("n"))
        .select_from(meetings.outerjoin(a, a.c.meeting_id == meetings.c.id))
        .where(where)
        .group_by(*keys)
    )


def _group(row: Any) -> MeetingGroup:
    return MeetingGroup(
        MeetingStatus(row.status),
        MeetingMode(row.mode),
        bool(row.over),
        AttendanceOutcome(row.outcome) if row.outcome is not None else None,
        row.state == AttendanceState.DISPUTED.value,
        int(row.n),
    )


async def meeting_groups(
    session: AsyncSession, relationship_ids: Iterable[UUID], now: datetime
) -> Mapping[UUID, list[MeetingGroup]]:
    found: dict[UUID, list[MeetingGroup]] = defaultdict(list)
    ids = list(relationship_ids)
    if ids:
        for row in await session.execute(_grouped(meetings.c.relationship_id.in_(ids), now)):
            found[row.relationship_id].append(_group(row))
    return found


async def programme_meeting_groups(
    session: AsyncSession, programme_id: UUID, now: datetime
) -> list[MeetingGroup]:
    rows = await session.execute(_grouped(meetings.c.programme_id == programme_id, now))
    return [_group(r) for r in rows]


async def programme_goal_states(session: AsyncSession, programme_id: UUID) -> list[GoalState]:
    """Every goal's state in the programme (one entry per goal)."""
    rows = await session.execute(
        select(goals.c.state, func.count().label("n"))
        .where(goals.c.programme_id == programme_id)
        .group_by(goals.c.state)
    )
    return [GoalState(row.state) for row in rows for _ in range(int(row.n))]


async def relationship_count(session: AsyncSession, programme_id: UUID) -> int:
    found = await session.scalar(
        select(func.count()).where(relationships.c.programme_id == programme_id)
    )
    return int(found or 0)


async def page_of_programme(
    session: AsyncSession, programme_id: UUID, cursor: str | None, limit: int
) -> list[Overseen]:
    query = keyset(
        select(
            relationships.c.id,
            relationships.c.programme_id,
            relationships.c.status,
            relationships.c.started_at,
        ).where(relationships.c.programme_id == programme_id),
        [relationships.c.started_at, relationships.c.id],
        cursor,
        limit,
    )
    return [
        Overseen(row.id, row.programme_id, row.status, row.started_at)
        for row in await session.execute(query)
    ]
