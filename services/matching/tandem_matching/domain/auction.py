"""The auction for mentor places (Bertsekas), compiled, one bid at a time, with ε-scaling.

Rows (mentees) bid for columns of their row: mentee ``i`` values column ``t`` at
``w[i, t] - price[cols[i, t]]``; it bids for its best column the price plus (best value -
second best) + ε. Mentor ``j`` keeps its ``cap[j]`` best bids in a binary min-heap over its
slot range, so the bid that loses its place is the heap's root; when full, its price is
that root. A displaced bidder bids again (Gauss-Seidel order, a stack of bidders).

The problem must be *balanced* (as many bidders as places) for ε-scaling to be valid: with
places to spare, a mentor left with room must end at price 0, which large-ε phases break.
So ``spare`` pseudo-mentees that value every mentor at 0 take the places left over. They
are not rows of ``w``: a pseudo-mentee bids for the cheapest mentor, found in a min-heap
of mentors by price (:func:`_cheapest_build`). At the end every place is held and every
bidder is within ε of its best column, so with ``λ`` the lowest price, ``price - λ`` is a
dual solution of the transportation LP with places to spare (mentors holding
pseudo-mentees are within ε of λ), within ε per bidder.

Between phases :func:`reopen` sends back to the bidding only the bidders no longer within
the new ε *at the mentors' prices*, and lowers the bid a kept bidder holds to at most ε
above what keeps it in place: a bid placed with a larger ε of an earlier phase would
otherwise let its mentor's price rise towards it and leave the bidder that far from its
best column.

Prices never go below 0, and the first ``ordered`` columns of every row are best first
(the engine's candidate rows; -inf holes allowed), so a row's scan leaves that prefix at
the first ``w`` no better than the second best value found: most scans read a few
columns.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from tandem_matching.domain.encoding import F64, I64
from tandem_matching.domain.jit import kernel

Widen = Callable[[F64], tuple[F64, I64] | None]


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
def _cheapest_down(heap: I64, slot: I64, price: F64, size: int, at: int) -> None:
    """Restore the min-heap of mentors by price below position ``at``."""
    while True:
        left = 2 * at + 1
        if left >= size:
            return
        child = left
        if left + 1 < size and price[heap[left + 1]] < price[heap[left]]:
            child = left + 1
        if price[heap[child]] >= price[heap[at]]:
            return
        a, c = heap[at], heap[child]
        heap[at], heap[child] = c, a
        slot[c], slot[a] = at, child
        at = child


@kernel
def _cheapest_build(cap: I64, price: F64, heap: I64, slot: I64) -> int:
    """Heap of the mentors with places, by price; returns its size."""
    size = 0
    for j in range(cap.size):
        slot[j] = -1
        if cap[j] > 0:
            heap[size], slot[j] = j, size
            size += 1
    for at in range(size // 2 - 1, -1, -1):
        _cheapest_down(heap, slot, price, size, at)
    return size


@kernel
def run_phase(
    w: F64, ordered: int, cols: I64, cap: I64, start: I64, eps: float, eps_spare: float,
    queue: I64, size: int,
    price: F64, held: I64, bid: F64, hold: I64, where: I64, choice: I64,
    heap: I64, slot: I64, n_heap: int,
) -> int:  # fmt: skip
    """Bid until nobody is displaced; ``queue[:size]`` are the first bidders (rows of
    ``w``, or pseudo-mentees from ``w.shape[0]`` on). Returns the number of bids."""
    n, k = w.shape
    bids = 0
    top = size
    stack = queue
    while top > 0:
        top -= 1
        i = stack[top]
        if i < n:
            v1 = v2 = -np.inf
            t1 = -1
            t = 0
            while t < k:
                x = w[i, t]
                if x == -np.inf:
                    t += 1
                    continue
                if x <= v2 and t < ordered:
                    t = ordered  # prices are >= 0: nothing else in the prefix beats v2
                    continue
                v = x - price[cols[i, t]]
                if v > v1:
                    v1, v2, t1 = v, v1, t
                elif v > v2:
                    v2 = v
                t += 1
            if t1 < 0:
                continue  # no column at all (the caller never sends such rows)
            if v2 == -np.inf:
                v2 = v1 - 1.0  # a single option: any finite step will do
            j = cols[i, t1]
            offer = price[j] + (v1 - v2) + eps
        else:  # a pseudo-mentee: the cheapest mentor, up to the second cheapest
            j = t1 = heap[0]
            second = price[j] + 1.0
            if n_heap > 1:
                second = price[heap[1]]
            if n_heap > 2:
                second = min(second, price[heap[2]])
            offer = second + eps_spare
        bids += 1
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
        if held[j] >= cap[j] and bid[lo] != price[j]:
            price[j] = bid[lo]  # prices only rise during a phase
            _cheapest_down(heap, slot, price, n_heap, slot[j])
    return bids


@kernel
def reopen(
    w: F64, cols: I64, cap: I64, start: I64, eps: float, eps_spare: float, queue: I64, spare: int,
    price: F64, held: I64, bid: F64, hold: I64, where: I64, choice: I64,
) -> int:  # fmt: skip
    """Unassign every bidder not within ``eps`` of its best column at the mentors' prices;
    they are written to ``queue``, their count returned. Kept bidders' bids are lowered to
    at most ``eps`` above their indifference point; heaps are rebuilt; prices stay."""
    n, k = w.shape
    low = low2 = np.inf  # the two lowest prices of mentors with places, for pseudo-mentees
    low_j = -1
    for j in range(cap.size):
        if cap[j] > 0:
            if price[j] < low:
                low, low2, low_j = price[j], low, j
            elif price[j] < low2:
                low2 = price[j]
    size = 0
    for i in range(n + spare):
        c = choice[i]
        if c >= 0:
            if i < n:
                other = -np.inf
                for t in range(k):
                    if t != c and w[i, t] != -np.inf:
                        other = max(other, w[i, t] - price[cols[i, t]])
                value = w[i, c]
                mine = value - price[cols[i, c]]
            else:
                other = -(low2 if c == low_j else low)
                value = 0.0
                mine = -price[c]
            slack = eps if i < n else eps_spare
            if other - mine <= slack:
                bid[where[i]] = min(bid[where[i]], value - other + slack)
                continue
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
    w: F64,
    cols: I64,
    cap: I64,
    schedule: list[float],
    *,
    spare: int = 0,
    eps_spare: float = 0.0,
    ordered: int = 0,
    widen: Widen | None = None,
    widen_below: float = 0.0,
    check: Callable[[], None] | None = None,
) -> tuple[I64, F64, int]:
    """Every row placed within ε of its best column: (choice, price, bids).

    ``spare``: places left over (Σ cap - rows), taken by pseudo-mentees that bid with
    ``eps_spare`` (at least ε); the prices returned are then shifted so that the lowest is
    0. ``ordered``: leading columns in which every row is best first. ``widen``: called
    once with the prices after the first phase with ε at most ``widen_below``; it may
    return a wider ``(w, cols)`` (same rows, more columns after the existing ones), which
    the later phases use. ``check`` is called between phases (cancellation).
    """
    n, m = w.shape[0], cap.shape[0]
    everyone = n + spare
    start = np.zeros(m + 1, dtype=np.int64)
    np.cumsum(np.maximum(cap, 0), out=start[1:])
    price = np.zeros(m)
    held = np.zeros(m, dtype=np.int64)
    bid = np.full(int(start[-1]), np.inf)
    hold = np.full(int(start[-1]), -1, dtype=np.int64)
    where = np.full(everyone, -1, dtype=np.int64)
    choice = np.full(everyone, -1, dtype=np.int64)
    # Real rows on top of the stack: pseudo-mentees then only fill what is left.
    queue = np.arange(everyone, dtype=np.int64)[::-1].copy()
    heap = np.empty(m, dtype=np.int64)
    slot = np.empty(m, dtype=np.int64)
    bids = 0
    if n == 0:
        return choice[:0], np.zeros(m), 0
    for phase, eps in enumerate(schedule):
        if check is not None:
            check()
        size, eps_s = everyone, max(eps, eps_spare)
        state = (price, held, bid, hold, where, choice)
        if phase:
            size = reopen(w, cols, cap, start, eps, eps_s, queue, spare, *state)
        n_heap = _cheapest_build(cap, price, heap, slot)
        bids += run_phase(
            w, ordered, cols, cap, start, eps, eps_s, queue, size, *state, heap, slot, n_heap
        )
        if widen is not None and eps <= widen_below:
            wider = widen(price)
            widen = None
            if wider is not None:
                w, cols = wider
    if spare > 0:
        price -= price[cap > 0].min()
    return choice[:n], price, bids
