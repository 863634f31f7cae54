"""An upper bound on the best assignment over *all* feasible pairs, from the solve's duals.

For mentor prices ``p ≥ 0`` the LP dual gives, by weak duality,

    OPT ≤ B(p) = Σ_i max(0, max_{j feasible for i} (M + s_ij - p_j)) + Σ_j cap_j p_j,

where the inner max runs over every feasible mentor, not only the candidate graph. The
candidate rows give the max over the listed mentors exactly. For the others the candidate
phase kept ``bound_i`` ≥ every unlisted score, so ``M + bound_i - min p`` covers them at no
cost. Only rows where that shortcut is weaker than the row's own value are *rescanned*:
scored again against the (cheap enough) mentors outside the list. A rescan that finds a
mentor worth more than the row's value is a column the graph missed: it is returned so the
caller can add it and solve again (column generation).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from tandem_matching.domain.candidates import (
    FLOAT32_SLACK,
    MentorBlock,
    Scorer,
    Task,
    group_mentees,
    run_chunks,
    top_k,
)
from tandem_matching.domain.encoding import F64, I64, Pool
from tandem_matching.domain.scoring import pair_scores


@dataclass(frozen=True, slots=True)
class Certificate:
    bound: float  # upper bound on Σ (M + s) over any assignment (all feasible pairs)
    row_bound: F64  # (n,) per mentee term of the bound
    rescanned: int
    missed: tuple[I64, I64]  # (mentee, mentor) pairs worth adding to the graph


def certify(
    pool: Pool,
    big_m: float,
    mentor: I64,
    score: F64,
    rest: F64,
    price: F64,
    excluded: Mapping[int, I64],
    *,
    check: Callable[[], None] | None = None,
    chunk: int = 256,
) -> Certificate:
    """Bound the optimum over all pairs; ``mentor``/``score``: the graph, ``rest``: the
    candidate phase's bound on unlisted scores."""
    cap = pool.mentors.capacity
    n = mentor.shape[0]
    listed = mentor >= 0
    value = np.where(listed, big_m + score - price[np.maximum(mentor, 0)], -np.inf)
    row = np.maximum(value.max(axis=1, initial=-np.inf), 0.0)
    # Unlisted mentors of a row are among the mentors its hard rules allow (its group).
    groups = group_mentees(pool)
    floor = np.zeros(n)
    for lo, hi, allowed in groups.bounds:
        floor[groups.order[lo:hi]] = price[allowed].min() if allowed.size else np.inf
    shortcut = big_m + rest - floor
    need = np.isfinite(rest) & (shortcut > row)
    row_bound = np.maximum(row, np.where(need, -np.inf, shortcut))
    missed_i: list[I64] = []
    missed_j: list[I64] = []
    rescanned = int(need.sum())
    if rescanned:
        scorer = Scorer(pool)
        sub = group_mentees(pool, np.flatnonzero(need))
        tasks: list[Task] = []
        for lo, hi, allowed in sub.bounds:
            rows_g = sub.order[lo:hi]
            # A mentor can only beat row value u_i if p_j < M + rest_i - u_i.
            limit = float(np.max(big_m + rest[rows_g] - row[rows_g]))
            cheap = allowed[price[allowed] < limit]
            target: I64 | MentorBlock = scorer.group(cheap) if hi - lo > chunk else cheap
            tasks.extend((rows_g[a : a + chunk], target) for a in range(0, hi - lo, chunk))

        def work(rows: I64, target: I64 | MentorBlock) -> tuple[I64, F64, I64]:
            ub, best_j = _rescan(pool, scorer, rows, target, mentor, price, big_m, excluded)
            return rows, ub, best_j

        for rows, ub, best_j in run_chunks(work, tasks, check=check):
            row_bound[rows] = np.maximum(row[rows], ub)
            worse = ub > row[rows] + 1e-9
            missed_i.append(rows[worse])
            missed_j.append(best_j[worse])
    bound = math.fsum(row_bound.tolist()) + math.fsum((cap * price).tolist())
    pairs = (
        (np.concatenate(missed_i), np.concatenate(missed_j))
        if missed_i
        else (np.zeros(0, np.int64), np.zeros(0, np.int64))
    )
    return Certificate(bound=bound, row_bound=row_bound, rescanned=rescanned, missed=pairs)


def _rescan(
    pool: Pool,
    scorer: Scorer,
    rows: I64,
    cheap: I64 | MentorBlock,
    mentor: I64,
    price: F64,
    big_m: float,
    excluded: Mapping[int, I64],
) -> tuple[F64, I64]:
    """Per row: max over unlisted feasible mentors of M + s - p (an upper bound, exact for
    the best one) and that mentor (-1 when none)."""
    from tandem_matching.domain.candidates import mask_excluded

    if (cheap.ids if isinstance(cheap, MentorBlock) else cheap).size == 0:
        return np.full(rows.size, -np.inf), np.full(rows.size, -1, dtype=np.int64)
    scaled, ids = scorer.chunk(rows, cheap)
    mask_excluded(scaled, rows, ids, excluded)
    real = ids >= 0
    val = scaled.astype(np.float64) * scorer.c
    val[:, real] += big_m - price[ids[real]]
    # the row's own candidates are already counted exactly
    for r, i in enumerate(rows.tolist()):
        own = mentor[i][mentor[i] >= 0]
        pos = np.searchsorted(ids[: int(real.sum())], own)
        ok = pos < int(real.sum())
        ok[ok] = ids[pos[ok]] == own[ok]
        val[r, pos[ok]] = -np.inf
    col, top = top_k(val, 2)
    best = ids[col[:, 0]]
    has = np.isfinite(top[:, 0]) & (best >= 0)
    exact = np.full(rows.size, -np.inf)
    if has.any():
        j = best[has]
        exact[has] = big_m + pair_scores(pool, rows[has], j) - price[j]
    # The runner-up in float32 (+ slack) bounds every other unlisted mentor.
    second = np.where(np.isfinite(top[:, 1]), top[:, 1], -np.inf)
    ub = np.maximum(exact, second + FLOAT32_SLACK)
    return ub, np.where(has, best, -1)
