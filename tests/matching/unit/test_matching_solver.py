"""The solver on random candidate graphs against scipy's optimum of the expanded problem:
ε-scaling with pseudo-mentees for the places to spare, and columns added midway."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment

from tandem_matching.domain import solver
from tandem_matching.domain.encoding import F64, I64

EPS = 1e-6


def random_graph(seed: int, n: int, m: int, k: int) -> tuple[I64, F64, I64]:
    """``k`` distinct mentors per mentee (some rows shorter), coarse scores with ties."""
    rng = np.random.default_rng(seed)
    mentor = np.full((n, k), -1, dtype=np.int64)
    score = np.full((n, k), -np.inf)
    for i in range(n):
        width = int(rng.integers(0, k + 1))
        mentor[i, :width] = rng.choice(m, size=width, replace=False)
        score[i, :width] = np.round(rng.uniform(0.1, 1.0, size=width), 2)
    order = np.argsort(-score, axis=1, kind="stable")  # best first, as the engine's rows
    mentor, score = np.take_along_axis(mentor, order, 1), np.take_along_axis(score, order, 1)
    cap = rng.integers(1, 5, size=m).astype(np.int64)
    return mentor, score, cap


def optimum(mentor: I64, score: F64, cap: I64, big_m: float) -> tuple[int, float]:
    """Most pairs, then best total, over the graph: mentors expanded into one column per
    place, plus one "unmatched" column per mentee."""
    n = mentor.shape[0]
    owner = np.repeat(np.arange(cap.size), cap)
    value = np.full((n, owner.size + n), -1e9)
    value[np.arange(n), owner.size + np.arange(n)] = 0.0
    for i, t in zip(*np.nonzero(mentor >= 0), strict=True):
        value[i, np.flatnonzero(owner == mentor[i, t])] = big_m + score[i, t]
    rows, cols = linear_sum_assignment(value, maximize=True)
    real = cols < owner.size
    return int(real.sum()), float(value[rows[real], cols[real]].sum() - big_m * real.sum())


def totals(sol: solver.Solution) -> tuple[int, float]:
    rows = np.flatnonzero(sol.choice >= 0)
    return rows.size, float(sol.score[rows, sol.choice[rows]].sum())


def dual_bound(sol: solver.Solution, cap: I64, big_m: float) -> float:
    """Weak duality on the solved graph: Σ_i max(0, max_t M + s - p) + Σ_j cap_j p_j."""
    assert (sol.price >= 0).all()
    value = np.where(sol.mentor >= 0, big_m + sol.score - sol.price[sol.mentor], -np.inf)
    return float(np.maximum(value.max(axis=1), 0).sum() + (cap * sol.price).sum())


def check_assignment(sol: solver.Solution, cap: I64) -> None:
    rows = np.flatnonzero(sol.choice >= 0)
    got = sol.mentor[rows, sol.choice[rows]]
    assert (got >= 0).all()
    assert (np.bincount(got, minlength=cap.size) <= cap).all()


@pytest.mark.parametrize("seed", range(8))
def test_solve_equals_the_optimum_of_the_expanded_problem(seed: int) -> None:
    mentor, score, cap = random_graph(seed, n=120, m=30, k=6)
    big_m = float(min(mentor.shape[0], int(cap.sum())) + 1)
    sol = solver.solve(mentor, score, cap, big_m, eps=EPS)
    check_assignment(sol, cap)
    count, total = totals(sol)
    best_count, best_total = optimum(mentor, score, cap, big_m)
    assert count == best_count == sol.max_pairs
    bidders = mentor.shape[0] + int(cap.sum())  # mentees, and pseudo-mentees at most
    assert best_total - bidders * EPS - 1e-9 <= total <= best_total + 1e-9
    # The prices certify it: a dual bound within ε per bidder of what was found.
    gap = dual_bound(sol, cap, big_m) - (big_m * count + total)
    assert -1e-9 <= gap <= bidders * EPS + 1e-9


@pytest.mark.parametrize("seed", range(4))
def test_pseudo_mentees_with_a_coarser_eps_stay_within_their_bound(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Large parts let the pseudo-mentees bid with ``eps_spare``: each costs at most that."""
    monkeypatch.setattr(solver, "COARSE_FROM", 1)
    mentor, score, cap = random_graph(100 + seed, n=60, m=40, k=5)  # places to spare
    big_m = float(min(mentor.shape[0], int(cap.sum())) + 1)
    sol = solver.solve(mentor, score, cap, big_m, eps=EPS, eps_spare=1e-3)
    check_assignment(sol, cap)
    count, total = totals(sol)
    best_count, best_total = optimum(mentor, score, cap, big_m)
    assert count == best_count
    slack = mentor.shape[0] * EPS + int(cap.sum()) * 1e-3
    assert best_total - slack - 1e-9 <= total <= best_total + 1e-9
    gap = dual_bound(sol, cap, big_m) - (big_m * count + total)
    assert -1e-9 <= gap <= slack + 1e-9


def test_columns_added_midway_are_part_of_the_graph_solved() -> None:
    """``more`` sees mid-solve prices and returns better pairs; the solve continues on the
    wider graph, and its result is the optimum of that graph."""
    rng = np.random.default_rng(7)
    n, m = 80, 20
    full = np.round(rng.uniform(0.1, 1.0, size=(n, m)), 2)
    ranked = np.argsort(-full, axis=1, kind="stable")
    mentor = ranked[:, 2:4].copy()  # deliberately not the best two
    score = np.take_along_axis(full, mentor, 1)
    cap = np.full(m, 5, dtype=np.int64)
    big_m = float(min(n, int(cap.sum())) + 1)
    asked: list[tuple[int, int]] = []

    def more(price: F64) -> tuple[I64, I64, F64]:
        listed = (big_m + score - price[mentor]).max(axis=1)
        value = big_m + full - price
        value[np.arange(n)[:, None], mentor] = -np.inf
        best = value.argmax(axis=1)
        rows = np.flatnonzero(value[np.arange(n), best] > listed)
        asked.extend(zip(rows.tolist(), best[rows].tolist(), strict=True))
        return rows, best[rows], full[rows, best[rows]]

    sol = solver.solve(mentor, score, cap, big_m, eps=EPS, more=more)
    assert asked, "the hook was called and found better pairs"
    assert sol.mentor.shape[1] > mentor.shape[1]
    for i, j in asked:
        assert j in sol.mentor[i]
    check_assignment(sol, cap)
    count, total = totals(sol)
    best_count, best_total = optimum(sol.mentor, sol.score, cap, big_m)
    assert count == best_count
    assert best_total - (n + int(cap.sum())) * EPS - 1e-9 <= total <= best_total + 1e-9
