"""Use cases of attendance: a member records (PUT replaces their own record), the
members read the outcome, and the ``attendance`` worker marks meetings nobody recorded
in time as unrecorded. The rules (which record counts, disputes) are in
``domain/attendance.py``.

Every change of the meeting's outcome is published as ``meeting.attendance.recorded``
through the outbox in the transaction that changed it, under an event id derived from
the meeting and the outcome's version: the same PUT twice, or two workers, publish once.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import Role
from tandem_contracts.meetings import AttendanceOutcome
from tandem_kit.auth import Principal
from tandem_kit.errors import Conflict, Unprocessable
from tandem_kit.outbox import add_event
from tandem_meetings.adapters import attendance as repo
from tandem_meetings.adapters import meetings as meeting_repo
from tandem_meetings.domain.attendance import (
    AttendanceRecord,
    AttendanceState,
    InvalidMarks,
    Summary,
    checked_marks,
    event_id,
    summary,
)
from tandem_meetings.domain.meetings import Meeting
from tandem_meetings.domain.relationships import Member, Relationship
from tandem_meetings.schemas.attendance import (
    AttendancePublic,
    AttendanceRecordPublic,
    AttendanceUpdate,
)
from tandem_meetings.service import access, events
from tandem_meetings.service.context import Context

BATCH = 100


def _digest(s: Summary) -> str:
    return hashlib.sha256(s.fingerprint().encode()).hexdigest()


async def _members_of(session: AsyncSession, meeting: Meeting) -> dict[UUID, Role]:
    attendees = await meeting_repo.attendees_of(session, meeting.id)
    return {a.participant_id: a.role for a in attendees if a.participant_id is not None}


async def _publish(
    session: AsyncSession, meeting: Meeting, relationship: Relationship, now: datetime
) -> None:
    """Recompute the outcome; write and publish it if what it says changed."""
    records = await repo.records_of(session, meeting.id)
    outcome = await repo.outcome_of(session, meeting.id)
    s = summary(records, relationship.format, unrecorded=False)
    assert s.outcome is not None
    assert s.counting is not None
    digest = _digest(s)
    if outcome is not None and outcome.digest == digest:
        return  # the same outcome again: nothing new to say
    version = 1 if outcome is None else outcome.version + 1
    values = {
        "state": s.state.value,
        "outcome": s.outcome.value,
        "mode": s.counting.mode.value,
        "version": version,
        "digest": digest,
        "updated_at": now,
    }
    if outcome is None:
        await repo.add_outcome(
            session, {"meeting_id": meeting.id, "programme_id": meeting.programme_id, **values}
        )
    else:
        await repo.save_outcome(session, meeting.id, values)
    await add_event(
        session, events.attendance_recorded(meeting, s, now), event_id=event_id(meeting.id, version)
    )


def _checked(meeting: Meeting, unrecorded: bool, now: datetime) -> None:
    if not meeting.scheduled:
        raise Conflict(
            "This meeting was cancelled: it has no attendance.", code="meeting_cancelled"
        )
    if now < meeting.starts_at:
        raise Conflict(
            "Attendance is recorded once the meeting has started.", code="meeting_not_started"
        )
    if unrecorded:
        raise Conflict(
            "Nobody recorded this meeting in time: it stays unrecorded.", code="attendance_closed"
        )


async def record(
    ctx: Context, principal: Principal, meeting_id: UUID, body: AttendanceUpdate
) -> AttendancePublic:
    async with ctx.database.transaction() as session:
        # The meeting's row lock orders concurrent records (and the worker) per meeting.
        meeting, relationship, me = await access.meeting_member(
            session, principal, meeting_id, for_update=True
        )
        now = ctx.now()
        outcome = await repo.outcome_of(session, meeting.id)
        _checked(meeting, outcome is not None and outcome.state is AttendanceState.UNRECORDED, now)
        members = await _members_of(session, meeting)
        try:
            marks = checked_marks(
                [(k.participant_id, k.presence) for k in body.members],
                members,
            )
        except InvalidMarks as e:
            raise Unprocessable(
                e.detail,
                code=e.code,
                errors=[{"loc": "body.members", "msg": str(i), "type": e.code} for i in e.ids],
            ) from e
        mine = next(
            (
                x
                for x in await repo.records_of(session, meeting.id)
                if x.recorder_id == me.participant_id
            ),
            None,
        )
        new = AttendanceRecord(
            id=mine.id if mine else uuid.uuid4(),
            meeting_id=meeting.id,
            recorder_id=me.participant_id,
            recorder_role=me.role,
            mode=body.mode,
            duration_minutes=body.duration_minutes,
            marks=marks,
            created_at=mine.created_at if mine else now,
            updated_at=now,
        )
        if mine is None or (mine.says(), mine.duration_minutes) != (
            new.says(),
            new.duration_minutes,
        ):
            await repo.put_record(session, new, new=mine is None)
            await _publish(session, meeting, relationship, now)
        return await _view(session, meeting, relationship, me)


async def _view(
    session: AsyncSession, meeting: Meeting, relationship: Relationship, me: Member
) -> AttendancePublic:
    records = await repo.records_of(session, meeting.id)
    outcome = await repo.outcome_of(session, meeting.id)
    unrecorded = outcome is not None and outcome.state is AttendanceState.UNRECORDED
    s = summary(records, relationship.format, unrecorded=unrecorded)
    return AttendancePublic(
        meeting_id=meeting.id,
        state=s.state,
        outcome=s.outcome,
        counting=(
            AttendanceRecordPublic.from_record(s.counting, me.participant_id)
            if s.counting is not None
            else None
        ),
        records=[AttendanceRecordPublic.from_record(x, me.participant_id) for x in records],
    )


async def attendance(ctx: Context, principal: Principal, meeting_id: UUID) -> AttendancePublic:
    async with ctx.database.transaction() as session:
        meeting, relationship, me = await access.meeting_member(session, principal, meeting_id)
        return await _view(session, meeting, relationship, me)


async def mark_unrecorded(ctx: Context, now: datetime) -> int:
    """One round of the worker: each meeting over for longer than the setting with no
    record becomes unrecorded, in its own transaction under the meeting's row lock; the
    outcome row's key makes a second worker (or a record just made) win or lose cleanly.
    Returns how many meetings it marked."""
    hours = ctx.settings.attendance_unrecorded_after_hours
    async with ctx.database.transaction() as session:
        candidates = await repo.unrecorded_candidates(session, now, hours, BATCH)
    marked = 0
    for meeting_id in candidates:
        async with ctx.database.transaction() as session:
            meeting = await meeting_repo.by_id(session, meeting_id, for_update=True)
            if meeting is None or not meeting.scheduled:
                continue
            s = Summary(AttendanceState.UNRECORDED, None, None)
            added = await repo.add_outcome(
                session,
                {
                    "meeting_id": meeting.id,
                    "programme_id": meeting.programme_id,
                    "state": AttendanceState.UNRECORDED.value,
                    "outcome": AttendanceOutcome.UNRECORDED.value,
                    "mode": None,
                    "version": 1,
                    "digest": _digest(s),
                    "updated_at": now,
                },
            )
            if not added:
                continue  # recorded, or marked by another worker, meanwhile
            await add_event(
                session,
                events.attendance_recorded(meeting, s, now),
                event_id=event_id(meeting.id, 1),
            )
            marked += 1
    return marked
