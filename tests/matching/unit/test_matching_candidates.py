"""The candidate phase: the availability index finds exactly the feasible pairs, scores them
as the per-pair path does, and keeps each mentee's best k with a true bound on the rest."""

from __future__ import annotations

from uuid import UUID

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tandem_matching.domain import Profile, ProgrammePolicy
from tandem_matching.domain import candidates as cand
from tandem_matching.domain.bmatch import max_bmatching
from tandem_matching.domain.constraints import feasible
from tandem_matching.domain.encoding import HARD_AVAIL, I64, INT_COLUMNS, MIN_SLOTS, encode
from tandem_matching.domain.engine import exclusion_index
from tandem_matching.domain.pair_kernels import feasible_pairs, top_k
from tandem_matching.domain.scoring import pair_scores
from tests.matching.unit.programmes import programmes

Programme = tuple[ProgrammePolicy, list[Profile], list[Profile], list[tuple[UUID, UUID]]]


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


@st.composite
def week_windows(draw: st.DrawFn, n: int) -> tuple[I64, I64]:
    """Per person 0-3 disjoint sorted windows crowded into a few hours of the week, so
    that windows overlap in every way: (window_ptr, windows)."""
    ptr, rows = [0], []
    for _ in range(n):
        cuts = sorted(draw(st.sets(st.integers(0, 40), max_size=6)))
        rows += [(s, e) for s, e in zip(cuts[::2], cuts[1::2], strict=False)]
        ptr.append(len(rows))
    return np.array(ptr, dtype=np.int64), np.array(rows, dtype=np.int64).reshape(-1, 2)


def _visit_order(
    mentee: list[list[int]], ids: list[int], r_ptr: I64, r_win: I64, min_slots: int
) -> list[tuple[int, int]]:
    """Block positions sharing at least ``min_slots`` (0: every one) with the mentee's
    windows, and the overlap, in the order a plain walk first meets them: per mentee
    window, the block windows starting inside it, then those strictly around its start,
    each in (start, position, window) order."""
    mine = sorted(
        (s, a, x, e)
        for a, j in enumerate(ids)
        for x, (s, e) in enumerate(r_win[r_ptr[j] : r_ptr[j + 1]].tolist())
    )
    acc: dict[int, int] = {}
    for s, e in mentee:
        inside = [(a, min(e, end) - start) for start, a, _, end in mine if s <= start < e]
        around = [(a, min(e, end) - s) for start, a, _, end in mine if start < s < end]
        for a, slots in inside + around:
            acc[a] = acc.get(a, 0) + slots
    if min_slots == 0:
        return [(a, acc.get(a, 0)) for a in range(len(ids))]
    return [(a, o) for a, o in acc.items() if o >= min_slots]


@settings(max_examples=200, deadline=None)
@given(st.data(), st.integers(1, 8), st.integers(1, 4), st.sampled_from([0, 1, 3, 6]))
def test_pairs_come_in_first_visit_order(
    data: st.DataObject, n_mentors: int, n_mentees: int, min_slots: int
) -> None:
    """A row's pair order breaks ties between equal scores downstream: it must stay the
    order in which a plain walk over the windows first meets each mentor."""
    r_ptr, r_win = data.draw(week_windows(n_mentors))
    e_ptr, e_win = data.draw(week_windows(n_mentees))
    ids = np.array(sorted(data.draw(st.sets(st.integers(0, n_mentors - 1)))), dtype=np.int64)
    rows = np.arange(n_mentees, dtype=np.int64)
    ints, words = np.zeros((n_mentors, INT_COLUMNS), np.int64), np.zeros((1, 1), np.uint64)
    block = (ids, ints[ids], words, words, *cand.block_index(ids, r_ptr, r_win))
    params = np.zeros(4)
    params[HARD_AVAIL], params[MIN_SLOTS] = min_slots > 0, min_slots
    tables = (ints, words, words, words, np.zeros((1, 1)),
              ints, words, words, words, params, e_ptr, e_win)  # fmt: skip
    ptr, pos, ov = feasible_pairs(rows, block, tables)
    for i in rows.tolist():
        lo, hi = int(ptr[i]), int(ptr[i + 1])
        got = list(zip(pos[lo:hi].tolist(), ov[lo:hi].tolist(), strict=True))
        mentee = e_win[e_ptr[i] : e_ptr[i + 1]].tolist()
        assert got == _visit_order(mentee, ids.tolist(), r_ptr, r_win, min_slots)


def _slot_scan(scores: list[float], ids: list[int], k: int) -> tuple[list[int], list[float], float]:
    """The reference top k: k + 1 slots filled in order, then each better pair replaces
    the first lowest slot; best first, ties in slot order; the (k+1)-th as the bound."""
    slots: list[tuple[float, int]] = []
    for s, j in zip(scores, ids, strict=True):
        if len(slots) <= k:
            slots.append((s, j))
        elif s > min(v for v, _ in slots):
            low = min(range(len(slots)), key=lambda q: (slots[q][0], q))
            slots[low] = (s, j)
    best = sorted(range(len(slots)), key=lambda q: -slots[q][0])  # stable
    bound = slots[best[k]][0] if len(slots) > k else -np.inf
    return [slots[q][1] for q in best[:k]], [slots[q][0] for q in best[:k]], bound


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.25]), max_size=40), min_size=1),
    st.integers(1, 9),
    st.sets(st.integers(0, 39), max_size=6),
)
def test_top_k_breaks_ties_as_the_slot_scan(
    rows_scores: list[list[float]], k: int, excluded_ids: set[int]
) -> None:
    """Many equal scores: the tournament tree must replace exactly the slot the linear
    scan for the lowest one would, and excluded mentors never enter."""
    n = len(rows_scores)
    ptr = np.cumsum([0] + [len(s) for s in rows_scores]).astype(np.int64)
    ids = np.arange(40, dtype=np.int64)[::-1].copy()  # block position -> mentor id
    pos = np.concatenate([np.arange(len(s)) for s in rows_scores]).astype(np.uint32)
    score = np.array([v for s in rows_scores for v in s], dtype=np.float64)
    excluded = cand.Excluded.of(n, {0: np.array(sorted(excluded_ids), dtype=np.int64)})
    mentor, best, bound = np.zeros((n, k), np.int64), np.zeros((n, k)), np.zeros(n)
    rows = np.arange(n, dtype=np.int64)
    pairs = (ptr, pos, np.zeros(pos.size, np.int32))
    top_k(rows, pairs, score, ids, k, excluded.ptr, excluded.idx, mentor, best, bound)
    for i, scores in enumerate(rows_scores):
        kept = [(s, int(ids[a])) for a, s in enumerate(scores)]
        kept = [(s, j) for s, j in kept if i != 0 or j not in excluded_ids]
        want_j, want_s, want_bound = _slot_scan([s for s, _ in kept], [j for _, j in kept], k)
        pad = k - len(want_j)
        assert mentor[i].tolist() == want_j + [-1] * pad
        assert best[i].tolist() == want_s + [-np.inf] * pad
        assert bound[i] == want_bound
