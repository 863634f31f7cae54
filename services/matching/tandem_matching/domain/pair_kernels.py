"""Compiled work on mentee × mentor pairs: which pairs share enough time, their scores,
each mentee's best mentors and the certificate's best reduced value.

Availability is the most selective hard rule (in the benchmark's population about 4% of the
pairs the other rules allow share 2 h a week), so pairs are not enumerated mentor by
mentor. A *block* (the mentors a mentee group's other hard rules allow, gathered by
:func:`candidates.mentor_block`) carries its mentors' weekly windows sorted by start; for
each window of a mentee, :func:`feasible_pairs` walks the block's windows that can overlap
it and adds the overlap to each owner. Only mentors with enough shared time come out, as
CSR rows (``ptr``, block position, overlap), and only they are scored. When availability
is not a hard rule (or asks for no minimum) every mentor of the block comes out.

Scores are :func:`categorical` + the availability term, exactly the float64 formula of
:func:`scoring.explain`. The per-pair loads are written out in each kernel and helpers take
scalars only: numba's reference counting of array arguments of inlined helpers cost more
than the scoring itself.

Exclusions arrive as CSR arrays (``excl_ptr``, ``excl_idx``: sorted mentor ids per mentee).
"""

from __future__ import annotations

import numpy as np

from tandem_matching.domain.encoding import (
    A_CULT,
    A_FIRST,
    A_SEC,
    A_SG,
    A_SHARE,
    BIAS,
    CAN_MEET,
    COUNTRY,
    F64,
    FIRST_LANG,
    FMT,
    FORMAT,
    HARD_AVAIL,
    I32,
    I64,
    MIN_SLOTS,
    MOD_FAR,
    MOD_NEAR,
    REACH,
    SAT_SLOTS,
    SECTOR,
    U64,
    W_AVAIL,
)
from tandem_matching.domain.jit import inline, kernel, popcount

Tables = tuple[I64, U64, U64, U64, F64, I64, U64, U64, U64, F64, I64, I64]
Block = tuple[I64, I64, U64, U64, I64, I64, I64, I64, I64, I64]
"""Mentor ids; their ints, lang and token rows; all their windows sorted by start (start,
end, owner: position in the block); per slot t the first window starting at or after t,
and (CSR) the windows q with start < t < end."""
Pairs = tuple[I64, I64, I64]  # CSR over a chunk's rows: ptr, block position, overlap
Mentee = tuple[float, float, float, float, float, float, float, float, float, float, float,
               int, int, int, int]  # fmt: skip
ONE = np.uint64(1)


@inline
def categorical(
    me: Mentee, covered: int, shared: int, speaks_first: bool,
    sector: int, country: int, reach: int, can_meet: int, fmt: int,
) -> float:  # fmt: skip
    """Every criterion but availability, weighted (see :mod:`encoding`): the mentee's terms
    ``me`` against one mentor's attributes and the pair's counts."""
    bias, a_sg, a_sec, a_first, a_share, a_cult, near_pts, far_pts, f0, f1, f2, \
        e_sector, _, e_country, e_reach = me  # fmt: skip
    s = bias + a_sg * covered
    if e_sector == sector:
        s += a_sec
    if speaks_first:
        s += a_first
    s += a_share * shared
    same_country = e_country == country
    if same_country:
        s += a_cult
    s += f0 if fmt == 0 else f1 if fmt == 1 else f2
    near = can_meet != 0 and e_reach >= 0 and e_reach == reach and same_country
    s += near_pts if near else far_pts
    return float(s)


@inline
def _me(c: F64, e_int: I64, i: int) -> Mentee:
    return (
        c[i, BIAS], c[i, A_SG], c[i, A_SEC], c[i, A_FIRST], c[i, A_SHARE], c[i, A_CULT],
        c[i, MOD_NEAR], c[i, MOD_FAR], c[i, FMT], c[i, FMT + 1], c[i, FMT + 2],
        e_int[i, SECTOR], e_int[i, FIRST_LANG], e_int[i, COUNTRY], e_int[i, REACH],
    )  # fmt: skip


@kernel
def _excluded(i: int, j: int, excl_ptr: I64, excl_idx: I64) -> bool:
    lo, hi = excl_ptr[i], excl_ptr[i + 1]
    if lo == hi:
        return False
    pos = lo + np.searchsorted(excl_idx[lo:hi], j)
    return bool(pos < hi and excl_idx[pos] == j)


@kernel
def feasible_pairs(rows: I64, block: Block, tables: Tables) -> Pairs:
    """The block mentors each row shares enough weekly time with, and how many slots."""
    params, w_ptr, win = tables[9], tables[10], tables[11]
    ids, iv_start, iv_end, iv_owner = block[0], block[4], block[5], block[6]
    start_at, around_at, around = block[7], block[8], block[9]
    # With no minimum overlap every mentor of the block is a pair, shared time or not.
    hard = params[HARD_AVAIL] != 0.0 and params[MIN_SLOTS] > 0
    min_slots = params[MIN_SLOTS]
    m = ids.size
    acc = np.zeros(m, dtype=np.int64)
    touched = np.empty(m, dtype=np.int64)
    ptr = np.zeros(rows.size + 1, dtype=np.int64)
    pos = np.empty(max(16, rows.size * 64), dtype=np.int64)
    ov = np.empty(pos.size, dtype=np.int64)
    size = 0
    for r in range(rows.size):
        i = rows[r]
        n_touched = 0
        for x in range(w_ptr[i], w_ptr[i + 1]):
            s, e = win[x, 0], win[x, 1]
            # Every window overlapping [s, e) starts inside it or is strictly around s.
            for q in range(start_at[s], start_at[e]):
                a = iv_owner[q]
                if acc[a] == 0:
                    touched[n_touched] = a
                    n_touched += 1
                acc[a] += min(e, iv_end[q]) - iv_start[q]
            for z in range(around_at[s], around_at[s + 1]):
                q = around[z]
                a = iv_owner[q]
                if acc[a] == 0:
                    touched[n_touched] = a
                    n_touched += 1
                acc[a] += min(e, iv_end[q]) - s
        need = size + (n_touched if hard else m)
        if need > pos.size:
            grow = max(need, 2 * pos.size)
            pos = np.concatenate((pos, np.empty(grow - pos.size, dtype=np.int64)))
            ov = np.concatenate((ov, np.empty(grow - ov.size, dtype=np.int64)))
        if hard:
            for t in range(n_touched):
                a = touched[t]
                if acc[a] >= min_slots:
                    pos[size], ov[size] = a, acc[a]
                    size += 1
        else:
            for a in range(m):
                pos[size], ov[size] = a, acc[a]
                size += 1
        for t in range(n_touched):
            acc[touched[t]] = 0
        ptr[r + 1] = size
    return ptr, pos[:size], ov[:size]


