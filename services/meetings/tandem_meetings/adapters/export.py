"""The reads of a person's export: their rows across programmes, found by token subject."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.directory.tables import participants as directory_participants
from tandem_meetings.adapters.goals import goal_record
from tandem_meetings.adapters.meetings import attendee_record, meeting_record
from tandem_meetings.adapters.tables import (
    busy_intervals,
    goals,
    meeting_attendees,
    meetings,
    relationship_members,
    reminder_jobs,
)
from tandem_meetings.domain.goals import Goal
from tandem_meetings.domain.meetings import Attendee, Meeting
from tandem_meetings.domain.reminders import ReminderState


async def participant_ids_of(session: AsyncSession, subject: str) -> list[UUID]:
    """Every participant id the subject has here: from the directory's contacts and
    from relationship members (a start may arrive before the contact)."""
    found: set[UUID] = set(
        await session.scalars(
            select(directory_participants.c.participant_id).where(
                directory_participants.c.subject == subject
            )
        )
    )
    found |= set(
        await session.scalars(
            select(relationship_members.c.participant_id).where(
                relationship_members.c.subject == subject
            )
        )
    )
    return sorted(found)


async def relationship_ids_of(session: AsyncSession, subject: str) -> list[UUID]:
    rows = await session.scalars(
        select(relationship_members.c.relationship_id)
        .where(relationship_members.c.subject == subject)
        .order_by(relationship_members.c.relationship_id)
    )
    return list(rows)


async def meetings_attended(
    session: AsyncSession, participant_ids: Iterable[UUID]
) -> list[tuple[Meeting, Attendee]]:
    """The meetings the people are invited to, each with their attendee row, by start."""
    ids = list(participant_ids)
    if not ids:
        return []
    a = meeting_attendees
    rows = await session.execute(
        select(meetings, a.c.id.label("attendee_id"), a.c.participant_id, a.c.role)
        .add_columns(a.c.meeting_id, a.c.partstat, a.c.responded_at, a.c.erased)
        .join(a, a.c.meeting_id == meetings.c.id)
        .where(a.c.participant_id.in_(ids))
        .order_by(meetings.c.starts_at, meetings.c.id)
    )
    return [(meeting_record(row), attendee_record(row, id_column="attendee_id")) for row in rows]


async def busy_of(session: AsyncSession, participant_id: UUID) -> list[tuple[datetime, datetime]]:
    rows = await session.execute(
        select(busy_intervals.c.starts_at, busy_intervals.c.ends_at)
        .where(busy_intervals.c.participant_id == participant_id)
        .order_by(busy_intervals.c.starts_at)
    )
    return [(row.starts_at, row.ends_at) for row in rows]


async def pending_reminders(
    session: AsyncSession, participant_ids: Iterable[UUID]
) -> list[tuple[UUID, int, datetime]]:
    """``(meeting id, offset in minutes, due at)`` of the reminders still to be sent."""
    ids = list(participant_ids)
    if not ids:
        return []
    t = reminder_jobs
    rows = await session.execute(
        select(t.c.meeting_id, t.c.offset_minutes, t.c.due_at)
        .where(t.c.participant_id.in_(ids), t.c.state == ReminderState.PENDING.value)
        .order_by(t.c.due_at, t.c.meeting_id)
    )
    return [(row.meeting_id, row.offset_minutes, row.due_at) for row in rows]


async def goals_added_by(session: AsyncSession, participant_ids: Iterable[UUID]) -> list[Goal]:
    ids = list(participant_ids)
    if not ids:
        return []
    rows = await session.execute(
        select(goals).where(goals.c.created_by.in_(ids)).order_by(goals.c.created_at, goals.c.id)
    )
    return [goal_record(row) for row in rows]
