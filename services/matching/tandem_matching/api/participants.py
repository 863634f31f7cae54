"""Participants: registration, the manager's list, profile updates, withdrawal."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, status

from tandem_kit.api import Page, PageCursor, PageLimit, problems
from tandem_kit.auth import CurrentPrincipal
from tandem_matching.api.deps import Ctx
from tandem_matching.schemas.participants import (
    ParticipantCreate,
    ParticipantPublic,
    ParticipantStatus,
    ParticipantUpdate,
    RoleName,
)
from tandem_matching.service import participants as use

router = APIRouter(prefix="/v1/programmes/{programme_id}/participants", tags=["participants"])


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Register as mentor or mentee",
    description="Yourself, with the token grant `mentor:<pid>`/`mentee:<pid>`; or, as "
    "a manager, someone else named by `subject`. Emits "
    "`participant.registered`.",
    responses=problems(403, 404, 409),
)
async def register(
    programme_id: UUID, body: ParticipantCreate, principal: CurrentPrincipal, ctx: Ctx
) -> ParticipantPublic:
    return await use.register(ctx, principal, programme_id, body)


@router.get(
    "",
    summary="List participants (manager) or yourself (participant)",
    responses=problems(403, 400, 404),
)
async def list_participants(
    programme_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    role: RoleName | None = None,
    status: ParticipantStatus | None = None,
    country: Annotated[str | None, Query(pattern=r"^[A-Z]{2}$")] = None,
    unmatched: Annotated[
        bool | None, Query(description="true: active and in no proposed or active relationship")
    ] = None,
    cursor: PageCursor = None,
    limit: PageLimit = 50,
) -> Page[ParticipantPublic]:
    return await use.list_participants(
        ctx,
        principal,
        programme_id,
        role=role,
        status=status,
        country=country,
        unmatched=unmatched,
        cursor=cursor,
        limit=limit,
    )


@router.get(
    "/{participant_id}",
    summary="Read a participant (manager, or yourself)",
    responses=problems(403, 404),
)
async def get_participant(
    programme_id: UUID, participant_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> ParticipantPublic:
    return await use.get_participant(ctx, principal, programme_id, participant_id)


@router.patch(
    "/{participant_id}",
    summary="Update a profile (manager, or yourself)",
    description="Emits `participant.updated`.",
    responses=problems(403, 404, 409),
)
async def update_participant(
    programme_id: UUID,
    participant_id: UUID,
    body: ParticipantUpdate,
    principal: CurrentPrincipal,
    ctx: Ctx,
) -> ParticipantPublic:
    return await use.update_participant(ctx, principal, programme_id, participant_id, body)


@router.post(
    "/{participant_id}/withdraw",
    summary="Withdraw from the programme",
    description="Manager, or yourself. Active relationships end early "
    "(`participant_withdrew`), proposed ones are declined. Emits "
    "`participant.withdrawn` (and `relationship.ended`).",
    responses=problems(403, 404, 409),
)
async def withdraw(
    programme_id: UUID, participant_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> ParticipantPublic:
    return await use.withdraw(ctx, principal, programme_id, participant_id)
