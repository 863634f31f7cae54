"""A participant's weekly availability for meetings: an editor of rows (a day, from,
to) in their own zone that works with forms alone: "Add a row" and the "remove" boxes
post the rows back and show them again (nothing saved), "Save" puts them in meetings,
then redirects back; "Use my profile's" drops the override."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from tandem_web.api.deps import CheckedForm, CurrentSession, Settings
from tandem_web.api.rendering import page, see_other
from tandem_web.domain.availability import MAX_ROWS, AvailabilityPage, Row, rows_of
from tandem_web.domain.sessions import WebSession
from tandem_web.service.availability import (
    availability_page,
    reset_availability,
    save_availability,
    with_rows,
)

router = APIRouter(prefix="/programmes/{programme_id}/availability")


def _render(
    request: Request, session: WebSession, found: AvailabilityPage, *, saved: bool = False
) -> HTMLResponse:
    rows = found.availability.rows if found.availability else ()
    if found.availability is not None and not rows:
        found = with_rows(found, [Row()])  # an empty list still offers a row to fill
    return page(
        request,
        "availability.html",
        session,
        status_code=found.status,
        title="Your weekly availability",
        found=found,
        saved=saved,
    )


@router.get("", response_class=HTMLResponse)
async def read(
    request: Request, settings: Settings, session: CurrentSession, programme_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    found = await availability_page(settings, session, programme_id)
    return _render(request, session, found, saved=request.query_params.get("saved") == "1")


@router.post("")
async def edit(
    request: Request, settings: Settings, session: CheckedForm, programme_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    form = await request.form()

    def texts(name: str) -> list[str]:
        return [str(v)[:20] for v in form.getlist(name)][: MAX_ROWS + 1]

    rows = rows_of(texts("weekday"), texts("start"), texts("end"), texts("remove"))
    if form.get("action") == "add":
        found = await availability_page(settings, session, programme_id)
        extra = [Row()] if len(rows) < MAX_ROWS else []
        return _render(request, session, with_rows(found, [*rows, *extra]))
    found = await save_availability(settings, session, programme_id, rows)
    if found.status != 200:
        return _render(request, session, found)
    return see_other(f"/programmes/{programme_id}/availability?saved=1")


@router.post("/reset")
async def reset(
    request: Request, settings: Settings, session: CheckedForm, programme_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    found = await reset_availability(settings, session, programme_id)
    if found.status != 200:
        return _render(request, session, found)
    return see_other(f"/programmes/{programme_id}/availability?saved=1")
