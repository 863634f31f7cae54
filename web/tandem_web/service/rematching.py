"""A mentee's re-matching offer: reading it and answering it, with the session's token."""

from __future__ import annotations

import uuid

from tandem_web.adapters import matching_api
from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.domain.participants import viewer_zone
from tandem_web.domain.rematching import OfferPage, OfferShown, answer_refusal, shown_to
from tandem_web.domain.sessions import WebSession
from tandem_web.service.home import ZONES, my_profiles
from tandem_web.settings import WebSettings


class NotAnswered(Exception):
    """Matching did not take the answer: ``shown`` says why, for the page."""

    def __init__(self, shown: OfferShown) -> None:
        super().__init__(shown)
        self.shown = shown


async def offer_page(
    settings: WebSettings,
    session: WebSession,
    programme_id: uuid.UUID,
    offer_id: uuid.UUID,
    browser_zone: str | None,
) -> OfferPage:
    mine = await my_profiles(settings, session)
    profiles = mine.value or []
    zone = viewer_zone(profiles, browser_zone, ZONES)
    me = None if mine.unavailable else {p.participant_id for p in profiles}
    try:
        found = await matching_api.offer(
            str(settings.matching_url), session.access_token, programme_id, offer_id
        )
    except Refused:
        # 404: no such offer, or someone else's (matching hides it); 403: not in the programme.
        return OfferPage(OfferShown.MISSING, zone)
    except ServiceUnavailable:
        return OfferPage(OfferShown.UNAVAILABLE, zone)
    shown = shown_to(found, me)
    return OfferPage(shown, zone, found if shown is OfferShown.SHOWN else None)


async def answer_offer(
    settings: WebSettings,
    session: WebSession,
    programme_id: uuid.UUID,
    offer_id: uuid.UUID,
    *,
    accept: bool,
) -> None:
    try:
        await matching_api.answer_offer(
            str(settings.matching_url),
            session.access_token,
            programme_id,
            offer_id,
            accept=accept,
        )
    except Refused as refused:
        raise NotAnswered(answer_refusal(refused.status, refused.code)) from refused
    except ServiceUnavailable as down:
        raise NotAnswered(OfferShown.UNAVAILABLE) from down
