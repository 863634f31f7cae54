"""The pure rules behind the agreement, goal, note and check-in pages: what a form's
input must be before a service is asked, and who may accept an agreement."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from tandem_web.domain.agreements import AgreementTerms, Party, may_accept
from tandem_web.domain.check_ins import CheckIn, answers_of, open_check_ins
from tandem_web.domain.goals import Goal, date_of, due, title_problem
from tandem_web.domain.notes import note_problem
from tandem_web.domain.shown import Shown, refusal

NOW = datetime(2026, 3, 29, 12, tzinfo=UTC)


def check_in(**changes: object) -> CheckIn:
    fields: dict[str, object] = {
        "id": uuid.uuid4(),
        "relationship_id": uuid.uuid4(),
        "kind": "final",
        "questions": ("overall", "progress"),
        "answered": (),
        "due_on": date(2026, 3, 29),
        "answered_at": None,
        "open_until": NOW + timedelta(days=14),
    }
    return CheckIn(**(fields | changes))  # type: ignore[arg-type]


def test_answers_are_on_the_scale_and_at_least_one() -> None:
    one = check_in()
    assert answers_of(one, {"q-overall": "5", "q-progress": "1"}) == (
        {"overall": 5, "progress": 1},
        True,
    )
    assert answers_of(one, {"q-overall": "4"}) == ({"overall": 4}, True)  # one left out
    assert answers_of(one, {"q-overall": "7", "q-progress": "3"})[1] is False
    assert answers_of(one, {"q-overall": "0"})[1] is False
    assert answers_of(one, {"q-overall": "five"})[1] is False
    assert answers_of(one, {})[1] is False
    assert answers_of(one, {"q-other": "3"}) == ({}, False)  # not one of its questions


def test_open_check_ins_are_unanswered_and_not_closed() -> None:
    waiting = check_in(due_on=date(2026, 3, 30))
    earlier = check_in(due_on=date(2026, 3, 1))
    answered = check_in(answered_at=NOW)
    closed = check_in(open_until=NOW - timedelta(seconds=1))
    assert open_check_ins([waiting, answered, closed, earlier], NOW) == [earlier, waiting]


def test_titles_and_dates_of_the_goal_forms() -> None:
    assert title_problem("  ") == "blank"
    assert title_problem("x" * 201) == "long"
    assert title_problem(" Three interviews ") is None
    assert date_of("") is None
    assert date_of("2026-06-30") == date(2026, 6, 30)
    assert date_of("soon") == "bad"
    assert note_problem("\n") == "blank"
    assert note_problem("Ana sends two applications.") is None


def goal(state: str, target: date | None) -> Goal:
    return Goal(uuid.uuid4(), None, "CV", target, state, (), 0, 0)


def test_goals_due_are_open_with_their_date_come() -> None:
    today = date(2026, 3, 29)
    late, later = goal("in_progress", today), goal("open", date(2026, 4, 1))
    assert due([late, later, goal("done", today), goal("open", None)], today) == [late]
    assert goal("open", None).states == ("open", "in_progress", "done", "dropped")
    assert goal("done", None).states == ("done",)


def terms(status: str, waiting: tuple[Party, ...]) -> AgreementTerms:
    return AgreementTerms(
        uuid.uuid4(), 2, status, 1, ("messages",), 48, 14, "Ours.", (), (), waiting
    )


def test_who_may_accept_the_agreement() -> None:
    me, mentor, manager = Party("mentee", True), Party("mentor", False), Party("manager", False)
    assert may_accept(terms("pending", (me, manager)), manager=False)
    assert not may_accept(terms("pending", (mentor,)), manager=False)
    assert may_accept(terms("pending", (mentor, manager)), manager=True)
    assert not may_accept(terms("pending", (mentor,)), manager=True)
    assert not may_accept(terms("accepted", (me,)), manager=False)


def test_refusals_as_pages() -> None:
    assert refusal(403) is Shown.FORBIDDEN
    assert refusal(404) is Shown.MISSING
    assert refusal(409) is Shown.CLOSED
    assert refusal(410) is Shown.CLOSED