@kernel
def score_pairs(rows: I64, pairs: Pairs, block: Block, tables: Tables) -> F64:
    """The score of every pair of ``pairs`` (same order)."""
    e_int, e_lang, e_tok, coef, params = tables[0], tables[1], tables[2], tables[4], tables[9]
    b_int, b_lang, b_tok = block[1], block[2], block[3]
    ptr, pos, ov = pairs
    w_a, sat = params[W_AVAIL], params[SAT_SLOTS]
    out = np.empty(pos.size)
    for r in range(rows.size):
        i = rows[r]
        me = _me(coef, e_int, i)
        first = e_int[i, FIRST_LANG]
        for t in range(ptr[r], ptr[r + 1]):
            a = pos[t]
            covered = shared = 0
            for w in range(e_tok.shape[1]):
                covered += popcount(e_tok[i, w] & b_tok[a, w])
            for w in range(e_lang.shape[1]):
                shared += popcount(e_lang[i, w] & b_lang[a, w])
            speaks = first >= 0 and (b_lang[a, first >> 6] >> np.uint64(first & 63)) & ONE != 0
            cat = categorical(
                me, covered, shared, speaks, b_int[a, SECTOR], b_int[a, COUNTRY],
                b_int[a, REACH], b_int[a, CAN_MEET], b_int[a, FORMAT],
            )  # fmt: skip
            out[t] = cat + w_a * min(ov[t] / sat, 1.0)
    return out


@kernel
def top_k(
    rows: I64, pairs: Pairs, score: F64, ids: I64, k: int, excl_ptr: I64, excl_idx: I64,
    out_mentor: I64, out_score: F64, out_bound: F64,
) -> None:  # fmt: skip
    """Per row: the k best mentors (best first, -1 / -inf padding) and the (k+1)-th best
    score, an upper bound on every mentor left out (-inf when none is)."""
    ptr, pos = pairs[0], pairs[1]
    k1 = k + 1
    buf_s = np.empty(k1)
    buf_j = np.empty(k1, dtype=np.int64)
    for r in range(rows.size):
        i = rows[r]
        filled = low = 0
        th = -np.inf
        for t in range(ptr[r], ptr[r + 1]):
            s, j = score[t], ids[pos[t]]
            if s <= th or _excluded(i, j, excl_ptr, excl_idx):
                continue
            if filled < k1:  # fill, then replace the lowest
                buf_s[filled], buf_j[filled] = s, j
                filled += 1
                if filled < k1:
                    continue
            else:
                buf_s[low], buf_j[low] = s, j
            low = 0
            for q in range(1, k1):
                if buf_s[q] < buf_s[low]:
                    low = q
            th = buf_s[low]
        out_mentor[i, :] = -1
        out_score[i, :] = -np.inf
        out_bound[i] = -np.inf
        best = np.argsort(-buf_s[:filled], kind="mergesort")
        for q in range(min(filled, k)):
            out_mentor[i, q], out_score[i, q] = buf_j[best[q]], buf_s[best[q]]
        if filled == k1:
            out_bound[i] = buf_s[best[k]]


@kernel
def best_values(
    rows: I64, ptr: I64, mentor: I32, score: F64, price: F64, big_m: float, listed: F64,
    excl_ptr: I64, excl_idx: I64, out_value: F64, out_mentor: I64,
) -> None:  # fmt: skip
    """Per row (CSR ``ptr``/``mentor``/``score``: its feasible mentors and their scores):
    max(listed[i], max over its mentors j of M + s_ij - p_j), and the mentor reaching it
    when that beats ``listed[i]`` (else -1)."""
    for r in range(rows.size):
        i = rows[r]
        b, b_j = listed[i], -1
        for t in range(ptr[r], ptr[r + 1]):
            j = mentor[t]
            v = big_m + score[t] - price[j]
            if v > b and not _excluded(i, j, excl_ptr, excl_idx):
                b, b_j = v, j
        out_value[i], out_mentor[i] = b, b_j


@kernel
def feasible_counts(
    rows: I64, pairs: Pairs, ids: I64, room: I64, excl_ptr: I64, excl_idx: I64, out: I64
) -> None:
    """Per row: feasible mentors (enough shared time), of those not excluded, and of those
    with room (``room[j] > 0``) — ``out[r, 0..2]``."""
    ptr, pos = pairs[0], pairs[1]
    for r in range(rows.size):
        for t in range(ptr[r], ptr[r + 1]):
            j = ids[pos[t]]
            out[r, 0] += 1
            if _excluded(rows[r], j, excl_ptr, excl_idx):
                continue
            out[r, 1] += 1
            if room[j] > 0:
                out[r, 2] += 1
