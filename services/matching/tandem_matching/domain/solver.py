"""Whole-pool assignment on the sparse candidate graph: a forward–reverse auction.

The problem is the transportation LP

    max Σ w_ij x_ij   s.t.  Σ_j x_ij ≤ 1 (mentee),  Σ_i x_ij ≤ cap_j (mentor),  x ≥ 0

with ``w_ij = M + score_ij``; ``M`` exceeds any total score, so more pairs always win
(cardinality first, then quality). The matrix is totally unimodular, so the LP optimum is
integral, and its dual

    min Σ_i u_i + Σ_j cap_j p_j   s.t.  u_i + p_j ≥ w_ij,  u, p ≥ 0

bounds every assignment from above for *any* mentor prices ``p ≥ 0`` with
``u_i = max(0, max_j w_ij - p_j)`` (weak duality): the certificate rests on that alone.

Why an auction: it is the primal–dual method that vectorises. Forward rounds: every
unassigned mentee bids for its best mentor (value ``w - p``, an outside option is worth
0) at ``p + (best - second best) + ε``; a mentor keeps its ``cap`` highest bids and, when
full, its price is the lowest kept bid. Reverse rounds: a mentor with room but a positive
price lowers it to attract the mentees that gain most by moving (or were unmatched).
On termination every mentee is within ε of its best option and idle mentors are free, so
``bound - value ≤ n ε``. ε-scaling (large ε first, divided each phase) keeps price wars
short; it is what makes the reverse rounds necessary (a mentor may lose holders between
phases and must not keep a price nobody pays).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from tandem_matching.domain.encoding import F64, I64

Tick = Callable[[float], None]


@dataclass(frozen=True, slots=True)
class AuctionResult:
    """``choice[i]``: column of mentee i's candidate row it got, or -1 (unmatched)."""

    choice: I64
    price: F64  # (m,) mentor prices: the dual of the capacity rows
    rounds: int


