"""A manager's match runs: the list with a form to start one, a run's page following its
progress (static/match_run.js polls ``…/progress`` every second and moves the
<progress> bar; without JavaScript the page refreshes itself), and cancelling."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from tandem_web.adapters import match_runs_api
from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.api.deps import (
    CheckedForm,
    CurrentSession,
    Settings,
    browser_zone,
)
from tandem_web.api.rendering import page, see_other
from tandem_web.domain.match_runs import EditRefused, Run, progress_of
from tandem_web.service.manager_pages import may_manage
from tandem_web.service.match_runs import change, progress, run_page, runs_page
from tandem_web.templating import templates

router = APIRouter(prefix="/programmes/{programme_id}/match-runs")


def refused_status(refused: EditRefused, shown_status: int) -> int:
    """The page's status: the page's own refusal first, then matching's (503: down)."""
    return shown_status if shown_status != 200 else refused.status or 503


@router.get("", response_class=HTMLResponse)
async def read_runs(
    request: Request, settings: Settings, session: CurrentSession, programme_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    found = await runs_page(settings, session, programme_id, browser_zone(request))
    return page(
        request,
        "match_runs.html",
        session,
        status_code=found.status,
        title="Match runs",
        found=found,
    )


@router.post("")
async def start(
    request: Request, settings: Settings, session: CheckedForm, programme_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")

    async def call(url: str, token: str) -> Run:
        return await match_runs_api.start(url, token, programme_id)

    try:
        run = await change(settings, session, programme_id, call)
    except EditRefused as refused:
        found = await runs_page(settings, session, programme_id, browser_zone(request))
        return page(
            request,
            "match_runs.html",
            session,
            status_code=refused_status(refused, found.status),
            title="Match runs",
            found=found,
            refused=refused,
        )
    return see_other(f"/programmes/{programme_id}/match-runs/{run.id}")


@router.get("/{run_id}", response_class=HTMLResponse)
async def read_run(
    request: Request,
    settings: Settings,
    session: CurrentSession,
    programme_id: uuid.UUID,
    run_id: uuid.UUID,
) -> Response:
    if session is None:
        return see_other("/")
    found = await run_page(settings, session, programme_id, run_id, browser_zone(request))
    return page(
        request,
        "match_run.html",
        session,
        status_code=found.status,
        title="Match run",
        found=found,
    )


@router.get("/{run_id}/progress")
async def read_progress(
    settings: Settings, session: CurrentSession, programme_id: uuid.UUID, run_id: uuid.UUID
) -> Response:
    """The run's status, phase and percentage as JSON, for the run page's script."""
    if session is None:
        return JSONResponse({"error": "signed_out"}, status_code=401)
    if not may_manage(session, programme_id):
        return JSONResponse({"error": "forbidden"}, status_code=403)
    try:
        run = await progress(settings, session, programme_id, run_id)
    except Refused as refused:
        return JSONResponse({"error": "refused"}, status_code=refused.status)
    except ServiceUnavailable:
        return JSONResponse({"error": "unavailable"}, status_code=503)
    # The words are the run page's own (its template), in the reader's language.
    text = templates.get_template("_run_phase.html").render(run=run)
    return JSONResponse(progress_of(run) | {"text": text}, headers={"Cache-Control": "no-store"})


@router.post("/{run_id}/cancel")
async def cancel(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    programme_id: uuid.UUID,
    run_id: uuid.UUID,
) -> Response:
    if session is None:
        return see_other("/")

    async def call(url: str, token: str) -> Run:
        return await match_runs_api.cancel(url, token, programme_id, run_id)

    try:
        await change(settings, session, programme_id, call)
    except EditRefused as refused:
        found = await run_page(settings, session, programme_id, run_id, browser_zone(request))
        return page(
            request,
            "match_run.html",
            session,
            status_code=refused_status(refused, found.status),
            title="Match run",
            found=found,
            refused=refused,
        )
    return see_other(f"/programmes/{programme_id}/match-runs/{run_id}")
