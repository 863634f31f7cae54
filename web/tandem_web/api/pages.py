"""The home page: what anyone sees before signing in, a mentee's or mentor's "what next"
once they have, and a manager's programmes (below "what next" for someone who is both)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse

from tandem_web.api.admin import admin_home_page
from tandem_web.api.deps import CurrentSession, Settings, browser_zone
from tandem_web.api.rendering import page
from tandem_web.domain.risk import ManagedProgramme
from tandem_web.service.admin import is_admin
from tandem_web.service.home import grants, participant_home
from tandem_web.service.risk import managed_programmes
from tandem_web.service.sessions import Sessions

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
async def home(request: Request, settings: Settings, session: CurrentSession) -> HTMLResponse:
    if session is None:
        return page(request, "home.html", session, title="Tandem")
    granted = grants(session)
    if not granted.participant:
        if not granted.manager:
            if is_admin(session):  # platform-wide: organisations and programmes to set up
                return await admin_home_page(request, settings, session)
            return page(request, "home.html", session, title="Tandem")
        programmes, unnamed = await managed_programmes(settings, session)
        return page(
            request,
            "manager_home.html",
            session,
            title="Your programmes",
            programmes=programmes,
            unnamed=unnamed,
        )
    zone = browser_zone(request)

    async def managed() -> tuple[list[ManagedProgramme], bool]:
        # A participant of one programme may manage another: both are on their home.
        return await managed_programmes(settings, session) if granted.manager else ([], False)

    found, (programmes, unnamed) = await asyncio.gather(
        participant_home(settings, session, zone, datetime.now(UTC)), managed()
    )
    return page(
        request,
        "participant_home.html",
        session,
        title="What next",
        home=found,
        programmes=programmes,
        unnamed=unnamed,
        participant_programmes=granted.participant,  # the profile and availability links
        forum_programmes=granted.participant,
    )


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(request: Request) -> JSONResponse:
    """Ready when its own sessions can be read; the services' health is theirs to report
    (a page says so when one does not answer), so a slow service restarts no web pod."""
    sessions: Sessions = request.app.state.sessions
    if await sessions.ready():
        return JSONResponse({"status": "ready"})
    return JSONResponse({"status": "unavailable", "failing": ["sessions"]}, status_code=503)
