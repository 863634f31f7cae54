"""Organisations (admin)."""

from __future__ import annotations

from fastapi import APIRouter, status

from tandem_kit.api import Page, PageCursor, PageLimit, problems
from tandem_kit.auth import CurrentPrincipal
from tandem_matching.api.deps import Ctx
from tandem_matching.schemas.organisations import OrganisationCreate, OrganisationPublic
from tandem_matching.service import organisations as use

# Tagged with the programmes they run: one group in the document and in generated clients.
router = APIRouter(prefix="/v1/organisations", tags=["programmes"])


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Create an organisation (admin)",
    responses=problems(403),
)
async def create_organisation(
    body: OrganisationCreate, principal: CurrentPrincipal, ctx: Ctx
) -> OrganisationPublic:
    return await use.create_organisation(ctx, principal, body)


@router.get("", summary="List organisations (admin)", responses=problems(403, 400))
async def list_organisations(
    principal: CurrentPrincipal, ctx: Ctx, cursor: PageCursor = None, limit: PageLimit = 50
) -> Page[OrganisationPublic]:
    return await use.list_organisations(ctx, principal, cursor, limit)
