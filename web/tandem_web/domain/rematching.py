"""A re-matching offer as its mentee's page shows it, or why it cannot be shown."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Offer:
    """Matching's offer to a mentee whose relationship ended early (open, accepted or
    declined)."""

    id: uuid.UUID
    programme_id: uuid.UUID
    relationship_id: uuid.UUID
    mentee_id: uuid.UUID
    status: str
    created_at: datetime
    answered_at: datetime | None

    @property
    def open(self) -> bool:
        return self.status == "open"


class OfferShown(StrEnum):
    SHOWN = "shown"
    MISSING = "missing"  # no such offer, or not this person's (matching's 404 or 403)
    ANSWERED = "answered"  # a form sent for an offer already answered (matching's 409)
    ENDED = "ended"  # the programme has ended: the offer can no longer be accepted
    UNAVAILABLE = "unavailable"  # matching is not answering


STATUS = {
    OfferShown.SHOWN: 200,
    OfferShown.MISSING: 404,
    OfferShown.ANSWERED: 409,
    OfferShown.ENDED: 409,
    OfferShown.UNAVAILABLE: 503,
}


def shown_to(offer: Offer, me: set[uuid.UUID] | None) -> OfferShown:
    """Whether the viewer is the offer's mentee (``me``: their participants; None when
    matching did not say). Matching shows a manager every offer of the programme too,
    but only its mentee may answer: anyone else is told it is not theirs."""
    return OfferShown.SHOWN if me is None or offer.mentee_id in me else OfferShown.MISSING


def answer_refusal(status: int, code: str | None) -> OfferShown:
    """What matching's refusal of an answer means for the page."""
    if status == 409:
        return OfferShown.ENDED if code == "programme_ended" else OfferShown.ANSWERED
    return OfferShown.MISSING


@dataclass(frozen=True, slots=True)
class OfferPage:
    shown: OfferShown
    zone: str
    offer: Offer | None = None

    @property
    def status(self) -> int:
        return STATUS[self.shown]
