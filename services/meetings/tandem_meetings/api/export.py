"""Your data: everything meetings holds about you, decrypted, as a JSON attachment."""

from __future__ import annotations

from fastapi import APIRouter, Response

from tandem_kit.auth import CurrentPrincipal
from tandem_meetings.api.deps import Ctx, problems
from tandem_meetings.schemas.export import ExportPublic
from tandem_meetings.service import export as use

router = APIRouter(prefix="/v1/me/export", tags=["privacy"])

# A download, not a page: browsers save it under this name.
FILENAME = "tandem-meetings-export.json"


@router.get(
    "",
    summary="Export everything meetings holds about you (JSON)",
    description="Across your programmes: your contact copy, availability and override, "
    "external calendar (its URL decrypted) and busy times, memberships, the meetings you "
    "are invited to with your answers, goals you added, notes you wrote, reminders still "
    "due and whether you have a personal calendar feed (never its token).",
    responses=problems(),
)
async def export_mine(principal: CurrentPrincipal, ctx: Ctx, response: Response) -> ExportPublic:
    response.headers["Content-Disposition"] = f'attachment; filename="{FILENAME}"'
    return await use.export_mine(ctx, principal)
