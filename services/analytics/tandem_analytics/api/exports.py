"""A programme's CSV export, streamed (its managers and admins)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from tandem_analytics.api.deps import Ctx, problems
from tandem_analytics.schemas.exports import CSV_MEDIA_TYPE, CSV_RESPONSE
from tandem_analytics.service import exports as use
from tandem_kit.auth import CurrentPrincipal

router = APIRouter(prefix="/v1/programmes/{programme_id}/export.csv", tags=["statistics"])


@router.get(
    "",
    summary="The programme's relationships as CSV, streamed (its managers)",
    response_class=StreamingResponse,
    responses={**CSV_RESPONSE, **problems(403, 404)},
)
async def export_csv(
    programme_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> StreamingResponse:
    chunks = use.programme_csv(ctx, principal, programme_id)
    return StreamingResponse(
        chunks,
        media_type=CSV_MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="programme-{programme_id}.csv"'},
    )
