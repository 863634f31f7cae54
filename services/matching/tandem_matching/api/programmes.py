"""Programmes."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, status

from tandem_kit.api import Page, PageCursor, PageLimit, problems
from tandem_kit.auth import CurrentPrincipal
from tandem_matching.api.deps import Ctx
from tandem_matching.schemas.programmes import (
    ProgrammeCreate,
    ProgrammePublic,
    ProgrammeUpdate,
)
from tandem_matching.service import programmes as use

router = APIRouter(prefix="/v1/programmes", tags=["programmes"])


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Create a programme naming its managers (admin)",
    description="Emits `programme.created`.",
    responses=problems(403),
)
async def create_programme(
    body: ProgrammeCreate, principal: CurrentPrincipal, ctx: Ctx
) -> ProgrammePublic:
    return await use.create_programme(ctx, principal, body)


@router.get(
    "",
    summary="List the programmes you have a role in",
    description="Admins see every programme.",
    responses=problems(403, 400),
)
async def list_programmes(
    principal: CurrentPrincipal, ctx: Ctx, cursor: PageCursor = None, limit: PageLimit = 50
) -> Page[ProgrammePublic]:
    return await use.list_programmes(ctx, principal, cursor, limit)


@router.get(
    "/{programme_id}",
    summary="Read a programme (its managers and members)",
    responses=problems(403, 404),
)
async def get_programme(
    programme_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> ProgrammePublic:
    return await use.get_programme(ctx, principal, programme_id)


@router.patch(
    "/{programme_id}",
    summary="Rename or tune the matching policy (manager)",
    responses=problems(403, 404),
)
async def update_programme(
    programme_id: UUID, body: ProgrammeUpdate, principal: CurrentPrincipal, ctx: Ctx
) -> ProgrammePublic:
    return await use.update_programme(ctx, principal, programme_id, body)
