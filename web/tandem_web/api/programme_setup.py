"""A programme's set-up, for its managers: one page of sections (the programme, its
matching policy beside analytics' suggested weights, the blended plan, the agreement
template, conversation retention, mail wording, drop-out risk thresholds), each a form
that saves on its own (POST, then a 303 back with a confirmation). A refused input
shows the page again, the manager's input kept and each reason next to its field."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from tandem_web.api.deps import CheckedForm, CurrentSession, Settings
from tandem_web.api.rendering import page, see_other
from tandem_web.domain.programme_setup import (
    ANCHORS,
    CHANNELS,
    COUNTRY_POLICIES,
    CRITERIA,
    MODES,
    REACHES,
    SWITCHABLE,
    THRESHOLDS,
    Part,
    mail_choices,
)
from tandem_web.domain.sessions import WebSession
from tandem_web.service.programme_setup import NotSaved, SetupPage, refused_page, save, setup_page

router = APIRouter(prefix="/programmes/{programme_id}")
TITLE = "Programme set-up"


def _render(request: Request, session: WebSession, found: SetupPage, status: int) -> HTMLResponse:
    return page(
        request,
        "programme_settings.html",
        session,
        status_code=status,
        title=TITLE,
        found=found,
        parts=Part,
        criteria=CRITERIA,
        switchable=SWITCHABLE,
        reaches=REACHES,
        country_policies=COUNTRY_POLICIES,
        modes=MODES,
        anchors=ANCHORS,
        channels=CHANNELS,
        thresholds=THRESHOLDS,
        mails=mail_choices(),
    )


@router.get("/settings", response_class=HTMLResponse)
async def read(
    request: Request,
    settings: Settings,
    session: CurrentSession,
    programme_id: uuid.UUID,
    saved: str | None = None,
) -> Response:
    if session is None:
        return see_other("/")
    found = await setup_page(settings, session, programme_id, saved)
    return _render(request, session, found, found.status)


@router.post("/settings/{part}")
async def change(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    programme_id: uuid.UUID,
    part: Part,
) -> Response:
    if session is None:
        return see_other("/")
    submitted = await request.form()
    form = {k: v for k, v in submitted.items() if isinstance(v, str)}
    try:
        await save(settings, session, programme_id, part, form)
    except NotSaved as refusal:
        found, status = await refused_page(settings, session, programme_id, part, form, refusal)
        return _render(request, session, found, status)
    return see_other(f"/programmes/{programme_id}/settings?saved={part.value}#{part.value}")
