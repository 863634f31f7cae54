"""The service's adapter around the engine: plain-data results, and its safety net."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

import pytest

from tandem_matching.domain import (
    AvailabilityWindow,
    Profile,
    ProgrammePolicy,
    Role,
    run_matching,
)
from tandem_matching.domain.match_runs import Job
from tandem_matching.service import engine

EVENINGS = tuple(AvailabilityWindow(d, "18:00", "21:00") for d in range(5))


def people() -> Job:
    mentor = Profile(
        uuid.uuid4(),
        Role.MENTOR,
        "DE",
        "Europe/Berlin",
        ("de",),
        EVENINGS,
        capacity=2,
        skills=frozenset({"cv"}),
    )
    mentees = [
        Profile(
            uuid.uuid4(),
            Role.MENTEE,
            "DE",
            "Europe/Berlin",
            ("de",),
            EVENINGS,
            goals=frozenset({"cv"}),
        )
        for i in range(3)
    ]
    return Job(ProgrammePolicy(), (mentor,), tuple(mentees), frozenset())


def test_solve_returns_explained_proposals_and_reasons() -> None:
    phases: list[str] = []
    result = engine.solve(people(), lambda phase, _: phases.append(phase))
    assert result.solver == "auction"
    assert result.cardinality_certified is True
    matched = {m.mentee_id for p in result.proposals for m in p.mentees}
    assert len(matched) == 2  # capacity 2 for three equally good mentees
    line = result.proposals[0].mentees[0].explanation
    criteria = line["criteria"]
    assert isinstance(criteria, list)
    assert {c["criterion"] for c in criteria} >= {"skills_goals", "availability"}
    [left] = result.unmatched
    assert left.mentee_id not in matched
    assert left.code == "all_full"
    assert "full" in left.reasons[0]
    assert "solve" in phases


def test_a_non_maximal_engine_result_falls_back_to_greedy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A draft must never leave a mentee out while a compatible mentor has room."""
    real = run_matching

    def lossy(*args: Any, **kwargs: Any) -> Any:
        full = real(*args, **kwargs)
        dropped = full.pairs[0]
        return dataclasses.replace(
            full,
            pairs=full.pairs[1:],
            matched=full.matched - 1,
            unmatched=(
                *full.unmatched,
                type(full.unmatched[0])(
                    dropped.mentee_id, "room_left", "1 compatible mentor still has room"
                ),
            ),
        )

    monkeypatch.setattr(engine, "run_matching", lossy)
    result = engine.solve(people(), lambda *_: None)
    assert result.solver.startswith("greedy")
    assert result.certified_gap is None
    assert sum(len(p.mentees) for p in result.proposals) == 2
    assert [u.code for u in result.unmatched] == ["all_full"]
