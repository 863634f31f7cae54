"""An upper bound on the best assignment over *all* feasible pairs, from the solve's duals.

For mentor prices ``p ≥ 0`` the LP dual gives, by weak duality,

    OPT ≤ B(p) = Σ_i max(0, max_{j feasible for i} (M + s_ij - p_j)) + Σ_j cap_j p_j,

where the inner max runs over every feasible mentor, not only the candidate graph. The
max is taken over every feasible pair, which the candidate phase kept with their exact
scores (about 12 bytes a pair: 200 MB for the 16.6 million pairs of the benchmark), so a
certificate is one pass over them.
A mentor that beats the row's listed value is a column the graph missed: it is returned so
the caller can add it and solve again (column generation).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from tandem_matching.domain.candidates import Excluded, FeasiblePairs, run_chunks
from tandem_matching.domain.encoding import F64, I64, Pool
from tandem_matching.domain.pair_kernels import best_values

MISSED_TOLERANCE = 1e-9


@dataclass(frozen=True, slots=True)
class Certificate:
    bound: float  # upper bound on Σ (M + s) over any assignment (all feasible pairs)
    row_bound: F64  # (n,) per mentee term of the bound
    missed: tuple[I64, I64]  # (mentee, mentor) pairs worth adding to the graph


def certify(
    pool: Pool,
    big_m: float,
    mentor: I64,
    score: F64,
    price: F64,
    excluded: Excluded,
    feasible: Sequence[FeasiblePairs],
) -> Certificate:
    """Bound the optimum over all pairs; ``mentor``/``score``: the graph, ``feasible``:
    every feasible pair with its score (:func:`candidates.build` with ``keep``)."""
    cap = pool.mentors.capacity
    n = mentor.shape[0]
    has = mentor >= 0
    value = np.where(has, big_m + score - price[np.maximum(mentor, 0)], -np.inf)
    listed = np.maximum(value.max(axis=1, initial=-np.inf), 0.0)
    row_bound = listed.copy()  # mentees in no chunk have no feasible mentor
    best_j = np.full(n, -1, dtype=np.int64)

    def work(rows: I64, part: FeasiblePairs) -> None:
        best_values(
            rows, part.ptr, part.mentor, part.score, price, big_m, listed,
            excluded.ptr, excluded.idx, row_bound, best_j,
        )  # fmt: skip

    run_chunks(work, [(part.rows, part) for part in feasible])  # parts own their rows
    bound = math.fsum(row_bound.tolist()) + math.fsum((cap * price).tolist())
    missed = np.flatnonzero((best_j >= 0) & (row_bound > listed + MISSED_TOLERANCE))
    return Certificate(bound=bound, row_bound=row_bound, missed=(missed, best_j[missed]))
