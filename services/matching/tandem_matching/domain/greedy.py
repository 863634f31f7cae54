"""The first-come-first-served baseline: mentees in order, each takes its best feasible
mentor with a place left. Kept for comparison (the benchmark), never used by a run.

It reads each mentee's ``depth`` best mentors from the same candidate machinery; a mentee
whose list is exhausted (all full) is scored again against every mentor with room, so the
result is exactly the textbook greedy, not a truncated one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from uuid import UUID

import numpy as np

from tandem_matching.domain import candidates as cand
from tandem_matching.domain.constraints import blocking_keys, mentor_mask
from tandem_matching.domain.encoding import I64, Pool, encode
from tandem_matching.domain.engine import check_inputs, exclusion_index
from tandem_matching.domain.pair_kernels import feasible_pairs, score_pairs, top_k
from tandem_matching.domain.profiles import Profile, ProgrammePolicy
from tandem_matching.domain.results import MatchedPair


@dataclass(frozen=True, slots=True)
class GreedyResult:
    pairs: tuple[MatchedPair, ...]
    unmatched: tuple[UUID, ...]
    matched: int
    total_score: float


def greedy_assignment(
    policy: ProgrammePolicy,
    mentors: Sequence[Profile],
    mentees: Sequence[Profile],
    exclusions: Iterable[tuple[UUID, UUID]] = (),
    *,
    depth: int = 40,
) -> GreedyResult:
    check_inputs(mentors, mentees)
    pool = encode(policy, mentors, mentees)
    excluded = exclusion_index(mentors, mentees, exclusions)
    graph = cand.build(pool, depth, excluded)
    left = pool.mentors.capacity.copy()
    keys, key_list = blocking_keys(pool)
    mentor_rows = graph.mentor.tolist()
    score_rows = graph.score.tolist()
    pairs: list[MatchedPair] = []
    unmatched: list[UUID] = []
    for i, (row, srow) in enumerate(zip(mentor_rows, score_rows, strict=True)):
        best_j, best_s = -1, -np.inf
        for j, s in zip(row, srow, strict=True):
            if j >= 0 and left[j] > 0 and s > best_s:
                best_j, best_s = j, s
        exhausted = best_j < 0 and row[-1] >= 0 and np.isfinite(graph.bound[i])
        if exhausted:
            allowed = np.flatnonzero(mentor_mask(pool, key_list[int(keys[i])]) & (left > 0))
            best_j, best_s = _best_in(pool, i, allowed, excluded)
        if best_j < 0:
            unmatched.append(mentees[i].id)
            continue
        left[best_j] -= 1
        pairs.append(MatchedPair(mentees[i].id, mentors[best_j].id, float(best_s)))
    total = float(sum(p.score for p in pairs))
    return GreedyResult(tuple(pairs), tuple(unmatched), len(pairs), total)


def _best_in(pool: Pool, i: int, allowed: I64, excluded: cand.Excluded) -> tuple[int, float]:
    """Mentee i's best feasible mentor among ``allowed`` (-1 when none)."""
    n = len(pool.mentees)
    mentor, score, bound = np.full((n, 1), -1), np.full((n, 1), -np.inf), np.full(n, -np.inf)
    rows = np.array([i], dtype=np.int64)
    block = cand.mentor_block(pool, allowed)
    pairs = feasible_pairs(rows, block, pool.tables)
    scores = score_pairs(rows, pairs, block, pool.tables)
    top_k(rows, pairs, scores, block[0], 1, excluded.ptr, excluded.idx, mentor, score, bound)
    return int(mentor[i, 0]), float(score[i, 0])
