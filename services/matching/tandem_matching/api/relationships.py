"""Relationships: list, read, accept or decline a proposal, end early."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_kit.api import Page, PageCursor, PageLimit, problems
from tandem_kit.auth import CurrentPrincipal
from tandem_matching.api.deps import Ctx
from tandem_matching.domain.relationships import RelationshipStatus
from tandem_matching.schemas.relationships import (
    RelationshipEnd,
    RelationshipPublic,
)
from tandem_matching.service import relationships as use

router = APIRouter(prefix="/v1/programmes/{programme_id}/relationships", tags=["relationships"])


@router.get(
    "",
    summary="List relationships (manager: all; participant: your own)",
    responses=problems(403, 400, 404),
)
async def list_relationships(
    programme_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    status: RelationshipStatus | None = None,
    cursor: PageCursor = None,
    limit: PageLimit = 50,
) -> Page[RelationshipPublic]:
    return await use.list_relationships(
        ctx, principal, programme_id, status=status, cursor=cursor, limit=limit
    )


@router.get(
    "/{relationship_id}",
    summary="Read a relationship (manager, or a member)",
    responses=problems(403, 404),
)
async def get_relationship(
    programme_id: UUID, relationship_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> RelationshipPublic:
    return await use.get_relationship(ctx, principal, programme_id, relationship_id)


@router.post(
    "/{relationship_id}/accept",
    summary="Accept a proposed relationship (member)",
    description="When every member accepted it becomes active and "
    "`relationship.started` is emitted.",
    responses=problems(403, 404, 409),
)
async def accept(
    programme_id: UUID,
    relationship_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
) -> RelationshipPublic:
    return await use.respond(
        ctx, principal, programme_id, relationship_id, accept=True, at=ctx.now()
    )


@router.post(
    "/{relationship_id}/decline",
    summary="Decline a proposed relationship (member)",
    description="The relationship is declined; its mentees wait for the next run, "
    "which will not propose the same mentor again.",
    responses=problems(403, 404, 409),
)
async def decline(
    programme_id: UUID,
    relationship_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
) -> RelationshipPublic:
    return await use.respond(
        ctx, principal, programme_id, relationship_id, accept=False, at=ctx.now()
    )


@router.post(
    "/{relationship_id}/end",
    summary="End an active relationship early",
    description="A member (mentor or mentee) or a manager, with a reason. Emits "
    "`relationship.ended` (outcome ended_early). The mentees wait again "
    "and are not matched with the same mentor.",
    responses=problems(403, 404, 409),
)
async def end_early(
    programme_id: UUID,
    relationship_id: UUID,
    body: RelationshipEnd,
    principal: CurrentPrincipal,
    ctx: Ctx,
) -> RelationshipPublic:
    return await use.end_early(ctx, principal, programme_id, relationship_id, body)
