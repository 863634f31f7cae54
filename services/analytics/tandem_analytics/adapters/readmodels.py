"""The SQL of the read models' incremental updates (one event's worth each).

Each statement is order-free: rows appear with INSERT … ON CONFLICT DO NOTHING,
"last" and "first" times move only by max()/min() in the UPDATE itself (no read, then
write: two partitions may touch one participant at once), and states change only when
the event's own order key beats the stored one (its time or version, then the facts'
digest, ``domain.readmodels.digest``, so equal facts tie with themselves).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, Table, and_, case, or_, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.tables import (
    rm_goals,
    rm_meetings,
    rm_members,
    rm_participants,
    rm_programmes,
    rm_relationships,
)


async def insert_absent(
    session: AsyncSession, table: Table, values: Mapping[str, Any], keys: Sequence[str]
) -> bool:
    """INSERT … ON CONFLICT DO NOTHING; whether the row is new."""
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    result = await session.execute(
        insert(table).values(dict(values)).on_conflict_do_nothing(index_elements=keys)
    )
    return bool(getattr(result, "rowcount", 0))


async def insert_absent_many(
    session: AsyncSession, table: Table, rows: Sequence[Mapping[str, Any]], keys: Sequence[str]
) -> None:
    """:func:`insert_absent` for many rows in one ``executemany``, in order (the first row of
    a key wins, as one by one). All rows name the same columns."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    await session.execute(
        insert(table).on_conflict_do_nothing(index_elements=list(keys)), [dict(r) for r in rows]
    )


def latest(column: Any, value: object) -> ColumnElement[Any]:
    """The later of the column and ``value`` (SQL, so concurrent updates both hold)."""
    return case((or_(column.is_(None), column < value), value), else_=column)


def earliest(column: Any, value: object) -> ColumnElement[Any]:
    """The earlier of the column and ``value``."""
    return case((or_(column.is_(None), column > value), value), else_=column)


def lower_role(column: Any, role: str | None) -> ColumnElement[Any] | Any:
    """A role that does not depend on order: the smaller one if two claim the row."""
    if role is None:
        return column
    return case((or_(column.is_(None), column > role), role), else_=column)


# --- programmes and relationships -------------------------------------------------


async def know_programme(session: AsyncSession, programme: UUID, organisation: UUID) -> None:
    await insert_absent(
        session,
        rm_programmes,
        {"programme_id": programme, "organisation_id": organisation},
        ["programme_id"],
    )


async def know_relationship(session: AsyncSession, relationship_id: UUID, programme: UUID) -> None:
    await insert_absent(
        session,
        rm_relationships,
        {"relationship_id": relationship_id, "programme_id": programme},
        ["relationship_id"],
    )


async def relationship_started(
    session: AsyncSession,
    relationship_id: UUID,
    *,
    format: str,
    starts_on: date,
    agreed_end_date: date,
    started_at: datetime,
) -> None:
    await session.execute(
        update(rm_relationships)
        .where(rm_relationships.c.relationship_id == relationship_id)
        .values(
            format=format,
            starts_on=starts_on,
            agreed_end_date=agreed_end_date,
            started_at=earliest(rm_relationships.c.started_at, started_at),
        )
    )


async def relationship_ended(
    session: AsyncSession,
    relationship_id: UUID,
    *,
    ended_at: datetime,
    outcome: str,
    ended_by: str,
    reason: str,
) -> None:
    await session.execute(
        update(rm_relationships)
        .where(rm_relationships.c.relationship_id == relationship_id)
        .values(
            ended_at=earliest(rm_relationships.c.ended_at, ended_at),
            outcome=outcome,
            ended_by=ended_by,
            end_reason=reason,
        )
    )


async def agreement_accepted(
    session: AsyncSession,
    relationship_id: UUID,
    *,
    version: int,
    response_hours: int,
    cadence_days: int,
    accepted_at: datetime,
) -> None:
    """The highest version wins, whichever arrives last."""
    t = rm_relationships.c
    await session.execute(
        update(rm_relationships)
        .where(
            t.relationship_id == relationship_id,
            or_(t.agreement_version.is_(None), t.agreement_version < version),
        )
        .values(
            agreement_version=version,
            agreed_response_hours=response_hours,
            agreed_cadence_days=cadence_days,
            agreement_accepted_at=accepted_at,
        )
    )


async def meeting_held(session: AsyncSession, relationship_id: UUID, at: datetime) -> None:
    t = rm_relationships.c
    await session.execute(
        update(rm_relationships)
        .where(t.relationship_id == relationship_id)
        .values(last_meeting_held_at=latest(t.last_meeting_held_at, at))
    )


# --- members -----------------------------------------------------------------------


async def member(
    session: AsyncSession, relationship_id: UUID, participant_id: UUID, role: str | None
) -> None:
    await insert_absent(
        session,
        rm_members,
        {"relationship_id": relationship_id, "participant_id": participant_id, "messages": 0},
        ["relationship_id", "participant_id"],
    )
    t = rm_members.c
    if role is not None:
        await session.execute(
            update(rm_members)
            .where(t.relationship_id == relationship_id, t.participant_id == participant_id)
            .values(role=lower_role(t.role, role))
        )


