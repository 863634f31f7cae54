"""A relationship's communication agreement: its current version, who accepted it, and
an Accept form for the viewer (POST, then a redirect back to the agreement)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from tandem_web.api.deps import (
    CheckedForm,
    CurrentSession,
    Settings,
    browser_zone,
)
from tandem_web.api.rendering import page, see_other
from tandem_web.domain.agreements import may_accept
from tandem_web.domain.sessions import WebSession
from tandem_web.domain.shown import STATUS, Shown
from tandem_web.service.agreements import accept, agreement_page
from tandem_web.service.shown import NotDone

router = APIRouter(prefix="/relationships/{relationship_id}/agreement")


async def _render(
    request: Request,
    settings: Settings,
    session: WebSession,
    relationship_id: uuid.UUID,
    error: Shown | None = None,
) -> HTMLResponse:
    zone = browser_zone(request)
    who, found = await agreement_page(settings, session, relationship_id, zone)
    status = found.status if found.shown is not Shown.SHOWN or error is None else STATUS[error]
    return page(
        request,
        "agreement.html",
        session,
        status_code=status,
        title="Communication agreement",
        found=found,
        may_accept=found.value is not None and may_accept(found.value, who.manager),
        error=error,
    )


@router.get("", response_class=HTMLResponse)
async def read(
    request: Request, settings: Settings, session: CurrentSession, relationship_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    return await _render(request, settings, session, relationship_id)


@router.post("/acceptances")
async def acceptance(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    relationship_id: uuid.UUID,
    version: Annotated[int, Form(ge=1)],
) -> Response:
    if session is None:
        return see_other("/")
    try:
        await accept(settings, session, relationship_id, version)
    except NotDone as refused:
        # 409: a newer version came meanwhile (or the relationship ended): the page shows
        # the version as it now is, to read before accepting.
        return await _render(request, settings, session, relationship_id, refused.shown)
    return see_other(f"/relationships/{relationship_id}/agreement")
