"""Meetings and their attendees; the members' busy times from Tandem's own meetings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import Role
from tandem_contracts.meetings import CancelledBy, CancelReason, MeetingMode
from tandem_kit.api import keyset
from tandem_kit.crypto import Sealed
from tandem_meetings.adapters.tables import meeting_attendees, meetings
from tandem_meetings.domain.meetings import (
    Attendee,
    LinkStatus,
    Meeting,
    MeetingStatus,
    Partstat,
)


def _sealed(nonce: bytes | None, ciphertext: bytes | None) -> Sealed | None:
    return Sealed(nonce, ciphertext) if nonce is not None and ciphertext is not None else None


def _meeting(row: Any) -> Meeting:
    return Meeting(
        id=row.id,
        relationship_id=row.relationship_id,
        programme_id=row.programme_id,
        planned_activity_id=row.planned_activity_id,
        activity_key=row.activity_key,
        mode=MeetingMode(row.mode),
        status=MeetingStatus(row.status),
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        sequence=row.sequence,
        ical_uid=row.ical_uid,
        place=_sealed(row.place_nonce, row.place_ciphertext),
        link=_sealed(row.link_nonce, row.link_ciphertext),
        link_status=LinkStatus(row.link_status) if row.link_status else None,
        link_provider=row.link_provider,
        link_attempts=row.link_attempts,
        cancel_reason=CancelReason(row.cancel_reason) if row.cancel_reason else None,
        cancelled_by=CancelledBy(row.cancelled_by) if row.cancelled_by else None,
        cancelled_at=row.cancelled_at,
        cancel_note=row.cancel_note,
        cancel_note_author=row.cancel_note_author,
        agenda_goal_ids=tuple(UUID(g) for g in row.agenda_goal_ids),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


# Other features' queries that select a meeting's columns map their rows with this.
meeting_of_row = _meeting


def _values(meeting: Meeting) -> dict[str, Any]:
    return {
        "relationship_id": meeting.relationship_id,
        "programme_id": meeting.programme_id,
        "planned_activity_id": meeting.planned_activity_id,
        "activity_key": meeting.activity_key,
        "mode": meeting.mode.value,
        "status": meeting.status.value,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "sequence": meeting.sequence,
        "ical_uid": meeting.ical_uid,
        "place_nonce": meeting.place.nonce if meeting.place else None,
        "place_ciphertext": meeting.place.ciphertext if meeting.place else None,
        "link_nonce": meeting.link.nonce if meeting.link else None,
        "link_ciphertext": meeting.link.ciphertext if meeting.link else None,
        "link_status": meeting.link_status.value if meeting.link_status else None,
        "link_provider": meeting.link_provider,
        "link_attempts": meeting.link_attempts,
        "cancel_reason": meeting.cancel_reason.value if meeting.cancel_reason else None,
        "cancelled_by": meeting.cancelled_by.value if meeting.cancelled_by else None,
        "cancelled_at": meeting.cancelled_at,
        "cancel_note": meeting.cancel_note,
        "cancel_note_author": meeting.cancel_note_author,
        "agenda_goal_ids": [str(g) for g in meeting.agenda_goal_ids],
        "created_at": meeting.created_at,
        "updated_at": meeting.updated_at,
    }


def _attendee(row: Any, *, id_column: str = "id") -> Attendee:
    return Attendee(
        id=getattr(row, id_column),
        meeting_id=row.meeting_id,
        participant_id=row.participant_id,
        role=Role(row.role),
        partstat=Partstat(row.partstat),
        responded_at=row.responded_at,
        erased=row.erased,
    )


# The records of a row, for other repositories' reads that join these tables (the export).
meeting_record = _meeting
attendee_record = _attendee


async def add(session: AsyncSession, meeting: Meeting, attendees: Sequence[Attendee]) -> None:
    await session.execute(meetings.insert().values(id=meeting.id, **_values(meeting)))
    if attendees:
        await session.execute(
            meeting_attendees.insert(),
            [
                {
                    "id": a.id,
                    "meeting_id": a.meeting_id,
                    "participant_id": a.participant_id,
                    "role": a.role.value,
                    "partstat": a.partstat.value,
                    "responded_at": a.responded_at,
                    "erased": a.erased,
                }
                for a in attendees
            ],
        )


async def save(session: AsyncSession, meeting: Meeting) -> None:
    await session.execute(
        update(meetings).where(meetings.c.id == meeting.id).values(**_values(meeting))
    )


async def save_answers(session: AsyncSession, attendees: Sequence[Attendee]) -> None:
    for a in attendees:
        await session.execute(
            update(meeting_attendees)
            .where(meeting_attendees.c.id == a.id)
            .values(partstat=a.partstat.value, responded_at=a.responded_at)
        )


async def by_id(
    session: AsyncSession, meeting_id: UUID, *, for_update: bool = False
) -> Meeting | None:
    query = select(meetings).where(meetings.c.id == meeting_id)
    if for_update:
        query = query.with_for_update()
    row = (await session.execute(query)).first()
    return _meeting(row) if row is not None else None


async def attendees_of(session: AsyncSession, meeting_id: UUID) -> list[Attendee]:
    rows = await session.execute(
        select(meeting_attendees)
        .where(meeting_attendees.c.meeting_id == meeting_id)
        .order_by(meeting_attendees.c.role.desc(), meeting_attendees.c.participant_id)
    )
    return [_attendee(row) for row in rows]


async def attendees_of_many(
    session: AsyncSession, meeting_ids: Sequence[UUID]
) -> dict[UUID, list[Attendee]]:
    found: dict[UUID, list[Attendee]] = defaultdict(list)
    if meeting_ids:
        rows = await session.execute(
            select(meeting_attendees)
            .where(meeting_attendees.c.meeting_id.in_(meeting_ids))
            .order_by(meeting_attendees.c.role.desc(), meeting_attendees.c.participant_id)
        )
        for row in rows:
            found[row.meeting_id].append(_attendee(row))
    return found


async def page_of_relationship(
    session: AsyncSession, relationship_id: UUID, cursor: str | None, limit: int
) -> list[Meeting]:
    """A relationship's meetings by start time (cancelled ones too: they say what happened)."""
    query = keyset(
        select(meetings).where(meetings.c.relationship_id == relationship_id),
        [meetings.c.starts_at, meetings.c.id],
        cursor,
        limit,
    )
    return [_meeting(row) for row in await session.execute(query)]


