"""The risk rules' signals, read from the per-relationship read models (``rm_*`` tables).

What each signal is made of:

- the last two-way contact: the latest answer (a message answered by another member)
  or held meeting;
- unanswered messages: each member's oldest message nobody else has answered yet;
- planned activity windows passed: the read models know meetings, not meetings'
  internal plans, so a window is one period of the members' agreed meeting cadence,
  counted from the latest held or scheduled (not cancelled) meeting, or from the start;
  without an agreed cadence the agreement rule speaks instead;
- no-shows: meetings whose attendance outcome is ``no_show`` (the read models do not
  say which member stayed away, so the reason names none);
- isolation: each member's last contact and last held meeting.

Erased members (the read models' nil id) are left out: nobody can reach them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime, timedelta
from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.tables import (
    rm_meetings,
    rm_members,
    rm_messages,
    rm_participants,
    rm_relationships,
)
from tandem_analytics.domain.risk_rules import (
    MemberActivity,
    RelationshipSignals,
    UnansweredMessage,
)
from tandem_kit.directory import contact_of_subject

ERASED = UUID(int=0)
MAX_WINDOWS = 100  # a bound on a years-old relationship's count, enough to flag it


async def active_signals(
    session: AsyncSession, now: datetime, *, after: UUID | None, limit: int
) -> list[RelationshipSignals]:
    """The next ``limit`` started, not ended relationships after ``after`` (by id)."""
    query = select(rm_relationships).where(
        rm_relationships.c.started_at.is_not(None), rm_relationships.c.ended_at.is_(None)
    )
    if after is not None:
        query = query.where(rm_relationships.c.relationship_id > after)
    rows = (
        await session.execute(query.order_by(rm_relationships.c.relationship_id).limit(limit))
    ).all()
    ids = [row.relationship_id for row in rows]
    if not ids:
        return []
    members = await _members(session, ids)
    answered = await _last_answers(session, ids)
    unanswered = await _unanswered(session, ids)
    meetings = await _meetings(session, ids)
    signals = []
    for row in rows:
        rid = row.relationship_id
        last_scheduled, no_shows = meetings.get(rid, (None, 0))
        contact = [at for at in (answered.get(rid), row.last_meeting_held_at) if at is not None]
        signals.append(
            RelationshipSignals(
                relationship_id=rid,
                programme_id=row.programme_id,
                as_of=now,
                started_at=row.started_at,
                last_two_way_contact_at=max(contact, default=None),
                agreed_response_days=(
                    row.agreed_response_hours / 24 if row.agreed_response_hours else None
                ),
                agreement_accepted_at=row.agreement_accepted_at,
                unanswered=tuple(unanswered.get(rid, ())),
                missed_window_ends=_windows(
                    row.agreed_cadence_days,
                    max(
                        at
                        for at in (row.started_at, row.last_meeting_held_at, last_scheduled)
                        if at is not None
                    ),
                    now,
                ),
                members=tuple(members.get(rid, ())),
                no_shows=no_shows,
            )
        )
    return signals


def _windows(cadence_days: int | None, anchor: datetime, now: datetime) -> tuple[datetime, ...]:
    if not cadence_days:
        return ()
    step = timedelta(days=cadence_days)
    ends: list[datetime] = []
    end = anchor + step
    while end <= now and len(ends) < MAX_WINDOWS:
        ends.append(end)
        end += step
    return tuple(ends)


async def _members(session: AsyncSession, ids: Sequence[UUID]) -> dict[UUID, list[MemberActivity]]:
    query = (
        select(
            rm_members.c.relationship_id,
            rm_members.c.participant_id,
            rm_participants.c.last_contact_at,
            rm_participants.c.last_meeting_at,
        )
        .select_from(rm_members)
        .outerjoin(rm_participants, rm_participants.c.participant_id == rm_members.c.participant_id)
        .where(rm_members.c.relationship_id.in_(ids), rm_members.c.participant_id != ERASED)
    )
    found: dict[UUID, list[MemberActivity]] = defaultdict(list)
    for row in await session.execute(query):
        found[row.relationship_id].append(
            MemberActivity(row.participant_id, row.last_contact_at, row.last_meeting_at)
        )
    return found


async def _last_answers(session: AsyncSession, ids: Sequence[UUID]) -> dict[UUID, datetime]:
    query = (
        select(rm_messages.c.relationship_id, func.max(rm_messages.c.answered_at))
        .where(rm_messages.c.relationship_id.in_(ids), rm_messages.c.answered_at.is_not(None))
        .group_by(rm_messages.c.relationship_id)
    )
    return {rid: at for rid, at in (await session.execute(query)).all()}


async def _unanswered(
    session: AsyncSession, ids: Sequence[UUID]
) -> dict[UUID, list[UnansweredMessage]]:
    query = (
        select(
            rm_messages.c.relationship_id,
            rm_messages.c.sender_id,
            func.min(rm_messages.c.posted_at),
        )
        .where(
            rm_messages.c.relationship_id.in_(ids),
            rm_messages.c.answer_id.is_(None),
            rm_messages.c.sender_id != ERASED,
        )
        .group_by(rm_messages.c.relationship_id, rm_messages.c.sender_id)
    )
    found: dict[UUID, list[UnansweredMessage]] = defaultdict(list)
    for rid, sender, posted_at in (await session.execute(query)).all():
        found[rid].append(UnansweredMessage(sender, posted_at))
    return found


async def _meetings(
    session: AsyncSession, ids: Sequence[UUID]
) -> dict[UUID, tuple[datetime | None, int]]:
    """By relationship: the latest scheduled (not cancelled) meeting's start, no-shows.
    Folded here: a relationship has tens of meetings, and the two figures want one pass."""
    query = select(
        rm_meetings.c.relationship_id,
        rm_meetings.c.starts_at,
        rm_meetings.c.cancelled,
        rm_meetings.c.outcome,
    ).where(rm_meetings.c.relationship_id.in_(ids))
    found: dict[UUID, tuple[datetime | None, int]] = {}
    for row in await session.execute(query):
        last, no_shows = found.get(row.relationship_id, (None, 0))
        if row.starts_at is not None and not row.cancelled:
            last = row.starts_at if last is None else max(last, row.starts_at)
        found[row.relationship_id] = (last, no_shows + (row.outcome == "no_show"))
    return found


async def language_of(session: AsyncSession, subject: str) -> str | None:
    """The caller's language as the directory holds their contact (a manager's too)."""
    contact = await contact_of_subject(session, subject)
    return contact.language if contact is not None else None
