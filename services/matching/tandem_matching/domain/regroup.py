"""Groups for an assignment the engine did not make itself (the greedy fallback).

The engine settles its groups inside a run (:mod:`engine`); an assignment from elsewhere
gets the same treatment here: groups inside each mentor's assignment, gathering of
group-preferring mentees (:func:`group_stage.settle`, with candidates from the same
candidate graph), and a reason for every group-preferring participant left outside one.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from uuid import UUID

from tandem_matching.domain import candidates as cand
from tandem_matching.domain.encoding import encode
from tandem_matching.domain.engine import candidate_lists, exclusion_index
from tandem_matching.domain.group_reasons import not_grouped, pool_fits
from tandem_matching.domain.group_stage import settle
from tandem_matching.domain.groups import form_groups
from tandem_matching.domain.profiles import FormatsOffered, Profile, ProgrammePolicy
from tandem_matching.domain.results import MatchedPair, MentoringGroup, NotGrouped, Unmatched


@dataclass(frozen=True, slots=True)
class Regrouped:
    groups: tuple[MentoringGroup, ...]
    pairs: tuple[MatchedPair, ...]
    unmatched: tuple[Unmatched, ...]
    not_grouped: tuple[NotGrouped, ...]


def regroup(
    policy: ProgrammePolicy,
    mentors: Sequence[Profile],
    mentees: Sequence[Profile],
    pairs: Sequence[MatchedPair],
    unmatched: Sequence[Unmatched],
    exclusions: Collection[tuple[UUID, UUID]],
    *,
    k: int = 40,
) -> Regrouped:
    """``pairs`` respect the mentors' capacities, so settling releases nobody."""
    if policy.formats is FormatsOffered.PAIR or not mentees or not mentors:
        return Regrouped((), tuple(pairs), tuple(unmatched), ())
    pool = encode(policy, mentors, mentees)
    excluded = exclusion_index(mentors, mentees, exclusions)
    graph = cand.build(pool, k, excluded)
    candidates = candidate_lists(mentors, mentees, graph.mentor, graph.score)
    formed = form_groups(policy, mentors, mentees, pairs)
    settled = settle(policy, mentors, mentees, pairs, formed, candidates)
    placed = {p.mentee_id for p in settled.pairs}
    left = tuple(u for u in unmatched if u.mentee_id not in placed)
    notes = not_grouped(
        policy, mentors, mentees, settled.pairs, settled.groups, left, candidates,
        frozenset(exclusions), pool_fits(pool, excluded),
    )  # fmt: skip
    return Regrouped(settled.groups, settled.pairs, left, notes)
