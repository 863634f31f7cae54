"""A manager's participant imports: the upload form with the programme's earlier
imports (GET), the upload (POST, multipart, then a redirect to its report), and a
report's page with every bad row's line and reason. A file that is not a CSV, too big,
empty, or refused by matching as a whole is the form again with why (a 4xx)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.api.deps import (
    CheckedForm,
    CurrentSession,
    Settings,
    browser_zone,
)
from tandem_web.api.rendering import page, see_other
from tandem_web.domain.imports import MAX_BYTES, MODES, NotImported, upload_refusal
from tandem_web.domain.manager_pages import Shown
from tandem_web.service.imports import imports_page, upload
from tandem_web.service.manager_pages import may_manage

router = APIRouter(prefix="/programmes/{programme_id}")
TITLE = "Import participants"
# The web app's own refusals of a file, before matching sees it.
STATUS = {"not_csv": 415, "too_large": 413, "empty": 422, "mode": 422}


@router.get("/imports", response_class=HTMLResponse)
async def read(
    request: Request, settings: Settings, session: CurrentSession, programme_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    found = await imports_page(settings, session, programme_id, browser_zone(request))
    return page(
        request, "imports.html", session, status_code=found.status, title=TITLE, found=found
    )


async def _form_again(
    request: Request,
    settings: Settings,
    session: Any,
    programme_id: uuid.UUID,
    status: int,
    mode: str,
    **why: Any,
) -> Response:
    found = await imports_page(settings, session, programme_id, browser_zone(request))
    return page(
        request,
        "imports.html",
        session,
        status_code=status if found.shown is Shown.SHOWN else found.status,
        title=TITLE,
        found=found,
        mode=mode,
        **why,
    )


@router.post("/imports")
async def upload_csv(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    programme_id: uuid.UUID,
    file: Annotated[UploadFile, File()],
    mode: Annotated[str, Form(max_length=20)] = "valid_only",
) -> Response:
    if session is None:
        return see_other("/")
    if not may_manage(session, programme_id):
        return await _form_again(request, settings, session, programme_id, 403, mode)
    data = await file.read(MAX_BYTES + 1)
    problem = (
        "mode"
        if mode not in MODES
        else upload_refusal(file.filename, file.content_type, data[:8192])
        or ("too_large" if len(data) > MAX_BYTES else "empty" if not data.strip() else None)
    )
    if problem:
        return await _form_again(
            request, settings, session, programme_id, STATUS[problem], mode, error=problem
        )
    try:
        report = await upload(
            settings, session, programme_id, data, file.filename or "participants.csv", mode
        )
    except NotImported as refused:
        return await _form_again(
            request, settings, session, programme_id, refused.status, mode, refused=refused
        )
    except Refused as refused:
        return await _form_again(request, settings, session, programme_id, refused.status, mode)
    except ServiceUnavailable:
        return await _form_again(
            request, settings, session, programme_id, 503, mode, error="unavailable"
        )
    return see_other(f"/programmes/{programme_id}/imports/{report.id}")


@router.get("/imports/{import_id}", response_class=HTMLResponse)
async def read_report(
    request: Request,
    settings: Settings,
    session: CurrentSession,
    programme_id: uuid.UUID,
    import_id: uuid.UUID,
) -> Response:
    if session is None:
        return see_other("/")
    found = await imports_page(settings, session, programme_id, browser_zone(request), import_id)
    return page(
        request,
        "import_report.html",
        session,
        status_code=found.status,
        title="Import report",
        found=found,
    )
