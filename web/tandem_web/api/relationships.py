"""A programme's relationships, for its managers: each with its members, its state and
its open at-risk flag's reasons (the risk page dismisses flags)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from tandem_web.api.deps import CurrentSession, Settings, browser_zone
from tandem_web.api.rendering import page, see_other
from tandem_web.service.relationships import relationships_page

router = APIRouter(prefix="/programmes/{programme_id}")


@router.get("/relationships", response_class=HTMLResponse)
async def read(
    request: Request, settings: Settings, session: CurrentSession, programme_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    zone = browser_zone(request)
    found = await relationships_page(settings, session, programme_id, request.state.language, zone)
    return page(
        request,
        "relationships.html",
        session,
        status_code=found.status,
        title="Relationships",
        found=found,
    )
