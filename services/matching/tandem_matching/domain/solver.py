"""Whole-pool assignment on the sparse candidate graph: most pairs first, then best total.

The problem is the transportation LP ``max Σ w x`` with ``w_ij = M + score_ij``,
``Σ_j x_ij ≤ 1`` per mentee and ``Σ_i x_ij ≤ cap_j`` per mentor; ``M`` exceeds any total
score, so more pairs always win. It is solved in three steps:

1. **Maximum b-matching** (:mod:`bmatch`, Hopcroft-Karp) gives the largest number of
   pairs, and König's set ``R``: what an alternating path from an unmatched mentee reaches.
   Every maximum assignment fills each mentor in ``R``, matches each mentee outside ``R``
   and never pairs a mentee outside ``R`` with a mentor in ``R``. So the quality problem
   splits into two independent parts with no ``M``:
2. **Outside R** mentors have places to spare and every mentee must be placed. Pseudo-
   mentees that value every mentor at 0 take the spare places, which balances the part,
   so the mentees can bid with ε-scaling (:mod:`auction`; without them a mentor left with
   room would have to end at price 0, which large-ε phases break). This is where most
   bids go: scores are coarse, ties are common, and a tie raises a price by ε only;
3. **Inside R** mentees are to spare: an "unmatched" pseudo-mentor ``U`` with value 0 and
   as many places as mentees to spare balances that part the other way round.

The prices are returned as mentor prices of the original problem (``M + p_j - p_U``
inside R, the auction price outside, shifted so that the lowest is 0), so
``certificate.certify`` bounds the optimum over all pairs by weak duality.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from tandem_matching.domain.auction import auction
from tandem_matching.domain.bmatch import max_bmatching, reachable
from tandem_matching.domain.encoding import B8, F64, I64
from tandem_matching.domain.jit import kernel

Check = Callable[[], None]
More = Callable[[F64], tuple[I64, I64, F64]]
"""Given mentor prices, (mentee, mentor, score) pairs worth adding to the graph."""
COARSE_FROM = 10_000
WIDEN_BELOW = 2e-3


@dataclass(frozen=True, slots=True)
class Solution:
    """``choice[i]``: the column of mentee i's candidate row it got, or -1 (unmatched).

    ``price``: mentor prices, a dual solution of the M-weighted LP (see module docstring).
    """

    choice: I64
    price: F64
    bids: int
    max_pairs: int
    mentor: I64  # the graph solved: the input, with the columns ``more`` added
    score: F64


def solve(
    mentor: I64,
    score: F64,
    cap: I64,
    big_m: float,
    *,
    eps: float = 1e-6,
    eps_start: float = 0.1,
    eps_spare: float = 1e-5,
    more: More | None = None,
    check: Check | None = None,
) -> Solution:
    """Lexicographic optimum (within ε per bidder) on the candidate graph.

    Both parts run ε-scaling from ``eps_start`` down to ``eps``. The pseudo-mentees that
    take the places to spare outside R bid with ``eps_spare`` once that part has at least
    COARSE_FROM mentees: they only push the lowest prices up, and at 1e-5 (each within
    1e-5 of the lowest price, at most 0.1 in all for 10,000 places) they took a third
    fewer bids than at 1e-6 in the benchmark. Smaller parts are fast either way and keep
    ``eps``. The certificate measures the resulting gap in all cases.

    ``more`` (column generation inside the solve): once the part outside R has reached
    ε ≤ WIDEN_BELOW its prices are close to final, so the pairs that beat a mentee's
    candidates at those prices are the ones a certificate would add after the solve. They
    are asked for then, added where they keep to that part (they cannot change R), and the
    finer phases run on the wider graph; ``Solution.mentor``/``score`` is that graph.

    ``mentor``/``score``: (n, k) mentor index and score of each candidate, -1 / -inf when
    missing; no mentor twice in a row.
    """
    n, m = mentor.shape[0], cap.shape[0]
    choice = np.full(n, -1, dtype=np.int64)
    price = np.zeros(m)
    listed = mentor >= 0
    if n == 0 or m == 0 or not listed.any():
        return Solution(choice, price, 0, 0, mentor, score)
    mate, _ = max_bmatching(mentor, cap)
    pairs = int((mate >= 0).sum())
    r_mentee, r_mentor = reachable(mentor, cap, mate)
    if check is not None:
        check()
    ordered = _ordered_width(score)  # columns added later go after these
    # Outside R: every mentee is placed with a mentor outside R; places to spare.
    rows_a, w_a, cols_a = _part(mentor, score, ~r_mentee, ~r_mentor, -1, 0.0)
    cap_a = np.where(r_mentor, 0, cap)

    def widen(price_a: F64) -> tuple[F64, I64] | None:
        nonlocal mentor, score
        if more is None:
            return None
        # Mentors in R get a price no pair can pay: they belong to the other part.
        rows, cols, scores = more(np.where(r_mentor, 4.0 * big_m, price_a))
        keep = ~r_mentee[rows] & ~r_mentor[cols]
        if not keep.any():
            return None
        mentor, score = add_columns(mentor, score, rows[keep], cols[keep], scores[keep])
        return _part(mentor, score, ~r_mentee, ~r_mentor, -1, 0.0)[1:]

    got_a, price_a, bids_a = auction(
        w_a, cols_a, cap_a, _schedule(eps, eps_start), spare=int(cap_a.sum()) - rows_a.size,
        eps_spare=eps_spare if rows_a.size >= COARSE_FROM else eps, ordered=ordered,
        widen=widen, widen_below=WIDEN_BELOW, check=check,
    )  # fmt: skip
    choice[rows_a] = got_a
    price[~r_mentor] = price_a[~r_mentor]
    # Inside R: balanced with the pseudo-mentor U (index m, value 0, the last column).
    rows_b, w_b, cols_b = _part(mentor, score, r_mentee, r_mentor, m, 0.0)
    spare = rows_b.size - int(cap[r_mentor].sum())
    if spare <= 0:
        w_b[:, -1] = -np.inf
    cap_b = np.append(np.where(r_mentor, cap, 0), max(spare, 0))
    got_b, price_b, bids_b = auction(
        w_b, cols_b, cap_b, _schedule(eps, eps_start), ordered=ordered, check=check
    )
    real = (got_b >= 0) & (got_b < w_b.shape[1] - 1)
    choice[rows_b[real]] = got_b[real]
    price[r_mentor] = big_m + price_b[:m][r_mentor] - price_b[m]
    # Weak duality needs p >= 0; it holds by construction, the clamp only guards rounding.
    return Solution(choice, np.maximum(price, 0.0), bids_a + bids_b, pairs, mentor, score)


def add_columns(mentor: I64, score: F64, rows: I64, cols: I64, scores: F64) -> tuple[I64, F64]:
    """The graph with (row, mentor, score) appended, one extra column per repeat of a row;
    existing columns keep their positions."""
    if rows.size == 0:
        return mentor, score
    order = np.argsort(rows, kind="stable")
    rows, cols, scores = rows[order], cols[order], scores[order]
    slot = np.arange(rows.size) - np.searchsorted(rows, rows)
    n, k = mentor.shape
    width = k + int(slot.max()) + 1
    m2 = np.full((n, width), -1, dtype=np.int64)
    s2 = np.full((n, width), -np.inf)
    m2[:, :k], s2[:, :k] = mentor, score
    m2[rows, k + slot], s2[rows, k + slot] = cols, scores
    return m2, s2


@kernel
def _ordered_width(score: F64) -> int:
    """The number of leading columns in which every row is best first."""
    width: int = score.shape[1]
    for i in range(score.shape[0]):
        for t in range(1, width):
            if score[i, t] > score[i, t - 1]:
                width = t
                break
    return width


@kernel
def _part(
    mentor: I64, score: F64, row_in: B8, col_in: B8, extra_col: int, extra_value: float
) -> tuple[I64, F64, I64]:
    """The rows of ``row_in`` with a column of ``col_in``, as an auction's (rows, w, cols):
    other columns -inf, and with ``extra_col >= 0`` one more column of ``extra_value``."""
    n, k = mentor.shape
    keep = np.zeros(n, dtype=np.bool_)
    for i in range(n):
        if row_in[i]:
            for t in range(k):
                j = mentor[i, t]
                if j >= 0 and col_in[j]:
                    keep[i] = True
                    break
    rows = np.flatnonzero(keep)
    width = k + 1 if extra_col >= 0 else k
    w = np.full((rows.size, width), -np.inf)
    cols = np.zeros((rows.size, width), dtype=np.int64)
    for r in range(rows.size):
        i = rows[r]
        for t in range(k):
            j = mentor[i, t]
            if j >= 0 and col_in[j]:
                w[r, t], cols[r, t] = score[i, t], j
        if extra_col >= 0:
            w[r, k], cols[r, k] = extra_value, extra_col
    return rows, w, cols


def _schedule(eps: float, start: float = 0.1, factor: float = 8.0) -> list[float]:
    out = [max(start, eps)]
    while out[-1] > eps:
        out.append(max(out[-1] / factor, eps))
    return out
