"""The forward auction for mentor places (Bertsekas), compiled, one bid at a time.

Rows (mentees, each of which must be placed) bid for columns of their row: mentee ``i``
values column ``t`` at ``w[i, t] - price[cols[i, t]]``; it bids for its best column the
price plus (best value - second best) + ε. Mentor ``j`` keeps its ``cap[j]`` best bids in
a binary min-heap over its slot range, so the bid that loses its place is the heap's root;
when full, its price is that root. A displaced mentee bids again (Gauss-Seidel order, a
stack of bidders).

On termination every mentee is within ε of its best column and every mentor with a price
is full, which is complementary slackness of the transportation LP up to ε per mentee.
``run_phase`` is one ε of an ε-scaling schedule; between phases :func:`reopen` sends back
to the bidding only the mentees that are no longer within the new ε.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from tandem_matching.domain.encoding import F64, I64
from tandem_matching.domain.jit import kernel


@kernel
def _sift_down(lo: int, size: int, bid: F64, hold: I64, where: I64, at: int) -> None:
    """Restore the heap ``bid[lo : lo + size]`` below position ``at`` (relative)."""
    while True:
        left = 2 * at + 1
        if left >= size:
            return
        child = left
        if left + 1 < size and bid[lo + left + 1] < bid[lo + left]:
            child = left + 1
        if bid[lo + child] >= bid[lo + at]:
            return
        a, c = lo + at, lo + child
        bid[a], bid[c] = bid[c], bid[a]
        hold[a], hold[c] = hold[c], hold[a]
        where[hold[a]], where[hold[c]] = a, c
        at = child


@kernel
def _sift_up(lo: int, bid: F64, hold: I64, where: I64, at: int) -> None:
    while at > 0:
        parent = (at - 1) // 2
        if bid[lo + parent] <= bid[lo + at]:
            return
        a, p = lo + at, lo + parent
        bid[a], bid[p] = bid[p], bid[a]
        hold[a], hold[p] = hold[p], hold[a]
        where[hold[a]], where[hold[p]] = a, p
        at = parent


@kernel
def run_phase(
    w: F64, cols: I64, cap: I64, start: I64, eps: float, queue: I64, size: int,
    price: F64, held: I64, bid: F64, hold: I64, where: I64, choice: I64,
) -> int:  # fmt: skip
    """Bid until nobody is displaced; ``queue[:size]`` are the first bidders. Returns the
    number of bids."""
    k = w.shape[1]
    bids = 0
    top = size
    stack = queue
    while top > 0:
        top -= 1
        i = stack[top]
        v1 = v2 = -np.inf
        t1 = -1
        for t in range(k):
            if w[i, t] == -np.inf:
                continue
            v = w[i, t] - price[cols[i, t]]
            if v > v1:
                v1, v2, t1 = v, v1, t
            elif v > v2:
                v2 = v
        if t1 < 0:
            continue  # no column at all (the caller never sends such rows)
        if v2 == -np.inf:
            v2 = v1 - 1.0  # a single option: any finite step will do
        bids += 1
        j = cols[i, t1]
        offer = price[j] + (v1 - v2) + eps
        lo = start[j]
        if held[j] < cap[j]:
            at = held[j]
            bid[lo + at], hold[lo + at] = offer, i
            where[i] = lo + at
            held[j] += 1
            _sift_up(lo, bid, hold, where, at)
        else:
            out = hold[lo]
            choice[out] = -1
            where[out] = -1
            stack[top] = out
            top += 1
            bid[lo], hold[lo] = offer, i
            where[i] = lo
            _sift_down(lo, held[j], bid, hold, where, 0)
        choice[i] = t1
        if held[j] >= cap[j]:
            price[j] = bid[lo]
    return bids


@kernel
def reopen(
    w: F64, cols: I64, cap: I64, start: I64, eps: float, queue: I64,
    price: F64, held: I64, bid: F64, hold: I64, where: I64, choice: I64,
) -> int:  # fmt: skip
    """Unassign every mentee not within ``eps`` of its best column; they are written to
    ``queue``, their count returned. Heaps are rebuilt without them; prices stay."""
    n, k = w.shape
    size = 0
    for i in range(n):
        best = -np.inf
        for t in range(k):
            if w[i, t] != -np.inf:
                best = max(best, w[i, t] - price[cols[i, t]])
        c = choice[i]
        # Judged at the row's own bid, not the mentor's (lowest) price: a bid placed with a
        # larger ε of an earlier phase must be placed again, or its slack would outlive it.
        if c >= 0 and best - (w[i, c] - bid[where[i]]) <= eps:
            continue
        if c >= 0:
            hold[where[i]] = -1
            where[i] = -1
            choice[i] = -1
        queue[size] = i
        size += 1
    for j in range(cap.size):
        lo = start[j]
        kept = 0
        for s in range(lo, lo + held[j]):
            if hold[s] >= 0:
                bid[lo + kept], hold[lo + kept] = bid[s], hold[s]
                where[hold[s]] = lo + kept
                kept += 1
        held[j] = kept
        for at in range(kept // 2 - 1, -1, -1):
            _sift_down(lo, kept, bid, hold, where, at)
    return size


def auction(
    w: F64, cols: I64, cap: I64, schedule: list[float], check: Callable[[], None] | None = None
) -> tuple[I64, F64, int]:
    """Every row placed within ε of its best column: (choice, price, bids). ``check`` is
    called between phases (cancellation)."""
    n = w.shape[0]
    m = cap.shape[0]
    start = np.zeros(m + 1, dtype=np.int64)
    np.cumsum(np.maximum(cap, 0), out=start[1:])
    price = np.zeros(m)
    held = np.zeros(m, dtype=np.int64)
    bid = np.full(int(start[-1]), np.inf)
    hold = np.full(int(start[-1]), -1, dtype=np.int64)
    where = np.full(n, -1, dtype=np.int64)
    choice = np.full(n, -1, dtype=np.int64)
    queue = np.arange(n, dtype=np.int64)[::-1].copy()
    bids = 0
    if n == 0:
        return choice, price, 0
    for phase, eps in enumerate(schedule):
        if check is not None:
            check()
        size = n
        if phase:
            size = reopen(w, cols, cap, start, eps, queue, price, held, bid, hold, where, choice)
        bids += run_phase(
            w, cols, cap, start, eps, queue, size, price, held, bid, hold, where, choice
        )
    return choice, price, bids
