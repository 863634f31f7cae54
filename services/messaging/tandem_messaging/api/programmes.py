"""A programme's messaging settings (manager)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_kit.auth import CurrentPrincipal
from tandem_messaging.api.deps import Ctx, problems
from tandem_messaging.schemas.programmes import ProgrammeSettingsPublic, ProgrammeSettingsUpdate
from tandem_messaging.service import programmes as use

router = APIRouter(prefix="/v1/programmes/{programme_id}/settings", tags=["programmes"])


@router.get("", summary="Messaging settings of a programme (manager)", responses=problems(403, 404))
async def get_settings(
    programme_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> ProgrammeSettingsPublic:
    return await use.get_settings(ctx, principal, programme_id)


@router.put("", summary="Change the retention period (manager)", responses=problems(403, 404))
async def change_settings(
    programme_id: UUID, body: ProgrammeSettingsUpdate, principal: CurrentPrincipal, ctx: Ctx
) -> ProgrammeSettingsPublic:
    return await use.change_settings(ctx, principal, programme_id, body)
