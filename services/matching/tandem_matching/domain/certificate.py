"""An upper bound on the best assignment over *all* feasible pairs, from the solve's duals.

For mentor prices ``p ≥ 0`` the LP dual gives, by weak duality,

    OPT ≤ B(p) = Σ_i max(0, max_{j feasible for i} (M + s_ij - p_j)) + Σ_j cap_j p_j,

where the inner max runs over every feasible mentor, not only the candidate graph. The
max is taken over every feasible pair again (:func:`pair_kernels.feasible_pairs` finds
them through the availability index, so this costs about as much as the candidate phase).
A mentor that beats the row's listed value is a column the graph missed: it is returned so
the caller can add it and solve again (column generation).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from tandem_matching.domain.candidates import Excluded, Task, group_mentees, run_chunks
from tandem_matching.domain.encoding import F64, I64, Pool
from tandem_matching.domain.pair_kernels import Block, best_values, feasible_pairs, score_pairs

MISSED_TOLERANCE = 1e-9


@dataclass(frozen=True, slots=True)
class Certificate:
    bound: float  # upper bound on Σ (M + s) over any assignment (all feasible pairs)
    row_bound: F64  # (n,) per mentee term of the bound
    rescanned: int  # rows whose unlisted mentors could beat their listed value
    missed: tuple[I64, I64]  # (mentee, mentor) pairs worth adding to the graph


def certify(
    pool: Pool,
    big_m: float,
    mentor: I64,
    score: F64,
    unlisted: F64,
    price: F64,
    excluded: Excluded,
    *,
    tasks: Sequence[Task] | None = None,
    check: Callable[[], None] | None = None,
) -> Certificate:
    """Bound the optimum over all pairs; ``mentor``/``score``: the graph, ``unlisted``: the
    candidate phase's bound on unlisted scores; ``tasks``: the candidate phase's chunks
    (built here when not given)."""
    cap = pool.mentors.capacity
    n = mentor.shape[0]
    has = mentor >= 0
    value = np.where(has, big_m + score - price[np.maximum(mentor, 0)], -np.inf)
    listed = np.maximum(value.max(axis=1, initial=-np.inf), 0.0)
    row_bound = np.empty(n)
    best_j = np.full(n, -1, dtype=np.int64)
    tables = pool.tables

    def work(rows: I64, block: Block) -> None:
        pairs = feasible_pairs(rows, block, tables)
        scores = score_pairs(rows, pairs, block, tables)
        best_values(
            rows, pairs, scores, block[0], price, big_m, listed,
            excluded.ptr, excluded.idx, row_bound, best_j,
        )  # fmt: skip

    run_chunks(work, tasks if tasks is not None else group_mentees(pool).tasks(pool), check=check)
    rescanned = int((big_m + unlisted > listed).sum())
    bound = math.fsum(row_bound.tolist()) + math.fsum((cap * price).tolist())
    missed = np.flatnonzero((best_j >= 0) & (row_bound > listed + MISSED_TOLERANCE))
    return Certificate(
        bound=bound, row_bound=row_bound, rescanned=rescanned, missed=(missed, best_j[missed])
    )
