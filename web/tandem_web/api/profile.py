"""A participant's own profile in a programme: a form that shows matching's record and
changes it (POST, then a redirect back; a refused change is the form again, as typed,
with each error next to its field)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from tandem_web.api.deps import (
    CheckedForm,
    CurrentSession,
    Settings,
    browser_zone,
)
from tandem_web.api.rendering import page, see_other
from tandem_web.domain.profile import FORMATS, MODALITIES, TEXT_FIELDS, ProfilePage
from tandem_web.domain.sessions import WebSession
from tandem_web.service.home import ZONES
from tandem_web.service.profile import profile_page, save_profile

router = APIRouter(prefix="/programmes/{programme_id}/profile")
# The zones offered, as the tz database names them (what matching accepts).
ZONE_CHOICES = (*sorted(z for z in ZONES if "/" in z and not z.startswith("Etc/")), "UTC")


def _render(
    request: Request, session: WebSession, found: ProfilePage, *, saved: bool = False
) -> HTMLResponse:
    return page(
        request,
        "profile.html",
        session,
        status_code=found.status,
        title="Your profile",
        found=found,
        saved=saved,
        zones=ZONE_CHOICES,
        formats=FORMATS,
        modalities=MODALITIES,
    )


@router.get("", response_class=HTMLResponse)
async def read(
    request: Request, settings: Settings, session: CurrentSession, programme_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    found = await profile_page(settings, session, programme_id, browser_zone(request))
    return _render(request, session, found, saved=request.query_params.get("saved") == "1")


@router.post("")
async def save(
    request: Request, settings: Settings, session: CheckedForm, programme_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    form = await request.form()
    typed = {name: str(form.get(name, ""))[:1000] for name in TEXT_FIELDS if name in form}
    consent = form.get("linkedin_consent") == "yes"
    found = await save_profile(
        settings, session, programme_id, typed, consent, browser_zone(request)
    )
    if found.status != 200:
        return _render(request, session, found)
    return see_other(f"/programmes/{programme_id}/profile?saved=1")
