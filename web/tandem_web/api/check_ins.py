"""The viewer's check-ins and evaluations: each open one with its questions on the 1-5
scale (radios), and a mentee's employment outcome after her relationship ended (POST,
then a redirect back). An answer outside 1-5 is a 422 page keeping the choices."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
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
from tandem_web.domain.check_ins import STATUSES, answers_of
from tandem_web.domain.sessions import WebSession
from tandem_web.domain.shown import STATUS
from tandem_web.service import check_ins as use
from tandem_web.service.shown import NotDone

router = APIRouter(prefix="/check-ins")


async def _render(
    request: Request,
    settings: Settings,
    session: WebSession,
    *,
    status: int = 200,
    error: str | None = None,
    form: str | None = None,  # the check-in's id, or "outcome-<relationship id>"
    typed: dict[str, str] | None = None,
) -> HTMLResponse:
    zone = browser_zone(request)
    who, found = await use.check_ins_page(settings, session, zone, datetime.now(UTC))
    return page(
        request,
        "check_ins.html",
        session,
        status_code=status,
        title="Check-ins and evaluations",
        found=found,
        zone=who.zone,
        statuses=STATUSES,
        error=error,
        form=form,
        typed=typed or {},
    )


async def _submit(
    request: Request,
    settings: Settings,
    session: WebSession,
    call: Callable[[], Awaitable[None]],
    form: str,
    typed: dict[str, str],
) -> Response:
    try:
        await call()
    except NotDone as refused:
        return await _render(
            request,
            settings,
            session,
            status=STATUS[refused.shown],
            error=str(refused.shown),
            form=form,
            typed=typed,
        )
    return see_other("/check-ins")


@router.get("", response_class=HTMLResponse)
async def read(request: Request, settings: Settings, session: CurrentSession) -> Response:
    if session is None:
        return see_other("/")
    return await _render(request, settings, session)


@router.post("/{check_in_id}/answers")
async def answer(
    request: Request, settings: Settings, session: CheckedForm, check_in_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    sent = await request.form()
    typed = {k: v for k, v in sent.items() if k.startswith("q-") and isinstance(v, str)}
    open_now = await use.open_ones(settings, session, datetime.now(UTC))
    if open_now is None:
        return await _render(request, settings, session, status=503, error="unavailable")
    check_in = next((c for c in open_now if c.id == check_in_id), None)
    if check_in is None:
        # Not the viewer's, or answered or closed already: the page as it now is.
        return await _render(
            request, settings, session, status=404, error="missing", form=str(check_in_id)
        )
    answers, valid = answers_of(check_in, typed)
    if not valid:
        return await _render(
            request,
            settings,
            session,
            status=422,
            error="scale",
            form=str(check_in_id),
            typed=typed,
        )

    async def call() -> None:
        await use.answer(settings, session, check_in_id, answers)

    return await _submit(request, settings, session, call, str(check_in_id), typed)


@router.post("/outcomes/{relationship_id}")
async def outcome(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    relationship_id: uuid.UUID,
    status: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    if session is None:
        return see_other("/")
    form, typed = f"outcome-{relationship_id}", {"status": status}
    if status not in STATUSES:
        return await _render(
            request, settings, session, status=422, error="status", form=form, typed=typed
        )

    async def call() -> None:
        await use.record_outcome(settings, session, relationship_id, status)

    return await _submit(request, settings, session, call, form, typed)
