"""The pages anyone may see before signing in."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from tandem_web.api.deps import CurrentSession
from tandem_web.api.rendering import page

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
async def home(request: Request, session: CurrentSession) -> HTMLResponse:
    return page(request, "home.html", session, title="Tandem")


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}
