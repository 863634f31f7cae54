"""A programme's report queue, for its managers: the open reports (or the resolved
ones), a form to resolve (or reopen) each, and for a reported forum post a form to hide
it. A report of a private message shows only what messaging's report API gives."""

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
from tandem_web.domain.reports import QueueShown
from tandem_web.domain.sessions import WebSession
from tandem_web.service.reports import (
    STATUSES,
    NotHandled,
    hide_reported_post,
    reports_page,
    set_report_status,
)

router = APIRouter(prefix="/programmes/{programme_id}/reports")
NOTICES = frozenset({"resolved", "open", "hidden"})


async def _queue(
    request: Request,
    settings: Settings,
    session: WebSession,
    programme_id: uuid.UUID,
    status: str = "open",
    refused: NotHandled | None = None,
    notice: str | None = None,
) -> HTMLResponse:
    found = await reports_page(settings, session, programme_id, status, browser_zone(request))
    code = found.status
    if refused is not None and found.shown is QueueShown.SHOWN:
        code = refused.status or 503
    return page(
        request,
        "reports.html",
        session,
        status_code=code,
        title="Reports",
        found=found,
        error="refused" if refused is not None else None,
        notice=notice,
    )


@router.get("", response_class=HTMLResponse)
async def read(
    request: Request,
    settings: Settings,
    session: CurrentSession,
    programme_id: uuid.UUID,
    status: str = "open",
    done: str | None = None,
) -> Response:
    if session is None:
        return see_other("/")
    shown = status if status in STATUSES else "open"
    notice = done if done in NOTICES else None
    return await _queue(request, settings, session, programme_id, shown, notice=notice)


@router.post("/{report_id}/status")
async def change_status(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    programme_id: uuid.UUID,
    report_id: uuid.UUID,
    status: Annotated[str, Form(max_length=16)] = "resolved",
) -> Response:
    if session is None:
        return see_other("/")
    wanted = status if status in STATUSES else "resolved"
    try:
        await set_report_status(settings, session, programme_id, report_id, wanted)
    except NotHandled as refused:
        return await _queue(request, settings, session, programme_id, refused=refused)
    return see_other(f"/programmes/{programme_id}/reports?done={wanted}")


@router.post("/{report_id}/hidden-post")
async def hide(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    programme_id: uuid.UUID,
    report_id: uuid.UUID,
    forum_id: Annotated[uuid.UUID, Form()],
    post_id: Annotated[uuid.UUID, Form()],
) -> Response:
    if session is None:
        return see_other("/")
    try:
        await hide_reported_post(settings, session, forum_id, post_id)
    except NotHandled as refused:
        return await _queue(request, settings, session, programme_id, refused=refused)
    return see_other(f"/programmes/{programme_id}/reports?done=hidden#report-{report_id}")
