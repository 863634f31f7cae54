"""Attendance records, their marks and each meeting's outcome row (SQL only)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy import delete, exists, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import Role
from tandem_contracts.meetings import AttendanceOutcome, MeetingMode
from tandem_meetings.adapters.common import insert_unless_present
from tandem_meetings.adapters.tables import (
    attendance_marks,
    attendance_records,
    meeting_attendance,
    meetings,
)
from tandem_meetings.domain.attendance import AttendanceRecord, AttendanceState, Mark, Presence
from tandem_meetings.domain.meetings import MeetingStatus

r, m, o = attendance_records, attendance_marks, meeting_attendance


@dataclass(frozen=True, slots=True)
class Outcome:
    """A meeting's outcome row: what was last published, and under which version."""

    meeting_id: UUID
    state: AttendanceState
    outcome: AttendanceOutcome
    version: int
    digest: str


async def records_of(session: AsyncSession, meeting_id: UUID) -> list[AttendanceRecord]:
    rows = (
        await session.execute(
            select(r).where(r.c.meeting_id == meeting_id).order_by(r.c.created_at, r.c.id)
        )
    ).all()
    marks: dict[UUID, list[Mark]] = defaultdict(list)
    if rows:
        for mark in await session.execute(
            select(m).where(m.c.record_id.in_([row.id for row in rows])).order_by(m.c.position)
        ):
            marks[mark.record_id].append(
                Mark(mark.participant_id, Role(mark.role), Presence(mark.presence))
            )
    return [_record(row, tuple(marks[row.id])) for row in rows]


def _record(row: Any, marks: tuple[Mark, ...]) -> AttendanceRecord:
    return AttendanceRecord(
        id=row.id,
        meeting_id=row.meeting_id,
        recorder_id=row.recorder_id,
        recorder_role=Role(row.recorder_role),
        mode=MeetingMode(row.mode),
        duration_minutes=row.duration_minutes,
        marks=marks,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


async def put_record(session: AsyncSession, record: AttendanceRecord, *, new: bool) -> None:
    """Write the member's record and its marks (a replacement rewrites the marks)."""
    values = {
        "mode": record.mode.value,
        "duration_minutes": record.duration_minutes,
        "updated_at": record.updated_at,
    }
    if new:
        await session.execute(
            insert(r).values(
                id=record.id,
                meeting_id=record.meeting_id,
                recorder_id=record.recorder_id,
                recorder_role=record.recorder_role.value,
                recorder_erased=False,
                created_at=record.created_at,
                **values,
            )
        )
    else:
        await session.execute(update(r).where(r.c.id == record.id).values(**values))
        await session.execute(delete(m).where(m.c.record_id == record.id))
    await session.execute(
        insert(m),
        [
            {
                "record_id": record.id,
                "position": i,
                "participant_id": mark.participant_id,
                "role": mark.role.value,
                "presence": mark.presence.value,
                "erased": False,
            }
            for i, mark in enumerate(record.marks)
        ],
    )


async def outcome_of(session: AsyncSession, meeting_id: UUID) -> Outcome | None:
    row = (await session.execute(select(o).where(o.c.meeting_id == meeting_id))).first()
    if row is None:
        return None
    return Outcome(
        row.meeting_id,
        AttendanceState(row.state),
        AttendanceOutcome(row.outcome),
        row.version,
        row.digest,
    )


async def add_outcome(session: AsyncSession, values: dict[str, Any]) -> bool:
    """The meeting's first outcome row; False if another transaction wrote it first."""
    return await insert_unless_present(session, o, values, ["meeting_id"])


async def save_outcome(session: AsyncSession, meeting_id: UUID, values: dict[str, Any]) -> None:
    await session.execute(update(o).where(o.c.meeting_id == meeting_id).values(**values))


async def unrecorded_candidates(
    session: AsyncSession, now: datetime, after_hours: int, limit: int
) -> list[UUID]:
    """Scheduled meetings that ended ``after_hours`` ago or more without any outcome row
    (a first record writes one, so: nobody recorded), oldest first."""
    query = (
        select(meetings.c.id)
        .where(
            meetings.c.status == MeetingStatus.SCHEDULED.value,
            meetings.c.ends_at <= now - timedelta(hours=after_hours),
            ~exists().where(o.c.meeting_id == meetings.c.id),
        )
        .order_by(meetings.c.ends_at, meetings.c.id)
        .limit(limit)
    )
    return list((await session.scalars(query)).all())


async def forget_participant(session: AsyncSession, participant_id: UUID) -> None:
    """Erasure: the person's id leaves their records and every mark about them; the
    records and marks stay (anonymous), so the meetings' outcomes and counts stay true."""
    await session.execute(
        update(r)
        .where(r.c.recorder_id == participant_id)
        .values(recorder_id=None, recorder_erased=True)
    )
    await session.execute(
        update(m)
        .where(m.c.participant_id == participant_id)
        .values(participant_id=None, erased=True)
    )


async def records_by(
    session: AsyncSession, participant_ids: Sequence[UUID]
) -> list[AttendanceRecord]:
    """The records these participant ids made (a person's export), oldest first."""
    if not participant_ids:
        return []
    meeting_ids = (
        await session.scalars(
            select(r.c.meeting_id)
            .where(r.c.recorder_id.in_(list(participant_ids)))
            .order_by(r.c.created_at, r.c.id)
        )
    ).all()
    mine = set(participant_ids)
    return [
        record
        for meeting_id in meeting_ids
        for record in await records_of(session, meeting_id)
        if record.recorder_id in mine
    ]
