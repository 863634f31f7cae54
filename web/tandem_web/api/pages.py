"""The pages anyone may see before signing in."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from tandem_web.templating import templates

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
async def home(request: Request) -> HTMLResponse:
    return templates.TemplateResponse(request, "home.html", {"title": "Tandem"})


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}
