"""Whole-pool assignment on the sparse candidate graph: most pairs first, then best total.

The problem is the transportation LP ``max Σ w x`` with ``w_ij = M + score_ij``,
``Σ_j x_ij ≤ 1`` per mentee and ``Σ_i x_ij ≤ cap_j`` per mentor; ``M`` exceeds any total
score, so more pairs always win. It is solved in three steps:

1. **Maximum b-matching** (:mod:`bmatch`, Hopcroft-Karp) gives the largest number of
   pairs, and König's set ``R``: what an alternating path from an unmatched mentee reaches.
   Every maximum assignment fills each mentor in ``R``, matches each mentee outside ``R``
   and never pairs a mentee outside ``R`` with a mentor in ``R``. So the quality problem
   splits into two independent parts with no ``M``:
2. **Outside R** mentors have room: mentees, who must all be placed, bid for mentors
   (:mod:`auction`, one ε from zero prices: a mentor left with room must end with price
   0, which ε-scaling would not ensure; the result is within ε per mentee). This is where
   most bids go: scores are coarse, ties are common, and a tie raises a price by ε only;
3. **Inside R** mentees are to spare: an "unmatched" pseudo-mentor ``U`` with value 0 and
   as many places as mentees to spare makes the part balanced, and mentees bid with
   ε-scaling (large ε first), which keeps price wars short.

The prices are returned as mentor prices of the original problem (``M + p_j - p_U``
inside R, the auction price outside), so ``certificate.certify`` bounds the optimum over
all pairs by weak duality.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from tandem_matching.domain.auction import auction
from tandem_matching.domain.bmatch import max_bmatching, reachable
from tandem_matching.domain.encoding import F64, I64

Check = Callable[[], None]
COARSE_FROM = 10_000


@dataclass(frozen=True, slots=True)
class Solution:
    """``choice[i]``: the column of mentee i's candidate row it got, or -1 (unmatched).

    ``price``: mentor prices, a dual solution of the M-weighted LP (see module docstring).
    """

    choice: I64
    price: F64
    bids: int
    max_pairs: int


def solve(
    mentor: I64,
    score: F64,
    cap: I64,
    big_m: float,
    *,
    eps: float = 1e-6,
    eps_room: float = 1e-5,
    check: Check | None = None,
) -> Solution:
    """Lexicographic optimum (within ε per mentee) on the candidate graph.

    ``eps_room`` is the ε of the part where mentors have room when it has at least
    COARSE_FROM mentees (no ε-scaling there, so its bids grow as 1/ε): 1e-5 took a tenth
    of the bids of 1e-6 in the benchmark with the same total score. Smaller parts are fast
    either way and keep ``eps``. The certificate measures the resulting gap in all cases.

    ``mentor``/``score``: (n, k) mentor index and score of each candidate, -1 / -inf when
    missing; no mentor twice in a row.
    """
    n, m = mentor.shape[0], cap.shape[0]
    choice = np.full(n, -1, dtype=np.int64)
    price = np.zeros(m)
    listed = mentor >= 0
    if n == 0 or m == 0 or not listed.any():
        return Solution(choice, price, 0, 0)
    mate, _ = max_bmatching(mentor, cap)
    pairs = int((mate >= 0).sum())
    r_mentee, r_mentor = reachable(mentor, cap, mate)
    if check is not None:
        check()
    cols = np.maximum(mentor, 0)
    in_r = listed & r_mentor[cols]
    # Outside R: every mentee is placed with a mentor outside R.
    rows_a = np.flatnonzero(~r_mentee & (listed & ~in_r).any(axis=1))
    w_a = np.where(listed & ~in_r, score, -np.inf)[rows_a]
    eps_a = max(eps, eps_room) if rows_a.size >= COARSE_FROM else eps
    got_a, price_a, bids_a = auction(w_a, cols[rows_a], cap, [eps_a], check)
    choice[rows_a] = got_a
    price[~r_mentor] = price_a[~r_mentor]
    # Inside R: balanced with the pseudo-mentor U (index m, value 0).
    rows_b = np.flatnonzero(r_mentee & (listed & in_r).any(axis=1))
    spare = rows_b.size - int(cap[r_mentor].sum())
    w_b = np.where(listed & in_r, score, -np.inf)[rows_b]
    pseudo = np.full((rows_b.size, 1), 0.0 if spare > 0 else -np.inf)
    w_b = np.concatenate([w_b, pseudo], axis=1)
    cols_b = np.concatenate([cols[rows_b], np.full((rows_b.size, 1), m)], axis=1)
    cap_b = np.append(np.where(r_mentor, cap, 0), max(spare, 0))
    got_b, price_b, bids_b = auction(w_b, cols_b, cap_b, _schedule(eps), check)
    real = (got_b >= 0) & (got_b < w_b.shape[1] - 1)
    choice[rows_b[real]] = got_b[real]
    price[r_mentor] = big_m + price_b[:m][r_mentor] - price_b[m]
    # Weak duality needs p >= 0; it holds by construction, the clamp only guards rounding.
    return Solution(choice, np.maximum(price, 0.0), bids_a + bids_b, pairs)


def _schedule(eps: float, start: float = 0.1, factor: float = 8.0) -> list[float]:
    out = [max(start, eps)]
    while out[-1] > eps:
        out.append(max(out[-1] / factor, eps))
    return out
