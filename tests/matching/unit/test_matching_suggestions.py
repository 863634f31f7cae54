"""Mentee choice mode and run control (progress, cancellation)."""

from __future__ import annotations

import pytest

from tandem_matching.domain import (
    AvailabilityWindow,
    MatchRunCancelled,
    Profile,
    ProgrammePolicy,
    Role,
    explain,
    run_matching,
    suggest_mentors,
)
from tests.matching.unit.ids import label, pid

EVENING = (AvailabilityWindow(2, "18:00", "21:00"),)


def p(name: str, role: Role, **kw: object) -> Profile:
    base: dict[str, object] = dict(
        id=pid(name), role=role, country="DE", timezone="Europe/Berlin", languages=("de",),
        availability=EVENING, capacity=2,
    )  # fmt: skip
    base.update(kw)
    return Profile(**base)  # type: ignore[arg-type]


MENTEE = p("e", Role.MENTEE, goals=frozenset({"cv", "interviews"}), sector="it")
MENTORS = [
    p("best", Role.MENTOR, skills=frozenset({"cv", "interviews"}), sector="it",
      linkedin_url="https://www.linkedin.com/in/best", linkedin_consent=True),
    p("good", Role.MENTOR, skills=frozenset({"cv"}), sector="it",
      linkedin_url="https://www.linkedin.com/in/good", linkedin_consent=False),
    p("fair", Role.MENTOR, skills=frozenset({"cv"})),
    p("french", Role.MENTOR, languages=("fr",), skills=frozenset({"cv", "interviews"})),
]  # fmt: skip


def test_best_n_with_explanations_and_consented_links() -> None:
    found = suggest_mentors(ProgrammePolicy(), MENTORS, MENTEE, n=2)
    assert [label(s.mentor_id) for s in found] == ["best", "good"]
    assert found[0].score > found[1].score
    assert found[0].explanation == explain(ProgrammePolicy(), MENTEE, MENTORS[0])
    assert found[0].linkedin_url == "https://www.linkedin.com/in/best"
    assert found[1].linkedin_url is None  # no consent, no link


def test_full_and_infeasible_mentors_are_not_suggested() -> None:
    found = suggest_mentors(ProgrammePolicy(), MENTORS, MENTEE, n=10, load={pid("best"): 2})
    assert [label(s.mentor_id) for s in found] == ["good", "fair"]


def test_progress_is_reported_per_phase_and_cancel_stops_the_run() -> None:
    seen: list[tuple[str, float]] = []
    run_matching(ProgrammePolicy(), MENTORS, [MENTEE], progress=lambda ph, f: seen.append((ph, f)))
    phases = [ph for ph, _ in seen]
    for phase in ("encode", "candidates", "solve", "certificate", "explain"):
        assert phase in phases
    assert all(0.0 <= f <= 1.0 for _, f in seen)
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 2

    with pytest.raises(MatchRunCancelled):
        run_matching(ProgrammePolicy(), MENTORS, [MENTEE], should_cancel=cancel)
