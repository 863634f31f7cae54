"""Re-matching offers: when a relationship ends early, each of its mentees is offered a new
match, and answers once.

``open → accepted`` (the mentee is back in the programme's pool: match runs and mentee
choice may propose them again) or ``open → declined`` (they stay out of it). While an
offer is open the mentee is not matched: someone whose relationship just failed is asked
first, not silently handed to the next run. Nothing here reads a clock, a database or a
token.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum
from uuid import UUID


class OfferStatus(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    DECLINED = "declined"


# A mentee whose latest offer has one of these statuses is not waiting for a match.
HOLDING_STATUSES = (OfferStatus.OPEN, OfferStatus.DECLINED)


@dataclass(frozen=True, slots=True)
class RematchOffer:
    id: UUID
    programme_id: UUID
    relationship_id: UUID  # the relationship that ended early
    mentee_id: UUID
    status: OfferStatus
    created_at: dt.datetime
    answered_at: dt.datetime | None


class AnswerRefused(Exception):
    """An answer the offer's state does not allow (the service makes it a 409)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def answer(
    offer: RematchOffer, *, accept: bool, programme_ended: bool, at: dt.datetime
) -> RematchOffer:
    """The offer after its mentee's answer; once only. Accepting after the programme's
    end is refused (no run would match them again); declining is always possible."""
    if offer.status is not OfferStatus.OPEN:
        raise AnswerRefused(f"The offer was already {offer.status}.", code="offer_answered")
    if accept and programme_ended:
        raise AnswerRefused(
            "The programme has ended: there is no pool to return to.", code="programme_ended"
        )
    status = OfferStatus.ACCEPTED if accept else OfferStatus.DECLINED
    return replace(offer, status=status, answered_at=at)
