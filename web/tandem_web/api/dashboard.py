"""A programme's dashboard, for its managers: analytics' figures as charts (inline SVG,
each with its title, description and the same figures as a table) and a CSV download
that the web app streams through from analytics with the session's token."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse

from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.api.deps import CurrentSession, Settings
from tandem_web.api.rendering import page, see_other
from tandem_web.domain.risk import RiskShown
from tandem_web.service.dashboard import DashboardPage, csv_export, dashboard_page, refusal

router = APIRouter(prefix="/programmes/{programme_id}")
TITLE = "Programme dashboard"
CSV_MEDIA_TYPE = "text/csv; charset=utf-8"


@router.get("/dashboard", response_class=HTMLResponse)
async def read(
    request: Request, settings: Settings, session: CurrentSession, programme_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    found = await dashboard_page(settings, session, programme_id, request.state.language)
    return page(
        request, "dashboard.html", session, status_code=found.status, title=TITLE, found=found
    )


@router.get("/dashboard/export.csv")
async def download(
    request: Request, settings: Settings, session: CurrentSession, programme_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    try:
        chunks, disposition = await csv_export(settings, session, programme_id)
    except (Refused, ServiceUnavailable) as failed:
        shown = (
            refusal(session, programme_id, failed.status)
            if isinstance(failed, Refused)
            else RiskShown.UNAVAILABLE
        )
        found = DashboardPage(shown, programme_id)
        return page(
            request, "dashboard.html", session, status_code=found.status, title=TITLE, found=found
        )
    return StreamingResponse(
        chunks, media_type=CSV_MEDIA_TYPE, headers={"Content-Disposition": disposition}
    )