async def member_posted(
    session: AsyncSession, relationship_id: UUID, participant_id: UUID, at: datetime
) -> None:
    await member(session, relationship_id, participant_id, None)
    t = rm_members.c
    await session.execute(
        update(rm_members)
        .where(t.relationship_id == relationship_id, t.participant_id == participant_id)
        .values(
            messages=t.messages + 1,
            first_message_at=earliest(t.first_message_at, at),
            last_message_at=latest(t.last_message_at, at),
        )
    )


# --- meetings and goals ------------------------------------------------------------


async def know_meeting(
    session: AsyncSession, meeting_id: UUID, relationship_id: UUID, programme: UUID
) -> None:
    await insert_absent(
        session,
        rm_meetings,
        {"meeting_id": meeting_id, "relationship_id": relationship_id, "programme_id": programme},
        ["meeting_id"],
    )


async def meeting_schedule(
    session: AsyncSession,
    meeting_id: UUID,
    *,
    version: int,
    tie: UUID,
    mode: str,
    starts_at: datetime,
    ends_at: datetime,
    cancelled: bool,
    planned_activity_id: UUID | None,
) -> None:
    t = rm_meetings.c
    newer = or_(
        t.schedule_version.is_(None),
        t.schedule_version < version,
        and_(t.schedule_version == version, t.schedule_event < tie),
    )
    await session.execute(
        update(rm_meetings)
        .where(t.meeting_id == meeting_id, newer)
        .values(
            schedule_version=version,
            schedule_event=tie,
            planned_mode=mode,
            starts_at=starts_at,
            ends_at=ends_at,
            cancelled=cancelled,
            planned_activity_id=planned_activity_id,
        )
    )


async def meeting_attendance(
    session: AsyncSession,
    meeting_id: UUID,
    *,
    recorded_at: datetime,
    tie: UUID,
    outcome: str,
    mode: str,
    attendees: int,
    duration_minutes: int,
) -> None:
    t = rm_meetings.c
    newer = or_(
        t.recorded_at.is_(None),
        t.recorded_at < recorded_at,
        and_(t.recorded_at == recorded_at, t.recorded_event < tie),
    )
    await session.execute(
        update(rm_meetings)
        .where(t.meeting_id == meeting_id, newer)
        .values(
            recorded_at=recorded_at,
            recorded_event=tie,
            outcome=outcome,
            attended_mode=mode,
            attendees=attendees,
            duration_minutes=duration_minutes,
        )
    )


async def goal_progressed(
    session: AsyncSession,
    goal_id: UUID,
    *,
    relationship_id: UUID,
    programme: UUID,
    state: str,
    milestones_total: int,
    milestones_done: int,
    progressed_at: datetime,
    tie: UUID,
) -> None:
    values = {
        "state": state,
        "milestones_total": milestones_total,
        "milestones_done": milestones_done,
        "progressed_at": progressed_at,
        "progressed_event": tie,
    }
    keys = {"goal_id": goal_id, "relationship_id": relationship_id, "programme_id": programme}
    if await insert_absent(session, rm_goals, {**keys, **values}, ["goal_id"]):
        return
    t = rm_goals.c
    newer = or_(
        t.progressed_at < progressed_at,
        and_(t.progressed_at == progressed_at, t.progressed_event < tie),
    )
    await session.execute(update(rm_goals).where(t.goal_id == goal_id, newer).values(values))


# --- participants ------------------------------------------------------------------


async def know_participant(session: AsyncSession, participant_id: UUID, programme: UUID) -> None:
    await insert_absent(
        session,
        rm_participants,
        {"participant_id": participant_id, "programme_id": programme},
        ["participant_id"],
    )


async def participant_facts(
    session: AsyncSession,
    participant_id: UUID,
    *,
    role: str,
    country: str,
    modality: str,
    at: datetime,
    tie: UUID,
) -> None:
    t = rm_participants.c
    newer = or_(
        t.facts_at.is_(None),
        t.facts_at < at,
        and_(t.facts_at == at, t.facts_event < tie),
    )
    await session.execute(
        update(rm_participants)
        .where(t.participant_id == participant_id, newer)
        .values(role=role, country=country, modality=modality, facts_at=at, facts_event=tie)
    )


async def participant_active(
    session: AsyncSession,
    participant_id: UUID,
    *,
    contact_at: datetime | None = None,
    meeting_at: datetime | None = None,
    posted_at: datetime | None = None,
) -> None:
    t = rm_participants.c
    values: dict[str, Any] = {}
    if contact_at is not None:
        values["last_contact_at"] = latest(t.last_contact_at, contact_at)
    if meeting_at is not None:
        values["last_meeting_at"] = latest(t.last_meeting_at, meeting_at)
    if posted_at is not None:
        values["first_posted_at"] = earliest(t.first_posted_at, posted_at)
    await session.execute(
        update(rm_participants).where(t.participant_id == participant_id).values(values)
    )
