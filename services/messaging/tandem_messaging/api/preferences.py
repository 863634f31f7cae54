"""Your notification preferences."""

from __future__ import annotations

from fastapi import APIRouter

from tandem_kit.auth import CurrentPrincipal
from tandem_messaging.api.deps import Ctx, problems
from tandem_messaging.schemas.preferences import NotificationPreferences
from tandem_messaging.service import preferences as use

router = APIRouter(prefix="/v1/me/notification-preferences", tags=["notifications"])


@router.get("", summary="How you hear about new messages", responses=problems())
async def get_preferences(principal: CurrentPrincipal, ctx: Ctx) -> NotificationPreferences:
    return await use.get_preferences(ctx, principal)


@router.put("", summary="Choose immediate e-mails, a daily digest, or none", responses=problems())
async def set_preferences(
    body: NotificationPreferences, principal: CurrentPrincipal, ctx: Ctx
) -> NotificationPreferences:
    return await use.set_preferences(ctx, principal, body)
