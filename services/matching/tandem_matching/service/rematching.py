"""Re-matching offers: made when a relationship ends early, answered by its mentee.

The offer is made in the transaction that ends the relationship (by a member, a manager,
or the system when a member leaves), to every mentee of it except one who is leaving;
the (relationship, mentee) key makes it once only. Until the mentee accepts, the pool
leaves them out (:func:`tandem_matching.adapters.rematching.held_out`): no run, mentor
request or review edit can place them, so they are never in another open relationship
with an offer still to answer. Each offer made publishes ``rematch.offered`` in the same
transaction, so messaging mails the mentee how to answer it. An analytics at-risk flag
alone makes no offer: the relationship still runs, and whether it ends is its members'
and manager's call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import Role
from tandem_kit.api import Page, next_cursor
from tandem_kit.auth import Principal
from tandem_kit.errors import Conflict, Forbidden, NotFound
from tandem_kit.outbox import add_events
from tandem_matching.adapters import rematching as repo
from tandem_matching.domain import rematching as offers
from tandem_matching.domain.relationships import Member, Relationship
from tandem_matching.domain.rematching import AnswerRefused, OfferStatus, RematchOffer
from tandem_matching.schemas.rematching import RematchOfferPublic
from tandem_matching.service import events
from tandem_matching.service.access import Caller, caller_in
from tandem_matching.service.context import Context
from tandem_matching.service.ids import new_id


async def offer_after_early_end(
    session: AsyncSession,
    ended: Relationship,
    members: Sequence[Member],
    *,
    leaving: UUID | None,
    at: dt.datetime,
) -> list[RematchOffer]:
    """In the ending's transaction: an open offer to each mentee who stays, and its event."""
    made = [
        RematchOffer(
            id=new_id(),
            programme_id=ended.programme_id,
            relationship_id=ended.id,
            mentee_id=m.participant_id,
            status=OfferStatus.OPEN,
            created_at=at,
            answered_at=None,
        )
        for m in members
        if m.role is Role.MENTEE and m.participant_id != leaving
    ]
    fresh = await repo.add_new(session, made)
    await add_events(session, [events.rematch_offered(offer) for offer in fresh])
    return fresh


def _not_found(offer_id: UUID) -> NotFound:
    return NotFound(f"Re-matching offer {offer_id} not found.", code="offer_not_found")


async def _visible(
    session: AsyncSession, caller: Caller, offer_id: UUID, *, for_update: bool = False
) -> RematchOffer:
    """The offer; 404 unless the caller manages the programme or is its mentee."""
    found = await repo.get(session, caller.programme.id, offer_id, for_update=for_update)
    if found is None or not caller.may_see_participant(found.mentee_id):
        raise _not_found(offer_id)
    return found


async def list_offers(
    ctx: Context,
    principal: Principal,
    programme_id: UUID,
    *,
    status: OfferStatus | None,
    cursor: str | None,
    limit: int,
) -> Page[RematchOfferPublic]:
    """Managers see the programme's offers; a mentee their own."""
    async with ctx.database.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        if not caller.is_manager:
            caller.require_participant()
        mentee = None if caller.is_manager else caller.participant_id
        found = await repo.list_page(
            session, programme_id, mentee_id=mentee, status=status, cursor=cursor, limit=limit
        )
    return Page[RematchOfferPublic](
        items=[RematchOfferPublic.of(o) for o in found[:limit]],
        next_cursor=next_cursor(found, limit, lambda o: (o.created_at, o.id)),
    )


async def get_offer(
    ctx: Context, principal: Principal, programme_id: UUID, offer_id: UUID
) -> RematchOfferPublic:
    async with ctx.database.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        return RematchOfferPublic.of(await _visible(session, caller, offer_id))


async def answer(
    ctx: Context, principal: Principal, programme_id: UUID, offer_id: UUID, *, accept: bool
) -> RematchOfferPublic:
    """The offer's mentee accepts (back into the pool) or declines it; once."""
    async with ctx.database.transaction() as session:
        caller = await caller_in(session, principal, programme_id)
        found = await _visible(session, caller, offer_id, for_update=True)
        if found.mentee_id != caller.participant_id:  # a manager: knows it, may not answer
            raise Forbidden("Only the offer's mentee may answer it.", code="not_your_offer")
        at = ctx.now()
        programme = caller.programme
        try:
            answered = offers.answer(
                found,
                accept=accept,
                programme_ended=programme.today(at) > programme.ends_on,
                at=at,
            )
        except AnswerRefused as refusal:
            raise Conflict(str(refusal), code=refusal.code) from refusal
        if not await repo.save_answer(session, answered):  # answered meanwhile elsewhere
            raise Conflict("The offer was already answered.", code="offer_answered")
    return RematchOfferPublic.of(answered)
