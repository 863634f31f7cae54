"""Re-matching offers, and the one question the pool asks of them: is a mentee held out?"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from uuid import UUID

from sqlalchemy import ColumnElement, RowMapping, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.api import keyset
from tandem_matching.adapters.tables import participants, rematch_offers
from tandem_matching.domain.rematching import HOLDING_STATUSES, OfferStatus, RematchOffer


def _offer(row: RowMapping) -> RematchOffer:
    return RematchOffer(
        id=row["id"],
        programme_id=row["programme_id"],
        relationship_id=row["relationship_id"],
        mentee_id=row["mentee_id"],
        status=OfferStatus(row["status"]),
        created_at=row["created_at"],
        answered_at=row["answered_at"],
    )


def held_out() -> ColumnElement[bool]:
    """For a row of ``participants``: their latest offer is open or declined, so no run or
    request matches them (an accepted one, or none, leaves them waiting as before)."""
    latest = (
        select(rematch_offers.c.status)
        .where(rematch_offers.c.mentee_id == participants.c.id)
        .order_by(rematch_offers.c.created_at.desc(), rematch_offers.c.id.desc())
        .limit(1)
        .correlate(participants)
        .scalar_subquery()
    )
    return latest.in_([s.value for s in HOLDING_STATUSES])


async def add_new(session: AsyncSession, offers: Sequence[RematchOffer]) -> list[RematchOffer]:
    """Insert the offers not made yet for their (relationship, mentee); the ones added."""
    if not offers:
        return []
    relationship_ids = {o.relationship_id for o in offers}
    rows = await session.execute(
        select(rematch_offers.c.relationship_id, rematch_offers.c.mentee_id).where(
            rematch_offers.c.relationship_id.in_(relationship_ids)
        )
    )
    made = {(r, m) for r, m in rows}
    fresh = [o for o in offers if (o.relationship_id, o.mentee_id) not in made]
    if fresh:
        await session.execute(insert(rematch_offers), [asdict(o) for o in fresh])
    return fresh


async def get(
    session: AsyncSession, programme_id: UUID, offer_id: UUID, *, for_update: bool = False
) -> RematchOffer | None:
    query = select(rematch_offers).where(
        rematch_offers.c.id == offer_id, rematch_offers.c.programme_id == programme_id
    )
    if for_update:
        query = query.with_for_update()
    row = (await session.execute(query)).mappings().first()
    return _offer(row) if row else None


async def list_page(
    session: AsyncSession,
    programme_id: UUID,
    *,
    mentee_id: UUID | None,
    status: OfferStatus | None,
    cursor: str | None,
    limit: int,
) -> list[RematchOffer]:
    query = select(rematch_offers).where(rematch_offers.c.programme_id == programme_id)
    if mentee_id is not None:
        query = query.where(rematch_offers.c.mentee_id == mentee_id)
    if status is not None:
        query = query.where(rematch_offers.c.status == status)
    query = keyset(query, [rematch_offers.c.created_at, rematch_offers.c.id], cursor, limit)
    return [_offer(r) for r in (await session.execute(query)).mappings()]


async def of_mentee(session: AsyncSession, mentee_id: UUID) -> list[RematchOffer]:
    """Every offer made to a mentee, oldest first (her data export)."""
    query = (
        select(rematch_offers)
        .where(rematch_offers.c.mentee_id == mentee_id)
        .order_by(rematch_offers.c.created_at, rematch_offers.c.id)
    )
    return [_offer(r) for r in (await session.execute(query)).mappings()]


async def save_answer(session: AsyncSession, offer: RematchOffer) -> bool:
    """Store an answer while the offer is still open (False if another request answered)."""
    result = await session.execute(
        update(rematch_offers)
        .where(rematch_offers.c.id == offer.id, rematch_offers.c.status == OfferStatus.OPEN)
        .values(status=offer.status, answered_at=offer.answered_at)
    )
    return bool(getattr(result, "rowcount", 0) == 1)


async def delete_of(session: AsyncSession, mentee_id: UUID) -> None:
    """An erased participant's offers go with them."""
    await session.execute(delete(rematch_offers).where(rematch_offers.c.mentee_id == mentee_id))
