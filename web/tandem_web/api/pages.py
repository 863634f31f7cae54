"""The pages anyone may see before signing in."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse

from tandem_web.api.deps import CurrentSession
from tandem_web.api.rendering import page
from tandem_web.service.sessions import Sessions

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
async def home(request: Request, session: CurrentSession) -> HTMLResponse:
    return page(request, "home.html", session, title="Tandem")


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
