"""Privacy: what the manager sees about me, my data as one download, my notification
e-mails, and erasure (a confirmation form, then the session ends). The download is made
here from each service's export with the session's token: the browser never holds one."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from tandem_web.api.deps import (
    SESSION_COOKIE,
    CheckedForm,
    CurrentSession,
    SessionsDep,
    Settings,
    browser_zone,
)
from tandem_web.api.rendering import page, see_other
from tandem_web.domain.participants import Section
from tandem_web.domain.privacy import HOURS, NEW_MESSAGE_MAILS, Preferences
from tandem_web.domain.sessions import WebSession
from tandem_web.service.privacy import (
    Erasure,
    ExportUnavailable,
    NotSaved,
    erase_me,
    export_zip,
    privacy_page,
    save_preferences,
    typed_preferences,
    why_not_erasable,
)

router = APIRouter()
ERASURE_STATUS = {
    Erasure.MISSING: 404,
    Erasure.ALREADY: 409,
    Erasure.UNAVAILABLE: 503,
}


async def _render(
    request: Request,
    settings: Settings,
    session: WebSession,
    status: int = 200,
    typed: Section[Preferences] | None = None,
    **extra: object,
) -> HTMLResponse:
    found = await privacy_page(settings, session, browser_zone(request))
    if typed is not None:
        found = replace(found, preferences=typed)  # the form as sent, to correct
    return page(
        request,
        "privacy.html",
        session,
        status_code=status,
        title="Your privacy",
        found=found,
        mails=NEW_MESSAGE_MAILS,
        hours=HOURS,
        **extra,
    )


@router.get("/privacy", response_class=HTMLResponse)
async def read(request: Request, settings: Settings, session: CurrentSession) -> Response:
    if session is None:
        return see_other("/")
    saved = request.query_params.get("saved") == "notifications"
    return await _render(request, settings, session, saved=saved)


@router.post("/privacy/notifications")
async def notifications(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    new_message: Annotated[str, Form(max_length=40)] = "",
    digest_hour: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    if session is None:
        return see_other("/")
    try:
        await save_preferences(settings, session, new_message, digest_hour)
    except NotSaved as refused:
        status = 503 if refused.errors.get("_") == "unavailable" else 422
        return await _render(
            request,
            settings,
            session,
            status,
            errors=refused.errors,
            typed=typed_preferences(new_message, digest_hour),
        )
    return see_other("/privacy?saved=notifications#notifications")


@router.get("/privacy/export")
async def download(request: Request, settings: Settings, session: CurrentSession) -> Response:
    if session is None:
        return see_other("/")
    now = datetime.now(UTC)
    try:
        archive = await export_zip(settings, session, now)
    except ExportUnavailable as down:
        return await _render(request, settings, session, 503, export_down=down.service)
    name = f"tandem-my-data-{now:%Y-%m-%d}.zip"
    return Response(
        archive,
        media_type="application/zip",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )


def _erasure(
    request: Request,
    session: WebSession | None,
    programme_id: uuid.UUID,
    shown: Erasure | None,
    status: int = 200,
    **extra: object,
) -> HTMLResponse:
    return page(
        request,
        "erasure.html",
        session,
        status_code=status,
        title="Erase your data",
        programme_id=programme_id,
        shown=shown,
        idempotency_key=uuid.uuid4().hex,
        **extra,
    )


@router.get("/programmes/{programme_id}/erasure", response_class=HTMLResponse)
async def confirm(
    request: Request, settings: Settings, session: CurrentSession, programme_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    refused = await why_not_erasable(settings, session, programme_id)
    if refused is not None:
        return _erasure(request, session, programme_id, refused, ERASURE_STATUS[refused])
    return _erasure(request, session, programme_id, None)


@router.post("/programmes/{programme_id}/erasure")
async def erase(
    request: Request,
    settings: Settings,
    sessions: SessionsDep,
    session: CheckedForm,
    programme_id: uuid.UUID,
    idempotency_key: Annotated[str, Form(min_length=8, max_length=64, pattern="^[0-9a-f]+$")],
    confirm: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    if session is None:
        return see_other("/")
    if confirm != "yes":
        return _erasure(request, session, programme_id, None, 422, unconfirmed=True)
    done = await erase_me(settings, session, programme_id, idempotency_key)
    if done is not Erasure.ERASED:
        return _erasure(request, session, programme_id, done, ERASURE_STATUS[done])
    # Erased: the session ends here (its token still names a role the data no longer has).
    await sessions.close(request.cookies.get(SESSION_COOKIE))
    response = see_other("/privacy/erased")
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/privacy/erased", response_class=HTMLResponse)
async def erased(request: Request, session: CurrentSession) -> HTMLResponse:
    return page(request, "erased.html", session, title="Your data was erased")
