"""Statistics: what managers see (never content), and what they see about you."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_kit.api import Page, PageCursor, PageLimit
from tandem_kit.auth import CurrentPrincipal
from tandem_messaging.api.deps import Ctx, problems
from tandem_messaging.schemas.statistics import ConversationStatisticsPublic, ManagerViewPublic
from tandem_messaging.service import statistics as use

router = APIRouter(prefix="/v1", tags=["statistics"])


@router.get(
    "/conversations/{conversation_id}/statistics",
    summary="A conversation's figures (its members and its programme's managers)",
    description="Message counts per member, last activity, response times.",
    responses=problems(404),
)
async def conversation_statistics(
    conversation_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> ConversationStatisticsPublic:
    return await use.conversation_statistics(ctx, principal, conversation_id)


@router.get(
    "/programmes/{programme_id}/conversation-statistics",
    summary="Figures of every conversation in a programme (manager)",
    responses=problems(400, 403, 404),
)
async def programme_statistics(
    programme_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    cursor: PageCursor = None,
    limit: PageLimit = 50,
) -> Page[ConversationStatisticsPublic]:
    return await use.programme_statistics(ctx, principal, programme_id, cursor=cursor, limit=limit)


@router.get(
    "/me/manager-view",
    summary="What your programme's manager sees about you",
    description="Built by the same function as the managers' statistics, keeping "
    "only the rows about you.",
    responses=problems(),
)
async def manager_view(principal: CurrentPrincipal, ctx: Ctx) -> ManagerViewPublic:
    return await use.what_the_manager_sees_about_me(ctx, principal)
