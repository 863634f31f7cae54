"""Communication agreements and the programme's template for them."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_kit.auth import CurrentPrincipal
from tandem_messaging.api.deps import Ctx, problems
from tandem_messaging.schemas.agreements import (
    AcceptanceCreate,
    AgreementChange,
    AgreementPublic,
    AgreementTemplatePublic,
    AgreementTemplateUpdate,
)
from tandem_messaging.service import agreements as use

router = APIRouter(prefix="/v1", tags=["agreements"])


@router.get(
    "/relationships/{relationship_id}/agreement",
    summary="The relationship's communication agreement (members and manager)",
    responses=problems(404),
)
async def get_agreement(
    relationship_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> AgreementPublic:
    return await use.get_agreement(ctx, principal, relationship_id)


@router.put(
    "/relationships/{relationship_id}/agreement",
    summary="Propose a new version (members and manager)",
    description="Every member and a manager must accept the new version again. 409 if "
    "`based_on_version` is no longer current or the relationship ended.",
    responses=problems(404, 409),
)
async def change_agreement(
    relationship_id: UUID, body: AgreementChange, principal: CurrentPrincipal, ctx: Ctx
) -> AgreementPublic:
    return await use.change_agreement(ctx, principal, relationship_id, body)


@router.post(
    "/relationships/{relationship_id}/agreement/acceptances",
    summary="Accept the current version",
    description="When every member and a manager accepted it, `agreement.accepted` "
    "is emitted (figures only).",
    responses=problems(404, 409),
)
async def accept(
    relationship_id: UUID, body: AcceptanceCreate, principal: CurrentPrincipal, ctx: Ctx
) -> AgreementPublic:
    return await use.accept(ctx, principal, relationship_id, body)


@router.get(
    "/programmes/{programme_id}/agreement-template",
    summary="The programme's agreement template (its members and managers)",
    responses=problems(404),
)
async def get_template(
    programme_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> AgreementTemplatePublic:
    return await use.get_template(ctx, principal, programme_id)


@router.put(
    "/programmes/{programme_id}/agreement-template",
    summary="Set the programme's agreement template (manager)",
    description="New relationships start from it; running agreements keep theirs.",
    responses=problems(403, 404),
)
async def change_template(
    programme_id: UUID, body: AgreementTemplateUpdate, principal: CurrentPrincipal, ctx: Ctx
) -> AgreementTemplatePublic:
    return await use.change_template(ctx, principal, programme_id, body)
