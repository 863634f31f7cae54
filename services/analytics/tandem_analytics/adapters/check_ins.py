"""The SQL of check-ins, their sealed answers and the used one-click link nonces."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.tables import (
    check_in_answers,
    check_in_link_nonces,
    check_ins,
    outcomes,
)
from tandem_analytics.domain.check_in_plans import Kind
from tandem_analytics.domain.check_ins import Asked, CheckIn


def _insert(session: AsyncSession, table: Any) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return postgresql_insert(table)
    return sqlite_insert(table)


def _check_in(row: Any) -> CheckIn:
    return CheckIn(
        id=row.id,
        programme_id=row.programme_id,
        relationship_id=row.relationship_id,
        participant_id=row.participant_id,
        round_key=row.round_key,
        kind=Kind(row.kind),
        questions=tuple(row.questions),
        due_on=row.due_on,
        created_at=row.created_at,
        answered_at=row.answered_at,
    )


async def create(session: AsyncSession, check_in: CheckIn) -> bool:
    """Insert the check-in; False if the member's round existed (another tick made it)."""
    created = await session.scalar(
        _insert(session, check_ins)
        .values(
            id=check_in.id,
            programme_id=check_in.programme_id,
            relationship_id=check_in.relationship_id,
            participant_id=check_in.participant_id,
            round_key=check_in.round_key,
            kind=check_in.kind.value,
            questions=list(check_in.questions),
            due_on=check_in.due_on,
            created_at=check_in.created_at,
        )
        .on_conflict_do_nothing(index_elements=["relationship_id", "participant_id", "round_key"])
        .returning(check_ins.c.id)
    )
    return created is not None


async def existing_rounds(session: AsyncSession, relationship_id: UUID) -> set[tuple[UUID, str]]:
    rows = await session.execute(
        select(check_ins.c.participant_id, check_ins.c.round_key).where(
            check_ins.c.relationship_id == relationship_id
        )
    )
    return {(r.participant_id, r.round_key) for r in rows}


async def by_id(session: AsyncSession, check_in_id: UUID) -> CheckIn | None:
    row = (
        await session.execute(select(check_ins).where(check_ins.c.id == check_in_id))
    ).one_or_none()
    return None if row is None else _check_in(row)


async def of_participants(session: AsyncSession, participant_ids: list[UUID]) -> list[CheckIn]:
    rows = await session.execute(
        select(check_ins)
        .where(check_ins.c.participant_id.in_(participant_ids))
        .order_by(check_ins.c.due_on, check_ins.c.id)
    )
    return [_check_in(r) for r in rows]


async def save_answer(
    session: AsyncSession, check_in_id: UUID, question: str, sealed: bytes, now: datetime
) -> None:
    """The member's answer to one question (a later one replaces it)."""
    statement = _insert(session, check_in_answers).values(
        check_in_id=check_in_id, question=question, value=sealed, answered_at=now
    )
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["check_in_id", "question"], set_={"value": sealed, "answered_at": now}
        )
    )
    await session.execute(
        update(check_ins)
        .where(check_ins.c.id == check_in_id)
        .where(check_ins.c.answered_at.is_(None))
        .values(answered_at=now)
    )


async def answered_questions(session: AsyncSession, check_in_id: UUID) -> list[str]:
    rows = await session.scalars(
        select(check_in_answers.c.question)
        .where(check_in_answers.c.check_in_id == check_in_id)
        .order_by(check_in_answers.c.question)
    )
    return list(rows)


async def asked_in(session: AsyncSession, programme_id: UUID) -> list[Asked]:
    rows = await session.execute(
        select(check_ins.c.round_key, check_ins.c.kind, check_ins.c.answered_at).where(
            check_ins.c.programme_id == programme_id
        )
    )
    return [Asked(r.round_key, Kind(r.kind), r.answered_at is not None) for r in rows]


async def sealed_answers(
    session: AsyncSession, programme_id: UUID
) -> list[tuple[UUID, str, str, bytes]]:
    """(check-in id, round, question, sealed value) of every answer in the programme."""
    rows = await session.execute(
        select(
            check_ins.c.id,
            check_ins.c.round_key,
            check_in_answers.c.question,
            check_in_answers.c.value,
        )
        .join(check_in_answers, check_in_answers.c.check_in_id == check_ins.c.id)
        .where(check_ins.c.programme_id == programme_id)
    )
    return [(r.id, r.round_key, r.question, r.value) for r in rows]


async def use_nonce(session: AsyncSession, nonce: str, now: datetime, expires_at: datetime) -> bool:
    """Mark a link's nonce used; False if it was used before (a replay)."""
    used = await session.scalar(
        _insert(session, check_in_link_nonces)
        .values(nonce=nonce, used_at=now, expires_at=expires_at)
        .on_conflict_do_nothing(index_elements=["nonce"])
        .returning(check_in_link_nonces.c.nonce)
    )
    return used is not None


async def nonce_used(session: AsyncSession, nonce: str) -> bool:
    found = await session.scalar(
        select(func.count())
        .select_from(check_in_link_nonces)
        .where(check_in_link_nonces.c.nonce == nonce)
    )
    return bool(found)


async def forget_expired_nonces(session: AsyncSession, now: datetime) -> int:
    result = await session.execute(
        delete(check_in_link_nonces).where(check_in_link_nonces.c.expires_at <= now)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def programmes_of(session: AsyncSession, participant_id: UUID) -> list[UUID]:
    """The programmes where the person has check-ins or outcomes."""
    found = await session.execute(
        select(check_ins.c.programme_id)
        .where(check_ins.c.participant_id == participant_id)
        .union(select(outcomes.c.programme_id).where(outcomes.c.participant_id == participant_id))
    )
    return sorted({row[0] for row in found})


async def forget_participant(
    session: AsyncSession, participant_id: UUID, programme_id: UUID, *, keep: bool
) -> None:
    """Erasure: the person's check-ins in the programme lose her and her relationship
    (``keep``: anonymous counts stay, response rates and figures unchanged) or go with
    their answers."""
    mine = (check_ins.c.participant_id == participant_id) & (
        check_ins.c.programme_id == programme_id
    )
    if keep:
        await session.execute(
            update(check_ins).where(mine).values(participant_id=None, relationship_id=None)
        )
        return
    ids = select(check_ins.c.id).where(mine)
    await session.execute(delete(check_in_answers).where(check_in_answers.c.check_in_id.in_(ids)))
    await session.execute(delete(check_ins).where(mine))
