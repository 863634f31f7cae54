"""Re-matching offers: list, read, and the mentee's accept or decline."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_kit.api import Page, PageCursor, PageLimit, problems
from tandem_kit.auth import CurrentPrincipal
from tandem_matching.api.deps import Ctx
from tandem_matching.domain.rematching import OfferStatus
from tandem_matching.schemas.rematching import RematchOfferPublic
from tandem_matching.service import rematching as use

router = APIRouter(prefix="/v1/programmes/{programme_id}/rematching-offers", tags=["relationships"])


@router.get(
    "",
    summary="List re-matching offers (manager: the programme's; mentee: your own)",
    description="When a relationship ends early each of its mentees is offered re-matching; "
    "until they accept, no match run or mentor request places them.",
    responses=problems(403, 400, 404),
)
async def list_rematching_offers(
    programme_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    status: OfferStatus | None = None,
    cursor: PageCursor = None,
    limit: PageLimit = 50,
) -> Page[RematchOfferPublic]:
    return await use.list_offers(
        ctx, principal, programme_id, status=status, cursor=cursor, limit=limit
    )


@router.get(
    "/{offer_id}",
    summary="Read a re-matching offer (manager, or its mentee)",
    responses=problems(403, 404),
)
async def get_rematching_offer(
    programme_id: UUID, offer_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> RematchOfferPublic:
    return await use.get_offer(ctx, principal, programme_id, offer_id)


@router.post(
    "/{offer_id}/accept",
    summary="Accept a re-matching offer (its mentee)",
    description="The mentee is back in the programme's pool: the next match run may propose "
    "them again (not with the mentor of the relationship that ended). 409 `offer_answered` "
    "once answered, `programme_ended` after the programme's end.",
    responses=problems(403, 404, 409),
)
async def accept_rematching_offer(
    programme_id: UUID, offer_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> RematchOfferPublic:
    return await use.answer(ctx, principal, programme_id, offer_id, accept=True)


@router.post(
    "/{offer_id}/decline",
    summary="Decline a re-matching offer (its mentee)",
    description="The offer closes and the mentee stays out of the pool. 409 `offer_answered` "
    "once answered.",
    responses=problems(403, 404, 409),
)
async def decline_rematching_offer(
    programme_id: UUID, offer_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> RematchOfferPublic:
    return await use.answer(ctx, principal, programme_id, offer_id, accept=False)
