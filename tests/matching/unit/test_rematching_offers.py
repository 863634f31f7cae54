"""The re-matching offer's answer, as a pure transition: once, and no return to a pool
after the programme's end."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from tandem_matching.domain.rematching import (
    AnswerRefused,
    OfferStatus,
    RematchOffer,
    answer,
)

MADE = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
LATER = MADE + dt.timedelta(hours=5)


def offer() -> RematchOffer:
    return RematchOffer(
        id=uuid.uuid4(),
        programme_id=uuid.uuid4(),
        relationship_id=uuid.uuid4(),
        mentee_id=uuid.uuid4(),
        status=OfferStatus.OPEN,
        created_at=MADE,
        answered_at=None,
    )


@pytest.mark.parametrize(("accept", "status"), [(True, "accepted"), (False, "declined")])
def test_an_open_offer_is_answered_once(accept: bool, status: str) -> None:
    first = answer(offer(), accept=accept, programme_ended=False, at=LATER)
    assert first.status == status
    assert first.answered_at == LATER
    for again in (True, False):
        with pytest.raises(AnswerRefused) as refused:
            answer(first, accept=again, programme_ended=False, at=LATER)
        assert refused.value.code == "offer_answered"


def test_after_the_programme_end_only_a_decline_is_taken() -> None:
    with pytest.raises(AnswerRefused) as refused:
        answer(offer(), accept=True, programme_ended=True, at=LATER)
    assert refused.value.code == "programme_ended"
    declined = answer(offer(), accept=False, programme_ended=True, at=LATER)
    assert declined.status is OfferStatus.DECLINED
