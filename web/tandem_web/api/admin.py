"""The administrator's pages: the platform's organisations and programmes (the admin's
home), and the forms that create an organisation and a programme. A refused input shows
the form again with what was typed and each reason beside its field; anyone but an admin
is told, with a 403, that these pages are not theirs."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from tandem_web.api.deps import CheckedForm, CurrentSession, Settings
from tandem_web.api.rendering import page, see_other
from tandem_web.domain.admin import FORMATS, SEVERAL, SINGLE, Errors, Values, choices, form_values
from tandem_web.domain.sessions import WebSession
from tandem_web.service.admin import (
    NotCreated,
    admin_home,
    create_organisation,
    create_programme,
    is_admin,
    organisations,
)
from tandem_web.settings import WebSettings

router = APIRouter()
PROGRAMME_DEFAULTS: Values = {
    "formats": "pair",
    "group_min": "3",
    "group_max": "6",
    "time_zone": "UTC",
    "manager_preferred_language": "en",
    "manager_time_zone": "UTC",
}


async def admin_home_page(
    request: Request, settings: WebSettings, session: WebSession
) -> HTMLResponse:
    """``GET /`` for an admin (``api/pages.py`` chooses it): with a confirmation when the
    admin has just created an organisation or a programme."""
    found = await admin_home(settings, session)
    created = request.query_params.get("created")
    made = next((p for p in found.programmes if p.id == created), None)
    organisation = request.query_params.get("organisation")
    made_organisation = next((o for o in found.organisations if o.id == organisation), None)
    return page(
        request,
        "admin_home.html",
        session,
        title="Administration",
        found=found,
        created=made,
        created_organisation=made_organisation,
    )


def _forbidden(request: Request, session: WebSession) -> HTMLResponse:
    return page(request, "admin_refusal.html", session, status_code=403, title="Administration")


def _organisation_form(
    request: Request, session: WebSession, name: str, errors: Errors, status: int = 200
) -> HTMLResponse:
    return page(
        request,
        "new_organisation.html",
        session,
        status_code=status,
        title="New organisation",
        organisation_name=name,
        errors=errors,
    )


async def _programme_form(
    request: Request,
    settings: WebSettings,
    session: WebSession,
    values: Values,
    errors: Errors,
    status: int = 200,
) -> HTMLResponse:
    return page(
        request,
        "new_programme.html",
        session,
        status_code=status,
        title="New programme",
        values=values,
        errors=errors,
        organisations=await organisations(settings, session),
        formats=FORMATS,
        **choices(request.state.language),
    )


@router.get("/organisations/new", response_class=HTMLResponse)
async def new_organisation(request: Request, session: CurrentSession) -> Response:
    if session is None:
        return see_other("/")
    if not is_admin(session):
        return _forbidden(request, session)
    return _organisation_form(request, session, "", {})


@router.post("/organisations/new")
async def add_organisation(request: Request, settings: Settings, session: CheckedForm) -> Response:
    if session is None:
        return see_other("/")
    if not is_admin(session):
        return _forbidden(request, session)
    submitted = await request.form()
    name = submitted.get("name")
    name = name if isinstance(name, str) else ""
    try:
        made = await create_organisation(settings, session, name)
    except NotCreated as refusal:
        return _organisation_form(request, session, name, refusal.errors, refusal.status)
    return see_other(f"/?organisation={made.id}")


@router.get("/programmes/new", response_class=HTMLResponse)
async def new_programme(
    request: Request, settings: Settings, session: CurrentSession, organisation_id: str = ""
) -> Response:
    if session is None:
        return see_other("/")
    if not is_admin(session):
        return _forbidden(request, session)
    values = form_values({**PROGRAMME_DEFAULTS, "organisation_id": organisation_id}, {})
    return await _programme_form(request, settings, session, values, {})


@router.post("/programmes/new")
async def add_programme(request: Request, settings: Settings, session: CheckedForm) -> Response:
    if session is None:
        return see_other("/")
    if not is_admin(session):
        return _forbidden(request, session)
    submitted = await request.form()
    form = {k: v for k, v in submitted.items() if isinstance(v, str) and k in SINGLE}
    several = {k: [v for v in submitted.getlist(k) if isinstance(v, str)] for k in SEVERAL}
    values = form_values(form, several)
    try:
        made = await create_programme(settings, session, values)
    except NotCreated as refusal:
        return await _programme_form(
            request, settings, session, values, refusal.errors, refusal.status
        )
    return see_other(f"/programmes/{made.id}/settings")
