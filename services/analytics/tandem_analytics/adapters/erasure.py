"""The SQL of an erasure in the read models: the person's rows merge into ERASED's.

Counts add up, first times take the earlier, last times the later: the same rows a
rebuild from the rewritten store gives, where the person's events already carry ERASED.
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters import message_facts
from tandem_analytics.adapters.readmodels import earliest, insert_absent, latest, lower_role
from tandem_analytics.adapters.tables import rm_members, rm_message_weeks, rm_participants
from tandem_analytics.domain.readmodels import ERASED


async def merge_members(session: AsyncSession, participant_id: UUID) -> None:
    t = rm_members.c
    rows = (
        await session.execute(select(rm_members).where(t.participant_id == participant_id))
    ).all()
    for row in rows:
        await insert_absent(
            session,
            rm_members,
            {"relationship_id": row.relationship_id, "participant_id": ERASED, "messages": 0},
            ["relationship_id", "participant_id"],
        )
        values: dict[str, object] = {
            "messages": t.messages + row.messages,
            "role": lower_role(t.role, row.role),
        }
        if row.first_message_at is not None:
            values["first_message_at"] = earliest(t.first_message_at, row.first_message_at)
            values["last_message_at"] = latest(t.last_message_at, row.last_message_at)
        await session.execute(
            update(rm_members)
            .where(t.relationship_id == row.relationship_id, t.participant_id == ERASED)
            .values(values)
        )
    await session.execute(delete(rm_members).where(t.participant_id == participant_id))


async def merge_weeks(session: AsyncSession, participant_id: UUID) -> None:
    t = rm_message_weeks.c
    rows = (
        await session.execute(select(rm_message_weeks).where(t.participant_id == participant_id))
    ).all()
    for row in rows:
        keys = {"relationship_id": row.relationship_id, "participant_id": ERASED, "week": row.week}
        await insert_absent(
            session,
            rm_message_weeks,
            {**keys, "programme_id": row.programme_id, "messages": 0},
            list(keys),
        )
        await session.execute(
            update(rm_message_weeks)
            .where(*(t[name] == value for name, value in keys.items()))
            .values(messages=t.messages + row.messages)
        )
    await session.execute(delete(rm_message_weeks).where(t.participant_id == participant_id))


async def forget_participant(session: AsyncSession, participant_id: UUID) -> None:
    await merge_members(session, participant_id)
    await merge_weeks(session, participant_id)
    await message_facts.relabel(session, participant_id, ERASED)
    await session.execute(
        delete(rm_participants).where(rm_participants.c.participant_id == participant_id)
    )
