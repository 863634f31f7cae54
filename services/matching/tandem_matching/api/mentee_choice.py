"""Mentee choice: suggestions for a mentee, and requests from mentees to mentors."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, status

from tandem_kit.api import Page, PageCursor, PageLimit, problems
from tandem_kit.auth import CurrentPrincipal
from tandem_matching.api.deps import Ctx
from tandem_matching.domain.mentee_choice import RequestStatus
from tandem_matching.schemas.mentee_choice import (
    MentorRequestCreate,
    MentorRequestPublic,
    SuggestionPublic,
)
from tandem_matching.service import mentee_choice as use

router = APIRouter(prefix="/v1/programmes/{programme_id}", tags=["mentee-choice"])
REQUESTS = "/mentor-requests"


@router.get(
    "/participants/{mentee_id}/suggestions",
    summary="Best mentors for a mentee, with explanations (the mentee, or a manager)",
    description="Only mentors with a free place who break no hard rule. Mentees may "
    "ask only in programmes with `policy.mentee_choice`.",
    responses=problems(403, 404, 409),
)
async def suggestions(
    programme_id: UUID,
    mentee_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
) -> list[SuggestionPublic]:
    return await use.suggestions(ctx, principal, programme_id, mentee_id, limit)


@router.post(
    REQUESTS,
    status_code=status.HTTP_201_CREATED,
    summary="Ask a mentor (mentee)",
    description="One pending request per mentee. A pair that breaks a hard rule is "
    "refused (422, `errors` names each breach).",
    responses=problems(403, 404, 409),
)
async def create_request(
    programme_id: UUID, body: MentorRequestCreate, principal: CurrentPrincipal, ctx: Ctx
) -> MentorRequestPublic:
    return await use.create_request(ctx, principal, programme_id, body)


@router.get(
    REQUESTS,
    summary="List requests (manager: all; participant: sent or received)",
    responses=problems(403, 400, 404),
)
async def list_requests(
    programme_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    status: RequestStatus | None = None,
    cursor: PageCursor = None,
    limit: PageLimit = 50,
) -> Page[MentorRequestPublic]:
    return await use.list_requests(
        ctx, principal, programme_id, status=status, cursor=cursor, limit=limit
    )


@router.get(
    REQUESTS + "/{request_id}",
    summary="Read a request (manager, or its mentee/mentor)",
    responses=problems(403, 404),
)
async def get_request(
    programme_id: UUID, request_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> MentorRequestPublic:
    return await use.get_request(ctx, principal, programme_id, request_id)


@router.post(
    REQUESTS + "/{request_id}/accept",
    summary="Accept a request (the mentor asked)",
    description="Creates the relationship directly **active** (both have agreed); "
    "emits `match.proposed` then `relationship.started`.",
    responses=problems(403, 404, 409),
)
async def accept_request(
    programme_id: UUID, request_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> MentorRequestPublic:
    return await use.decide(
        ctx, principal, programme_id, request_id, decision=RequestStatus.ACCEPTED, when=ctx.now()
    )


@router.post(
    REQUESTS + "/{request_id}/decline",
    summary="Decline a request (the mentor asked)",
    responses=problems(403, 404, 409),
)
async def decline_request(
    programme_id: UUID, request_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> MentorRequestPublic:
    return await use.decide(
        ctx, principal, programme_id, request_id, decision=RequestStatus.DECLINED, when=ctx.now()
    )


@router.post(
    REQUESTS + "/{request_id}/withdraw",
    summary="Withdraw a request (its mentee)",
    responses=problems(403, 404, 409),
)
async def withdraw_request(
    programme_id: UUID, request_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> MentorRequestPublic:
    return await use.decide(
        ctx, principal, programme_id, request_id, decision=RequestStatus.WITHDRAWN, when=ctx.now()
    )
