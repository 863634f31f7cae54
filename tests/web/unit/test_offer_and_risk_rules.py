"""The offer and risk pages' pure rules: what a refusal by matching or analytics means for
the page, and figures in the reader's words (CLDR)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from tandem_web.domain.figures import day, number, share
from tandem_web.domain.rematching import Offer, OfferPage, OfferShown, answer_refusal, shown_to
from tandem_web.domain.risk import RiskPage, RiskShown, risk_refusal


def test_an_answer_refused_is_said_in_the_pages_words() -> None:
    assert answer_refusal(409, "offer_answered") is OfferShown.ANSWERED
    assert answer_refusal(409, "programme_ended") is OfferShown.ENDED
    assert answer_refusal(404, "offer_not_found") is OfferShown.MISSING
    assert answer_refusal(403, "not_your_offer") is OfferShown.MISSING
    assert OfferPage(OfferShown.MISSING, "UTC").status == 404
    assert OfferPage(OfferShown.ANSWERED, "UTC").status == 409


def test_only_its_mentee_is_shown_an_offer() -> None:
    mentee = uuid.uuid4()
    offer = Offer(uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), mentee, "open", datetime.now(UTC), None)
    assert shown_to(offer, {mentee}) is OfferShown.SHOWN
    # A manager (matching shows her the programme's offers) has no participant there.
    assert shown_to(offer, set()) is OfferShown.MISSING
    assert shown_to(offer, {uuid.uuid4()}) is OfferShown.MISSING
    # Matching did not say who the viewer is: it showed the offer, so it is shown.
    assert shown_to(offer, None) is OfferShown.SHOWN


def test_the_risk_page_refused_is_a_403_or_a_404() -> None:
    assert risk_refusal(403) is RiskShown.FORBIDDEN
    assert risk_refusal(404) is RiskShown.MISSING
    assert RiskPage(RiskShown.FORBIDDEN, uuid.uuid4(), "UTC").status == 403
    page = RiskPage(RiskShown.SHOWN, uuid.uuid4(), "UTC")
    assert page.members_of(uuid.uuid4()) == ""  # matching did not name them


def test_figures_are_written_in_the_readers_language() -> None:
    assert share(0.125, "en") == "12.5%"
    assert share(0.125, "de") == "12,5\xa0%"
    assert share(1 / 3, "en") == "33.3%"
    assert share(0.0, "en") == "0%"
    assert number(1234.5, "en") == "1,234.5"
    assert number(1234.5, "de") == "1.234,5"
    assert number(3, "fr") == "3"
    assert day(date(2026, 12, 7), "en") == "Dec 7, 2026"
    assert day(date(2026, 12, 7), "de") == "07.12.2026"
