"""The service's status: proves the wiring (auth, context, use case, SQL) end to end."""

from __future__ import annotations

from fastapi import APIRouter

from tandem_analytics.api.deps import Ctx
from tandem_analytics.schemas.status import StatusPublic
from tandem_analytics.service import status as use
from tandem_kit.api import problems
from tandem_kit.auth import CurrentPrincipal

router = APIRouter(prefix="/v1/status", tags=["status"])


@router.get("", summary="The service's version and what it has handled", responses=problems())
async def get_status(principal: CurrentPrincipal, ctx: Ctx) -> StatusPublic:
    return StatusPublic.from_record(await use.current_status(ctx))
