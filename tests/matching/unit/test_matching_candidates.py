"""The candidate phase: the availability index finds exactly the feasible pairs, scores them
as the per-pair path does, and keeps each mentee's best k with a true bound on the rest."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings

from tandem_matching.domain import Participant, ProgrammePolicy
from tandem_matching.domain import candidates as cand
from tandem_matching.domain.bmatch import max_bmatching
from tandem_matching.domain.constraints import feasible
from tandem_matching.domain.encoding import encode
from tandem_matching.domain.engine import exclusion_index
from tandem_matching.domain.scoring import pair_scores
from tests.matching.unit.programmes import programmes

Programme = tuple[ProgrammePolicy, list[Participant], list[Participant], list[tuple[str, str]]]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programmes(max_mentors=8, max_mentees=10))
def test_index_finds_every_feasible_pair_and_nothing_else(programme: Programme) -> None:
    policy, mentors, mentees, exclusions = programme
    pool = encode(policy, mentors, mentees)
    excluded = exclusion_index(mentors, mentees, exclusions)
    k = 3
    graph = cand.build(pool, k, excluded, keep=True)
    found = {
        (int(i), int(j)): float(s)
        for part in graph.feasible
        for r, i in enumerate(part.rows)
        for j, s in zip(
            part.mentor[part.ptr[r] : part.ptr[r + 1]],
            part.score[part.ptr[r] : part.ptr[r + 1]],
            strict=True,
        )
    }
    grid = np.meshgrid(np.arange(len(mentees)), np.arange(len(mentors)), indexing="ij")
    ei, rj = grid[0].ravel(), grid[1].ravel()
    ok = feasible(pool, ei, rj) if ei.size else np.zeros(0, dtype=bool)
    expected = {(int(i), int(j)) for i, j, good in zip(ei, rj, ok, strict=True) if good}
    assert set(found) == expected
    if expected:
        pairs = np.array(sorted(expected))
        exact = pair_scores(pool, pairs[:, 0], pairs[:, 1])
        assert np.array_equal([found[(i, j)] for i, j in pairs.tolist()], exact)
    for i in range(len(mentees)):
        allowed = sorted(
            (s, j)
            for (e, j), s in found.items()
            if e == i and j not in set(excluded.of_mentee(i).tolist())
        )[::-1]
        kept = [s for s in graph.score[i] if np.isfinite(s)]
        assert kept == [s for s, _ in allowed[:k]]
        rest = [s for s, _ in allowed[k:]]
        assert graph.bound[i] == (rest[0] if rest else -np.inf)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(programmes(max_mentors=8, max_mentees=10))
def test_hopcroft_karp_matches_as_many_as_the_candidate_graph_allows(
    programme: Programme,
) -> None:
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import maximum_flow

    policy, mentors, mentees, exclusions = programme
    pool = encode(policy, mentors, mentees)
    graph = cand.build(pool, 4, exclusion_index(mentors, mentees, exclusions))
    cap = pool.mentors.capacity
    mate, load = max_bmatching(graph.mentor, cap)
    assert np.all(load <= cap)
    for i, j in enumerate(mate.tolist()):
        assert j == -1 or j in graph.mentor[i].tolist()
    n, m = graph.mentor.shape[0], cap.size
    ii, tt = np.nonzero(graph.mentor >= 0)
    src = np.concatenate([np.full(n, n + m), ii, n + np.arange(m)])
    dst = np.concatenate([np.arange(n), n + graph.mentor[ii, tt], np.full(m, n + m + 1)])
    caps = np.concatenate([np.ones(n), np.ones(ii.size), cap]).astype(np.int32)
    net = csr_matrix((caps, (src, dst)), shape=(n + m + 2, n + m + 2))
    assert int((mate >= 0).sum()) == maximum_flow(net, n + m, n + m + 1).flow_value
