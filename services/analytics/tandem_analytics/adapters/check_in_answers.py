"""The SQL of a programme's answers with the members' ids (named consent only)."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import and_, select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.tables import check_in_answers, check_ins, checkin_members
from tandem_analytics.domain.check_in_answers import AnsweredCheckIn
from tandem_kit.api import keyset


async def answered_page(
    session: AsyncSession,
    programme_id: UUID,
    *,
    round_key: str | None,
    cursor: str | None,
    limit: int,
) -> list[AnsweredCheckIn]:
    """Answered check-ins of the programme, the latest answer first."""
    c, m = check_ins.c, checkin_members.c
    query = (
        select(
            c.id,
            c.relationship_id,
            c.participant_id,
            m.role,
            c.round_key,
            c.kind,
            c.answered_at,
        )
        .outerjoin(
            checkin_members,
            and_(m.relationship_id == c.relationship_id, m.participant_id == c.participant_id),
        )
        .where(c.programme_id == programme_id, c.answered_at.is_not(None))
    )
    if round_key is not None:
        query = query.where(c.round_key == round_key)
    query = keyset(query, [c.answered_at, c.id], cursor, limit, descending=True)
    return [AnsweredCheckIn(*row) for row in (await session.execute(query)).tuples()]


async def sealed_of(
    session: AsyncSession, check_in_ids: list[UUID]
) -> list[tuple[UUID, str, bytes]]:
    """(check-in id, question, sealed value) of these check-ins' answers."""
    if not check_in_ids:
        return []
    a = check_in_answers.c
    rows = await session.execute(
        select(a.check_in_id, a.question, a.value)
        .where(a.check_in_id.in_(check_in_ids))
        .order_by(a.check_in_id, a.question)
    )
    return [(r.check_in_id, r.question, r.value) for r in rows]
