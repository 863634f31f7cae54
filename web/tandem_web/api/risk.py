"""A programme's relationships at risk, for its managers: analytics' open flags, each
with a form to dismiss it (POST, then a redirect back), and the dashboard's figures."""

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
from tandem_web.domain.risk import RiskShown
from tandem_web.service.risk import NotDismissed, dismiss_flag, risk_page

router = APIRouter(prefix="/programmes/{programme_id}")
MAX_REASON = 500  # analytics' limit


@router.get("/risk", response_class=HTMLResponse)
async def read(
    request: Request, settings: Settings, session: CurrentSession, programme_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    found = await risk_page(
        settings, session, programme_id, request.state.language, browser_zone(request)
    )
    return page(
        request,
        "risk.html",
        session,
        status_code=found.status,
        title="Relationships at risk",
        found=found,
    )


@router.post("/risk-flags/{flag_id}/dismissal")
async def dismiss(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    programme_id: uuid.UUID,
    flag_id: uuid.UUID,
    reason: Annotated[str, Form(min_length=1, max_length=MAX_REASON)],
) -> Response:
    if session is None:
        return see_other("/")
    language = request.state.language
    try:
        await dismiss_flag(settings, session, programme_id, flag_id, reason, language)
    except NotDismissed as refused:
        found = await risk_page(settings, session, programme_id, language, browser_zone(request))
        status = found.status if found.shown is not RiskShown.SHOWN else refused.status or 503
        return page(
            request,
            "risk.html",
            session,
            status_code=status,
            title="Relationships at risk",
            found=found,
            error="cleared" if refused.status == 409 else "refused",
        )
    return see_other(f"/programmes/{programme_id}/risk")
