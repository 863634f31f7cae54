"""Pure rules: message bodies, edit window, digest timing, agreement acceptance."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tandem_messaging.domain.agreements import (
    DEFAULT_TERMS,
    MANAGER,
    Channel,
    Terms,
    TermsRejected,
    checked_terms,
    fully_accepted,
    outstanding,
)
from tandem_messaging.domain.content import (
    ContentRejected,
    ContentTooLong,
    can_still_change,
    normalised_body,
)
from tandem_messaging.domain.digest import digest_due, is_known_zone


def test_bodies_are_normalised_and_limited_in_characters() -> None:
    assert normalised_body("Cafe\u0301  \n", 10) == "Café"
    assert normalised_body("é" * 10, 10) == "é" * 10  # characters, not bytes
    with pytest.raises(ContentTooLong):
        normalised_body("x" * 11, 10)
    for empty in ("", "   ", "\n\t"):
        with pytest.raises(ContentRejected):
            normalised_body(empty, 10)
    with pytest.raises(ContentRejected):
        normalised_body("a\x00b", 10)


def test_edit_window() -> None:
    posted = datetime(2026, 1, 1, 12, tzinfo=UTC)
    window = timedelta(minutes=15)
    assert can_still_change(posted, posted + window, window)
    assert not can_still_change(posted, posted + window + timedelta(seconds=1), window)


@pytest.mark.parametrize(
    ("now_utc", "last", "due"),
    [
        (datetime(2026, 3, 2, 16, 59, tzinfo=UTC), None, None),  # 17:59 in Madrid
        (datetime(2026, 3, 2, 17, 0, tzinfo=UTC), None, date(2026, 3, 2)),  # 18:00
        (datetime(2026, 3, 2, 22, 0, tzinfo=UTC), date(2026, 3, 2), None),  # already sent today
        (datetime(2026, 3, 2, 23, 30, tzinfo=UTC), date(2026, 3, 2), None),  # 00:30 on the 3rd
        (datetime(2026, 3, 3, 17, 0, tzinfo=UTC), date(2026, 3, 2), date(2026, 3, 3)),
        (datetime(2026, 7, 2, 16, 0, tzinfo=UTC), None, date(2026, 7, 2)),  # summer time: UTC+2
    ],
)
def test_digest_is_due_at_the_local_hour_once_per_local_day(
    now_utc: datetime, last: date | None, due: date | None
) -> None:
    assert digest_due(now_utc, "Europe/Madrid", 18, last) == due


def test_unknown_zones_fall_back_to_utc() -> None:
    assert not is_known_zone("Mars/Olympus")
    assert digest_due(datetime(2026, 3, 2, 18, tzinfo=UTC), "Mars/Olympus", 18, None) == date(
        2026, 3, 2
    )


def test_terms_are_checked_and_normalised() -> None:
    terms = checked_terms(
        Terms(
            (Channel.FORUM, Channel.MESSAGES, Channel.FORUM),
            24,
            7,
            "  Between us. ",
            ("  be kind ", "", "   "),
        )
    )
    assert terms.channels == (Channel.MESSAGES, Channel.FORUM)
    assert terms.rules == ("be kind",)
    assert terms.confidentiality_statement == "Between us."
    assert checked_terms(DEFAULT_TERMS) == DEFAULT_TERMS
    for bad in (
        Terms((), 24, 7, "x"),
        Terms((Channel.EMAIL,), 0, 7, "x"),
        Terms((Channel.EMAIL,), 24, 91, "x"),
        Terms((Channel.EMAIL,), 24, 7, " "),
        Terms((Channel.EMAIL,), 24, 7, "x", ("r",) * 21),
    ):
        with pytest.raises(TermsRejected):
            checked_terms(bad)


def test_everyone_and_a_manager_must_accept() -> None:
    members = ["max", "ana"]
    assert outstanding(members, [], False) == ["ana", "max", MANAGER]
    assert outstanding(members, ["ana", "max"], False) == [MANAGER]
    assert not fully_accepted(members, ["ana"], True)
    assert fully_accepted(members, ["ana", "max"], True)
    assert not fully_accepted([], [], True), "nobody left to agree"