async def future_scheduled(
    session: AsyncSession, relationship_id: UUID, after: datetime
) -> list[Meeting]:
    rows = await session.execute(
        select(meetings)
        .where(
            meetings.c.relationship_id == relationship_id,
            meetings.c.status == MeetingStatus.SCHEDULED.value,
            meetings.c.starts_at > after,
        )
        .order_by(meetings.c.starts_at, meetings.c.id)
        .with_for_update()
    )
    return [_meeting(row) for row in rows]


def scheduled_between(
    participant_ids: Sequence[UUID], start: datetime, end: datetime
) -> Select[tuple[UUID, datetime, datetime, UUID]]:
    """(participant_id, starts_at, ends_at, meeting_id) of the members' scheduled meetings
    overlapping [start, end), those they declined left out. A query, so that other busy
    sources (external calendars) can ``union_all`` theirs into it."""
    return (
        select(
            meeting_attendees.c.participant_id,
            meetings.c.starts_at,
            meetings.c.ends_at,
            meetings.c.id,
        )
        .join(meetings, meetings.c.id == meeting_attendees.c.meeting_id)
        .where(
            meeting_attendees.c.participant_id.in_(participant_ids),
            meeting_attendees.c.partstat != Partstat.DECLINED.value,
            meetings.c.status == MeetingStatus.SCHEDULED.value,
            meetings.c.starts_at < end,
            meetings.c.ends_at > start,
        )
    )


async def meeting_busy(
    session: AsyncSession,
    participant_ids: Sequence[UUID],
    start: datetime,
    end: datetime,
    *,
    excluding: UUID | None = None,
) -> Mapping[UUID, list[tuple[datetime, datetime]]]:
    """Each member's Tandem meetings overlapping [start, end) (``excluding`` one meeting)."""
    busy: dict[UUID, list[tuple[datetime, datetime]]] = defaultdict(list)
    if not participant_ids:
        return busy
    rows = await session.execute(scheduled_between(participant_ids, start, end))
    for row in rows:
        if row.id != excluding:
            busy[row.participant_id].append((row.starts_at, row.ends_at))
    return busy


async def pending_links(session: AsyncSession, limit: int) -> list[UUID]:
    """Scheduled online meetings still waiting for their video link, oldest first."""
    rows = await session.execute(
        select(meetings.c.id)
        .where(
            meetings.c.link_status == LinkStatus.PENDING.value,
            meetings.c.status == MeetingStatus.SCHEDULED.value,
        )
        .order_by(meetings.c.updated_at, meetings.c.id)
        .limit(limit)
    )
    return [row.id for row in rows]
