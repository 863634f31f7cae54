"""The SQL behind scoring live relationships with the learned model: their messages,
meetings and members from the read models, the members' time zones from the directory."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.tables import rm_meetings, rm_members, rm_messages, rm_relationships
from tandem_analytics.domain.live_history import (
    MeetingFact,
    MessageFact,
    live_history,
    time_zone_gap_hours,
)
from tandem_analytics.domain.risk_features import RelationshipHistory
from tandem_kit.directory.tables import participants


async def live_histories(
    session: AsyncSession, relationship_ids: Sequence[UUID], now: datetime
) -> dict[UUID, RelationshipHistory]:
    """Each relationship's ended weeks (none for one younger than a week)."""
    if not relationship_ids:
        return {}
    ids = list(relationship_ids)
    r = rm_relationships.c
    started = {
        row.relationship_id: (row.programme_id, row.started_at)
        for row in await session.execute(
            select(r.relationship_id, r.programme_id, r.started_at).where(
                r.relationship_id.in_(ids), r.started_at.is_not(None)
            )
        )
    }
    roles: dict[UUID, dict[UUID, str]] = {}
    zones: dict[UUID, list[str]] = {}
    m, p = rm_members.c, participants.c
    query = (
        select(m.relationship_id, m.participant_id, m.role, p.time_zone)
        .outerjoin(participants, p.participant_id == m.participant_id)
        .where(m.relationship_id.in_(ids))
    )
    for row in await session.execute(query):
        if row.role is not None:
            roles.setdefault(row.relationship_id, {})[row.participant_id] = row.role
        if row.time_zone is not None:
            zones.setdefault(row.relationship_id, []).append(row.time_zone)
    messages: dict[UUID, list[MessageFact]] = {}
    t = rm_messages.c
    for message in await session.execute(
        select(
            t.relationship_id,
            t.sender_id,
            t.posted_at,
            t.answer_id,
            t.answered_by,
            t.answered_at,
        ).where(t.relationship_id.in_(ids), t.posted_at < now)
    ):
        messages.setdefault(message.relationship_id, []).append(
            MessageFact(
                message.sender_id,
                message.posted_at,
                message.answer_id,
                message.answered_by,
                message.answered_at,
            )
        )
    meetings: dict[UUID, list[MeetingFact]] = {}
    g = rm_meetings.c
    for meeting in await session.execute(
        select(
            g.relationship_id,
            g.starts_at,
            g.planned_mode,
            g.cancelled,
            g.outcome,
            g.attended_mode,
            g.attendees,
        ).where(g.relationship_id.in_(ids), g.starts_at.is_not(None), g.starts_at < now)
    ):
        meetings.setdefault(meeting.relationship_id, []).append(
            MeetingFact(
                meeting.starts_at,
                meeting.planned_mode,
                bool(meeting.cancelled),
                meeting.outcome,
                meeting.attended_mode,
                meeting.attendees,
            )
        )
    out: dict[UUID, RelationshipHistory] = {}
    for rid, (programme_id, started_at) in started.items():
        history = live_history(
            rid,
            programme_id,
            started_at=started_at,
            now=now,
            roles=roles.get(rid, {}),
            messages=messages.get(rid, ()),
            meetings=meetings.get(rid, ()),
            time_zone_gap=time_zone_gap_hours(zones.get(rid, ()), now),
        )
        if history is not None:
            out[rid] = history
    return out
