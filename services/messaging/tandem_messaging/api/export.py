"""Your data: everything you wrote, decrypted, as a JSON attachment."""

from __future__ import annotations

from fastapi import APIRouter, Response

from tandem_kit.auth import CurrentPrincipal
from tandem_messaging.api.deps import Ctx, problems
from tandem_messaging.schemas.export import ExportPublic
from tandem_messaging.service import export as use

router = APIRouter(prefix="/v1/me/export", tags=["privacy"])

# A download, not a page: browsers save it under this name.
FILENAME = "tandem-messaging-export.json"


@router.get(
    "",
    summary="Export everything you wrote (JSON)",
    description="Messages, forum threads and posts, report notes, agreement changes "
    "and your notification preferences, decrypted.",
    responses=problems(),
)
async def export_mine(principal: CurrentPrincipal, ctx: Ctx, response: Response) -> ExportPublic:
    response.headers["Content-Disposition"] = f'attachment; filename="{FILENAME}"'
    return await use.export_mine(ctx, principal)
