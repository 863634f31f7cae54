"""Whole-pool assignment on the sparse candidate graph: most pairs first, then best total.

The problem is the transportation LP ``max Σ w x`` with ``w_ij = M + score_ij``,
``Σ_j x_ij ≤ 1`` per mentee and ``Σ_i x_ij ≤ cap_j`` per mentor; ``M`` exceeds any total
score, so more pairs always win. It is solved in three steps, each chosen because it runs
in scipy's compiled code or vectorises:

1. **Maximum flow** (``scipy.sparse.csgraph.maximum_flow``) gives the largest number of
   pairs, and a breadth-first search of its residual graph the set ``R`` reachable from
   the unmatched mentees (König). Every maximum assignment fills each mentor in ``R``,
   matches each mentee outside ``R`` and never pairs a mentee outside ``R`` with a mentor
   in ``R``. So the quality problem splits into two independent parts with no ``M``:
2. **Outside R** mentors have room: mentees, who must all be placed, bid for mentors;
3. **Inside R** mentees are to spare: an "unmatched" pseudo-mentor ``U`` with value 0 and
   as many places as mentees to spare makes the part balanced, and mentees bid.

Both parts are *forward auctions* (Bertsekas): a mentee bids the price of its best mentor
plus (best value - second best) + ε; a mentor keeps its best bids and, when full, its
price is the lowest bid it kept. On termination every mentee is within ε of its best
option and every place with a price is taken — exactly the LP dual's complementary
slackness, so the duality gap is at most ε per mentee. The balanced part uses ε-scaling
(large ε first; between phases only mentees no longer within the new ε bid again), which
keeps price wars short. Chains of single displacements (the tail of every phase) run one
bid at a time on Python lists, where a vectorised round per link would cost far more.

The prices are returned as mentor prices of the original problem (``M + p_j - p_U``
inside R, the auction price outside), so ``certificate.certify`` bounds the optimum over
all pairs by weak duality.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import breadth_first_order, maximum_flow

from tandem_matching.domain.encoding import B8, F64, I64

Check = Callable[[], None]
SERIAL_BELOW = 64


@dataclass(frozen=True, slots=True)
class Solution:
    """``choice[i]``: the column of mentee i's candidate row it got, or -1 (unmatched).

    ``price``: mentor prices, a dual solution of the M-weighted LP (see module docstring).
    """

    choice: I64
    price: F64
    rounds: int
    max_pairs: int


def cover(mentor: I64, cap: I64) -> tuple[int, B8, B8]:
    """(max pairs, mentees in R, mentors in R) on the candidate graph."""
    n, m = mentor.shape[0], cap.shape[0]
    s, t = n + m, n + m + 1
    ei, col = np.nonzero(mentor >= 0)
    rj = mentor[ei, col]
    src = np.concatenate([np.full(n, s), ei, n + np.arange(m)])
    dst = np.concatenate([np.arange(n), n + rj, np.full(m, t)])
    cap_e = np.concatenate([np.ones(n), np.ones(ei.size), cap]).astype(np.int32)
    graph = sp.csr_matrix((cap_e, (src, dst)), shape=(n + m + 2, n + m + 2))
    flow = maximum_flow(graph, s, t, method="dinic")
    f = flow.flow.tocsr()
    positive = f.multiply(f > 0).tocsr()
    spare = (graph - positive).tocsr()
    spare.data = (spare.data > 0).astype(np.int8)
    spare.eliminate_zeros()
    residual = (spare + positive.T.tocsr().astype(np.int8)).tocsr()
    residual.data[:] = 1
    reach = np.zeros(n + m + 2, dtype=np.bool_)
    reach[breadth_first_order(residual, s, directed=True, return_predecessors=False)] = True
    return int(flow.flow_value), reach[:n], reach[n : n + m]


def solve(
    mentor: I64,
    score: F64,
    cap: I64,
    big_m: float,
    *,
    eps: float = 1e-6,
    check: Check | None = None,
) -> Solution:
    """Lexicographic optimum (within ε per mentee) on the candidate graph.

    ``mentor``/``score``: (n, k) mentor index and score of each candidate, -1 / -inf when
    missing; no mentor twice in a row.
    """
    n, m = mentor.shape[0], cap.shape[0]
    choice = np.full(n, -1, dtype=np.int64)
    price = np.zeros(m)
    if n == 0 or m == 0 or not (mentor >= 0).any():
        return Solution(choice, price, 0, 0)
    pairs, r_mentee, r_mentor = cover(mentor, cap)
    listed = mentor >= 0
    in_r = listed & r_mentor[np.maximum(mentor, 0)]
    cols = np.maximum(mentor, 0)
    # Outside R: every mentee is placed with a mentor outside R (single ε, no scaling:
    # mentors have room, so a forward auction from zero prices is exact).
    rows_a = np.flatnonzero(~r_mentee & (listed & ~in_r).any(axis=1))
    w_a = np.where(listed & ~in_r, score, -np.inf)[rows_a]
    got_a, price_a, rounds_a = _auction(w_a, cols[rows_a], cap, [eps], check)
    choice[rows_a] = got_a
    price[~r_mentor] = price_a[~r_mentor]
    # Inside R: balanced with the pseudo-mentor U (index m, value 0).
    rows_b = np.flatnonzero(r_mentee & (listed & in_r).any(axis=1))
    spare = rows_b.size - int(cap[r_mentor].sum())
    w_b = np.where(listed & in_r, score, -np.inf)[rows_b]
    w_b = np.concatenate([w_b, np.zeros((rows_b.size, 1))], axis=1)
    cols_b = np.concatenate([cols[rows_b], np.full((rows_b.size, 1), m)], axis=1)
    cap_b = np.append(np.where(r_mentor, cap, 0), max(spare, 0))
    got_b, price_b, rounds_b = _auction(w_b, cols_b, cap_b, _schedule(eps), check)
    real = (got_b >= 0) & (got_b < w_b.shape[1] - 1)
    choice[rows_b[real]] = got_b[real]
    price[r_mentor] = big_m + price_b[:m][r_mentor] - price_b[m]
    # Weak duality needs p >= 0; it holds by construction, the clamp only guards rounding.
    return Solution(choice, np.maximum(price, 0.0), rounds_a + rounds_b, pairs)


def _schedule(eps: float, start: float = 0.1, factor: float = 8.0) -> list[float]:
    out = [max(start, eps)]
    while out[-1] > eps:
        out.append(max(out[-1] / factor, eps))
    return out


def _auction(
    w: F64, cols: I64, cap: I64, schedule: list[float], check: Check | None
) -> tuple[I64, F64, int]:
    """Mentees (each must be placed) bid for mentor places: (choice, price, bids).

    One phase per ε of ``schedule``. Between phases only the mentees that are no longer
    within the new ε of their best option leave their place and bid again.
    """
    n = w.shape[0]
    m = cap.shape[0]
    start = np.zeros(m + 1, dtype=np.int64)
    np.cumsum(cap, out=start[1:])
    owner = np.repeat(np.arange(m, dtype=np.int64), cap)
    price = np.zeros(m)
    holder = np.full(int(start[-1]), -1, dtype=np.int64)
    bid = np.full(int(start[-1]), -np.inf)
    held = np.zeros(m, dtype=np.int64)
    choice = np.full(n, -1, dtype=np.int64)
    if n == 0:
        return choice, price, 0
    rows = np.arange(n)
    bidders = rows.copy()
    rounds = 0
    lists = (w.tolist(), cols.tolist())
    for phase, eps in enumerate(schedule):
        if phase:
            vals = w - price[cols]
            mine = vals[rows, np.maximum(choice, 0)]
            bidders = np.flatnonzero((choice < 0) | (vals.max(axis=1) - mine > eps))
            filled = np.flatnonzero(holder >= 0)
            gone = filled[np.isin(holder[filled], bidders)]
            holder[gone], bid[gone] = -1, -np.inf
            np.subtract.at(held, owner[gone], 1)
            choice[bidders] = -1
        while bidders.size > SERIAL_BELOW:
            rounds += 1
            if check is not None and rounds % 16 == 0:
                check()
            bidders = _round(
                bidders, w, cols, cap, start, owner, holder, bid, price, held, choice, eps
            )
        rounds += _serial(
            bidders.tolist(), lists, cap, start, holder, bid, price, held, choice, eps
        )
    return choice, price, rounds


def _round(
    bidders: I64, w: F64, cols: I64, cap: I64, start: I64, owner: I64, holder: I64,
    bid: F64, price: F64, held: I64, choice: I64, eps: float,
) -> I64:  # fmt: skip
    """One Jacobi round: every bidder bids at once, each mentor keeps its best bids."""
    k = w.shape[1]
    m = cap.shape[0]
    vals = w[bidders] - price[cols[bidders]]
    r = np.arange(bidders.size)
    if k > 1:
        part = np.argpartition(-vals, 1, axis=1)
        j1, v2 = part[:, 0], vals[r, part[:, 1]]
    else:
        j1, v2 = np.zeros(bidders.size, dtype=np.int64), np.full(bidders.size, -np.inf)
    v1 = vals[r, j1]
    v2 = np.where(np.isfinite(v2), v2, v1 - 1.0)  # a single option: any finite step
    target = cols[bidders, j1]
    offer = price[target] + (v1 - v2) + eps
    mentors = np.unique(target)
    slots = _ranges(start[mentors], start[mentors + 1])
    e_mentor = np.concatenate([owner[slots], target])
    e_bid = np.concatenate([bid[slots], offer])
    e_row = np.concatenate([holder[slots], bidders])
    e_col = np.concatenate([choice[np.maximum(holder[slots], 0)], j1])
    order = np.lexsort((-e_bid, e_mentor))
    e_mentor, e_bid, e_row, e_col = e_mentor[order], e_bid[order], e_row[order], e_col[order]
    first = np.searchsorted(e_mentor, mentors)
    rank = np.arange(e_mentor.size) - np.repeat(first, np.diff(np.append(first, e_mentor.size)))
    keep = rank < cap[e_mentor]
    real = e_row >= 0
    out: I64 = e_row[~keep & real]
    choice[out] = -1
    dest = start[e_mentor[keep]] + rank[keep]
    holder[dest], bid[dest] = e_row[keep], e_bid[keep]
    won = keep & real
    choice[e_row[won]] = e_col[won]
    held[mentors] = np.bincount(e_mentor[won], minlength=m)[mentors]
    last = start[mentors] + cap[mentors] - 1
    full = held[mentors] >= cap[mentors]
    price[mentors] = np.where(full, bid[np.maximum(last, 0)], price[mentors])
    return out


def _serial(
    queue: list[int], lists: tuple[list[list[float]], list[list[int]]], cap: I64,
    start: I64, holder: I64, bid: F64, price: F64, held: I64, choice: I64, eps: float,
) -> int:  # fmt: skip
    """The tail of a phase, one bid at a time on Python lists."""
    if not queue:
        return 0
    p, h, b, hl, ch = price.tolist(), holder.tolist(), bid.tolist(), held.tolist(), choice.tolist()
    st, cp = start.tolist(), cap.tolist()
    rows_w, rows_c = lists
    heaps: dict[int, list[tuple[float, int]]] = {}  # big mentors (the pseudo-mentor)
    free: dict[int, list[int]] = {}
    bids = 0
    while queue:
        i = queue.pop()
        bids += 1
        ci = rows_c[i]
        v1 = v2 = -math.inf
        j1 = 0
        for t, (wv, j) in enumerate(zip(rows_w[i], ci, strict=True)):
            v = wv - p[j]
            if v > v1:
                v1, v2, j1 = v, v1, t
            elif v > v2:
                v2 = v
        if v2 == -math.inf:
            v2 = v1 - 1.0  # a single option: any finite step
        j = ci[j1]
        lo, c = st[j], cp[j]
        offer = p[j] + v1 - v2 + eps
        if c > 4 * SERIAL_BELOW:
            # a heap of (bid, place) and a list of free places instead of scanning
            heap = heaps.get(j)
            if heap is None:
                heap = heaps[j] = [(b[t], t) for t in range(lo, lo + c) if h[t] >= 0]
                heapq.heapify(heap)
                free[j] = [t for t in range(lo, lo + c) if h[t] < 0]
            if free[j]:
                t = free[j].pop()
                hl[j] += 1
                heapq.heappush(heap, (offer, t))
            else:
                t = heap[0][1]  # the lowest bid leaves; the offer takes its place
                heapq.heapreplace(heap, (offer, t))
                out = h[t]
                ch[out] = -1
                queue.append(out)
            h[t], b[t], ch[i] = i, offer, j1
            if hl[j] >= c:
                p[j] = heap[0][0]
            continue
        if hl[j] < c:
            t = lo + h[lo : lo + c].index(-1)
            hl[j] += 1
        else:
            seg = b[lo : lo + c]
            t = lo + seg.index(min(seg))
            out = h[t]
            ch[out] = -1
            queue.append(out)
        h[t], b[t], ch[i] = i, offer, j1
        if hl[j] >= c:
            p[j] = min(b[lo : lo + c])
    price[:], holder[:], bid[:], held[:], choice[:] = p, h, b, hl, ch
    return bids


def _ranges(lo: I64, hi: I64) -> I64:
    """Concatenated ``arange(lo[t], hi[t])``."""
    lengths = hi - lo
    out: I64 = np.repeat(lo - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
    return out