def _ranges(lo: I64, hi: I64) -> I64:
    """Concatenated ``arange(lo[t], hi[t])``."""
    lengths = hi - lo
    out: I64 = np.repeat(lo - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
    return out


class _Market:
    def __init__(self, w: F64, cols: I64, cap: I64) -> None:
        n, k = w.shape
        m = cap.shape[0]
        self.w, self.cols, self.cap = w, cols, cap
        self.rows = np.arange(n)
        self.start = np.zeros(m + 1, dtype=np.int64)
        np.cumsum(cap, out=self.start[1:])
        self.owner = np.repeat(np.arange(m, dtype=np.int64), cap)
        self.holder = np.full(int(self.start[-1]), -1, dtype=np.int64)
        self.bid = np.full(int(self.start[-1]), -np.inf)
        self.price = np.zeros(m)
        self.held = np.zeros(m, dtype=np.int64)
        self.choice = np.full(n, -1, dtype=np.int64)
        self.slot_of = np.full(n, -1, dtype=np.int64)
        flat = np.flatnonzero(np.isfinite(w).ravel())
        order = np.argsort(cols.ravel()[flat], kind="stable")
        self.rev_row = flat[order] // k
        self.rev_col = flat[order] % k
        self.rev_ptr = np.searchsorted(cols.ravel()[flat][order], np.arange(m + 1))

    def profit(self, rows: I64) -> F64:
        c = self.choice[rows]
        mentor = self.cols[rows, np.maximum(c, 0)]
        out: F64 = np.where(c >= 0, self.w[rows, np.maximum(c, 0)] - self.price[mentor], 0.0)
        return out

    def forward(self, bidders: I64, eps: float) -> I64:
        vals = self.w[bidders] - self.price[self.cols[bidders]]
        r = np.arange(bidders.size)
        if vals.shape[1] > 1:
            part = np.argpartition(-vals, 1, axis=1)
            j1 = part[:, 0]
            v2 = np.maximum(vals[r, part[:, 1]], 0.0)
        else:
            j1 = np.zeros(bidders.size, dtype=np.int64)
            v2 = np.zeros(bidders.size)
        v1 = vals[r, j1]
        go = v1 > 0.0  # otherwise the outside option (worth 0) is best: stay unmatched
        rows, col = bidders[go], j1[go]
        if rows.size == 0:
            return rows
        target = self.cols[rows, col]
        bid = self.price[target] + (v1[go] - v2[go]) + eps
        mentors = np.unique(target)
        slots = _ranges(self.start[mentors], self.start[mentors + 1])
        e_mentor = np.concatenate([self.owner[slots], target])
        e_bid = np.concatenate([self.bid[slots], bid])
        e_row = np.concatenate([self.holder[slots], rows])
        e_col = np.concatenate([self.choice[np.maximum(self.holder[slots], 0)], col])
        order = np.lexsort((-e_bid, e_mentor))
        e_mentor, e_bid, e_row, e_col = e_mentor[order], e_bid[order], e_row[order], e_col[order]
        first = np.searchsorted(e_mentor, mentors)
        rank = np.arange(e_mentor.size) - np.repeat(first, np.diff(np.append(first, e_mentor.size)))
        keep = rank < self.cap[e_mentor]
        real = e_row >= 0
        losers = e_row[~keep & real]
        self.choice[losers] = -1
        self.slot_of[losers] = -1
        dest = self.start[e_mentor[keep]] + rank[keep]
        self.holder[dest] = e_row[keep]
        self.bid[dest] = e_bid[keep]
        won = keep & real
        self.choice[e_row[won]] = e_col[won]
        self.slot_of[e_row[won]] = self.start[e_mentor[won]] + rank[won]
        self.held[mentors] = np.bincount(e_mentor[won], minlength=self.cap.size)[mentors]
        full = self.held[mentors] >= self.cap[mentors]
        last = self.start[mentors] + self.cap[mentors] - 1
        # Full: the lowest kept bid. Not full: unchanged (a reserve the reverse step lowers).
        self.price[mentors] = np.where(full, self.bid[last], self.price[mentors])
        out: I64 = losers
        return out

    def forward_serial(self, bidders: I64, eps: float) -> None:
        """Gauss–Seidel bidding, one mentee at a time, until nobody is left out.

        The tail of an auction is a chain of single displacements (A takes B's slot, B
        takes C's ...); vectorised rounds would pay numpy's fixed cost per link.
        """
        w, cols, price, start, cap = self.w, self.cols, self.price, self.start, self.cap
        holder, bid, held, choice, slot_of = self.holder, self.bid, self.held, self.choice, self.slot_of
        queue = bidders.tolist()
        k = w.shape[1]
        while queue:
            i = queue.pop()
            vals = w[i] - price[cols[i]]
            j1 = int(vals.argmax())
            v1 = float(vals[j1])
            if k > 1:
                vals[j1] = -np.inf
                v2 = max(float(vals.max()), 0.0)
            else:
                v2 = 0.0
            if v1 <= 0.0:
                choice[i] = -1
                continue
            j = int(cols[i, j1])
            lo, c = int(start[j]), int(cap[j])
            if held[j] < c:
                t = lo + int(holder[lo : lo + c].argmin())  # a free slot holds -1
                held[j] += 1
            else:
                t = lo + int(bid[lo : lo + c].argmin())
                out = int(holder[t])
                choice[out] = -1
                slot_of[out] = -1
                queue.append(out)
            holder[t] = i
            bid[t] = float(price[j]) + v1 - v2 + eps
            choice[i] = j1
            slot_of[i] = t
            if held[j] >= c:
                price[j] = bid[lo : lo + c].min()

    def leave(self, rows: I64) -> None:
        """Mentees give up their slots; the mentors keep their price for now."""
        rows = rows[self.choice[rows] >= 0]
        slots = self.slot_of[rows]
        self.holder[slots] = -1
        self.bid[slots] = -np.inf
        np.subtract.at(self.held, self.owner[slots], 1)
        self.choice[rows] = -1
        self.slot_of[rows] = -1

    def reverse(self, eps: float) -> int:
        """Mentors with room and a positive price bid for mentees; returns how many moved."""
        active = np.flatnonzero((self.held < self.cap) & (self.price > 0.0))
        if active.size == 0:
            return -1
        idx = _ranges(self.rev_ptr[active], self.rev_ptr[active + 1])
        e_mentor = np.repeat(active, self.rev_ptr[active + 1] - self.rev_ptr[active])
        e_row, e_col = self.rev_row[idx], self.rev_col[idx]
        current = self.cols[e_row, np.maximum(self.choice[e_row], 0)]
        mine = (self.choice[e_row] >= 0) & (current == e_mentor)
        beta = np.where(mine, -np.inf, self.w[e_row, e_col] - self.profit(e_row))
        order = np.lexsort((-beta, e_mentor))
        e_mentor, e_row, e_col, beta = e_mentor[order], e_row[order], e_col[order], beta[order]
        first = np.searchsorted(e_mentor, active)
        count = np.diff(np.append(first, e_mentor.size))
        rank = np.arange(e_mentor.size) - np.repeat(first, count)
        room = self.cap[active] - self.held[active]
        nth = first + room  # the best mentee beyond the room sets the new price
        beyond = np.where(room < count, beta[np.minimum(nth, max(e_mentor.size - 1, 0))], -np.inf)
        new_price = np.maximum(0.0, beyond - eps)
        self.price[active] = new_price
        p_of = np.zeros(self.cap.size)
        p_of[active] = new_price
        offer = (rank < np.repeat(room, count)) & (beta > p_of[e_mentor])
        o_row, o_col, o_mentor = e_row[offer], e_col[offer], e_mentor[offer]
        if o_row.size == 0:
            return 0
        gain = self.w[o_row, o_col] - p_of[o_mentor]
        order = np.lexsort((-gain, o_row))
        o_row, o_col, o_mentor = o_row[order], o_col[order], o_mentor[order]
        head = np.ones(o_row.size, dtype=np.bool_)
        head[1:] = o_row[1:] != o_row[:-1]
        o_row, o_col, o_mentor = o_row[head], o_col[head], o_mentor[head]
        self.leave(o_row)
        mentors, per = np.unique(o_mentor, return_counts=True)
        slots = _ranges(self.start[mentors], self.start[mentors + 1])
        free = slots[self.holder[slots] < 0]
        f_owner = self.owner[free]
        f_first = np.searchsorted(f_owner, mentors)
        order = np.argsort(o_mentor, kind="stable")
        o_row, o_col, o_mentor = o_row[order], o_col[order], o_mentor[order]
        o_rank = np.arange(o_row.size) - np.repeat(np.searchsorted(o_mentor, mentors), per)
        dest = free[np.repeat(f_first, per) + o_rank]
        self.holder[dest] = o_row
        self.bid[dest] = p_of[o_mentor]
        self.choice[o_row] = o_col
        self.slot_of[o_row] = dest
        np.add.at(self.held, o_mentor, 1)
        full = self.held[mentors] >= self.cap[mentors]
        slots_m = _ranges(self.start[mentors], self.start[mentors + 1])
        lowest = np.minimum.reduceat(self.bid[slots_m], np.searchsorted(slots_m, self.start[mentors]))
        self.price[mentors] = np.where(full, lowest, self.price[mentors])
        return int(o_row.size)

    def violators(self, eps: float) -> I64:
        vals = self.w - self.price[self.cols]
        best = np.maximum(np.max(vals, axis=1), 0.0)
        out: I64 = np.flatnonzero(best - self.profit(self.rows) > eps)
        return out


def auction(
    w: F64,
    cols: I64,
    cap: I64,
    *,
    eps_final: float,
    eps_start: float | None = None,
    factor: float = 8.0,
    tick: Tick | None = None,
    check: Callable[[], None] | None = None,
    max_sweeps: int = 10_000,
    serial_below: int = 32,
    price0: F64 | None = None,
) -> AuctionResult:
    """Solve ``max Σ w x`` on the candidate graph.

    ``w``/``cols``: (n, k) values and mentor indices of each mentee's candidates; a
    missing candidate has ``w = -inf``; no mentor appears twice in a row. Every mentee also
    has an outside option worth 0.
    """
    if w.size == 0 or cap.size == 0:
        return AuctionResult(np.full(w.shape[0], -1, dtype=np.int64), np.zeros(cap.size), 0)
    mk = _Market(w, cols, cap)
    if price0 is not None:
        mk.price[:] = price0  # warm start: prices from an earlier solve
    finite = np.isfinite(w)
    top = float(np.max(w, initial=0.0, where=finite))
    eps = max(eps_start if eps_start is not None else top / 4.0, eps_final)
    phases = max(1, int(np.ceil(np.log(eps / eps_final) / np.log(factor))) + 1)
    bidders = np.arange(w.shape[0], dtype=np.int64)
    rounds = phase = extra = 0
    while True:
        for _ in range(max_sweeps):
            while bidders.size:
                rounds += 1
                if check is not None and rounds % 32 == 0:
                    check()
                if bidders.size <= serial_below:
                    mk.forward_serial(bidders, eps)
                    bidders = bidders[:0]
                    break
                bidders = mk.forward(bidders, eps)
            rounds += 1
            if mk.reverse(eps) < 0:
                break
            # Reverse moves keep every mentee within ε of its best option, so no new
            # bidders appear; the loop only returns here if rounding says otherwise.
        phase += 1
        if tick is not None:
            tick(min(1.0, phase / phases))
        if eps <= eps_final:
            bidders = mk.violators(eps)
            if bidders.size == 0 or extra >= 3:
                break
            extra += 1
        else:
            eps = max(eps / factor, eps_final)
            bidders = mk.violators(eps)
        mk.leave(bidders)
    return AuctionResult(choice=mk.choice, price=mk.price, rounds=rounds)
