"""Mentee choice mode: the best N mentors for one mentee, each with its explanation.

The same rules and the same score as a match run (:mod:`constraints`, :mod:`scoring`),
evaluated for one mentee against every mentor, so what a mentee is offered is consistent
with what the whole-pool run would consider. Mentors without a free place are left out
when the current load is given.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from uuid import UUID

from tandem_matching.domain.constraints import Exclusions, pair_breaches
from tandem_matching.domain.profiles import Profile, ProgrammePolicy
from tandem_matching.domain.scoring import ScoreExplanation, explain


@dataclass(frozen=True, slots=True)
class Suggestion:
    mentor_id: UUID
    score: float
    explanation: ScoreExplanation
    linkedin_url: str | None  # only when the mentor consented to share it


def suggest_mentors(
    policy: ProgrammePolicy,
    mentors: Sequence[Profile],
    mentee: Profile,
    *,
    n: int = 5,
    exclusions: Exclusions = (),
    load: Mapping[UUID, int] | None = None,
) -> list[Suggestion]:
    """The ``n`` best feasible mentors for ``mentee``, best first (ties by mentor id)."""
    excl = set(exclusions)
    found: list[Suggestion] = []
    for mentor in mentors:
        if mentor.capacity <= 0:
            continue
        if load is not None and load.get(mentor.id, 0) >= mentor.capacity:
            continue
        if pair_breaches(policy, mentee, mentor, excl):
            continue
        why = explain(policy, mentee, mentor)
        found.append(Suggestion(mentor.id, why.score, why, mentor.shown_linkedin_url))
    found.sort(key=lambda s: (-s.score, s.mentor_id))
    return found[:n]
