"""A mentee's re-matching offer, the page messaging's mail links to: what it is, and a
form each to accept or decline it (POST, then a redirect back to the offer)."""

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
from tandem_web.domain.rematching import OfferPage, OfferShown
from tandem_web.domain.sessions import WebSession
from tandem_web.service.rematching import NotAnswered, answer_offer, offer_page

router = APIRouter(prefix="/programmes/{programme_id}/rematching-offers")


def _render(
    request: Request, session: WebSession, found: OfferPage, error: OfferShown | None = None
) -> HTMLResponse:
    """The offer page; with ``error``, the offer as it now is and why an answer was not
    taken (the error's status)."""
    status = OfferPage(error, found.zone).status if error else found.status
    return page(
        request,
        "rematching_offer.html",
        session,
        status_code=status,
        title="A new mentor?",
        found=found,
        error=error,
    )


@router.get("/{offer_id}", response_class=HTMLResponse)
async def read(
    request: Request,
    settings: Settings,
    session: CurrentSession,
    programme_id: uuid.UUID,
    offer_id: uuid.UUID,
) -> Response:
    if session is None:
        return see_other("/")
    found = await offer_page(settings, session, programme_id, offer_id, browser_zone(request))
    return _render(request, session, found)


async def _answer(
    request: Request,
    settings: Settings,
    session: WebSession | None,
    programme_id: uuid.UUID,
    offer_id: uuid.UUID,
    *,
    accept: bool,
) -> Response:
    if session is None:
        return see_other("/")
    try:
        await answer_offer(settings, session, programme_id, offer_id, accept=accept)
    except NotAnswered as refused:
        found = await offer_page(settings, session, programme_id, offer_id, browser_zone(request))
        if found.shown is OfferShown.SHOWN:
            return _render(request, session, found, refused.shown)
        return _render(request, session, OfferPage(refused.shown, found.zone))
    return see_other(f"/programmes/{programme_id}/rematching-offers/{offer_id}")


@router.post("/{offer_id}/accept")
async def accept(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    programme_id: uuid.UUID,
    offer_id: uuid.UUID,
) -> Response:
    return await _answer(request, settings, session, programme_id, offer_id, accept=True)


@router.post("/{offer_id}/decline")
async def decline(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    programme_id: uuid.UUID,
    offer_id: uuid.UUID,
) -> Response:
    return await _answer(request, settings, session, programme_id, offer_id, accept=False)
