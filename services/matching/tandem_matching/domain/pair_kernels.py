"""Compiled work on mentee × mentor pairs: which pairs share enough time, their scores,
each mentee's best mentors and the certificate's best reduced value.

Availability is the most selective hard rule (in the benchmark's population about 4% of the
pairs the other rules allow share 2 h a week), so pairs are not enumerated mentor by
mentor. A *block* (the mentors a mentee group's other hard rules allow, gathered by
:func:`candidates.mentor_block`) carries its mentors' weekly
windows sorted by start; for each window of a mentee, :func:`feasible_pairs` walks the
block's windows that can overlap it and adds the overlap to each owner. Only mentors with
enough shared time come out, as CSR rows (``ptr``, block position, overlap), and only they
are scored. When availability is not a hard rule (or asks for no minimum) every mentor of
the block comes out.

Scores (:func:`score_pairs`) are exactly the float64 formula of :func:`scoring.explain`,
term by term. The per-pair work is written out in the kernels: numba's reference counting
of array arguments of inlined helpers costs more than the scoring itself (helpers take
arrays only once per row). The inner loops also avoid branches on the data (mispredicted:
see ``_TERMS`` and :func:`top_k`) and signed indices (numba wraps negative ones around, a
few instructions per access: a visit or a pair costs only a few dozen).

The order of a row's pairs is part of the result: ties between equal scores are broken by
it (:func:`top_k`, :func:`best_values`), so a faster scan must visit windows in the same
order. Exclusions arrive as CSR arrays (``excl_ptr``, ``excl_idx``: sorted mentor ids per
mentee).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
from numba import types
from numba.core import cgutils
from numba.extending import intrinsic

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
from tandem_matching.domain.profiles import SLOTS_PER_WEEK

Tables = tuple[I64, U64, U64, U64, F64, I64, U64, U64, U64, F64, I64, I64]
Block = tuple[I64, I64, U64, U64, I64, I64, I64, I64]
"""Mentor ids; their ints, lang and token rows; then the index of their weekly windows
(:func:`candidates.block_index`): every window as ``owner << 32 | end << 16 | start``
(owner: position in the block) sorted by start, per slot t the first window starting at
or after t, and (CSR by slot, ``ptr`` last) the windows strictly around t as
``owner << 32 | end``."""
Scored = tuple[I64, I64, U64, U64, *tuple[I64, ...]]
"""What :func:`score_pairs` reads of a block: ids, ints, lang and token rows."""
Pairs = tuple[I64, npt.NDArray[np.uint32] | I64, npt.NDArray[np.int32] | I64]
"""CSR over a chunk's rows: ptr, block position, overlap."""
ONE = np.uint64(1)
_SECTOR_T, _FIRST_T, _COUNTRY_T, _NEAR_T, _FORMAT_T, _TERMS = 0, 2, 4, 6, 8, 11
"""A row's table of the terms a pair adds when a condition holds (same sector, speaks the
mentee's first language, same country), each after a -0.0 for when it does not: adding
-0.0 leaves every float as it is, bit for bit, so ``s += terms[T + met]`` is exactly
``if met: s += term``, without a branch that a pair mispredicts about one time in three.
Then the modality points (not near, near) and the format points (mentor format 0, 1,
other)."""
LOW16 = 0xFFFF
# Unsigned constants for the scan's index arithmetic (signed and unsigned mix to float).
_U0, _U1, _U16, _U32, _LOW16 = (np.uint64(v) for v in (0, 1, 16, 32, LOW16))
_AHEAD = np.uint64(8)  # pairs between a prefetch and its use: enough to cover a miss


def _prefetch_typing(typingctx: Any, arr: Any, row: Any) -> Any:
    """LLVM's ``prefetch`` of ``arr[row, 0]``: a hint, so any address is safe."""
    if not isinstance(arr, types.Array) or not isinstance(row, types.Integer):
        return None
    sig = types.void(arr, row)

    def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
        cg: Any = cgutils  # untyped, as is llvmlite's IR (cg.ir)
        ary = context.make_array(arr)(context, builder, args[0])
        at = [context.cast(builder, args[1], row, types.intp)]
        at += [context.get_constant(types.intp, 0)] * (arr.ndim - 1)
        ptr = cg.get_item_pointer(context, builder, arr, ary, at, wraparound=False)
        byte_ptr, i32 = cg.ir.IntType(8).as_pointer(), cg.ir.IntType(32)
        fnty = cg.ir.FunctionType(cg.ir.VoidType(), [byte_ptr, i32, i32, i32])
        fn = cg.get_or_insert_function(builder.module, fnty, "llvm.prefetch.p0i8")
        # read, keep in all cache levels, data cache
        builder.call(fn, [builder.bitcast(ptr, byte_ptr), i32(0), i32(3), i32(1)])
        return context.get_dummy_value()

    return sig, codegen


_prefetch: Any = intrinsic(_prefetch_typing)


@inline
def _fill_terms(coef: F64, i: int, terms: F64) -> None:
    """Mentee i's weighted terms that a pair adds or not (:data:`_TERMS`)."""
    terms[_SECTOR_T], terms[_SECTOR_T + 1] = -0.0, coef[i, A_SEC]
    terms[_FIRST_T], terms[_FIRST_T + 1] = -0.0, coef[i, A_FIRST]
    terms[_COUNTRY_T], terms[_COUNTRY_T + 1] = -0.0, coef[i, A_CULT]
    terms[_NEAR_T], terms[_NEAR_T + 1] = coef[i, MOD_FAR], coef[i, MOD_NEAR]
    for f in range(3):
        terms[_FORMAT_T + f] = coef[i, FMT + f]


@kernel
def _excluded(i: int, j: int, excl_ptr: I64, excl_idx: I64) -> bool:
    lo, hi = excl_ptr[i], excl_ptr[i + 1]
    if lo == hi:
        return False
    pos = lo + np.searchsorted(excl_idx[lo:hi], j)
    return bool(pos < hi and excl_idx[pos] == j)


@kernel
def feasible_pairs(rows: I64, block: Block, tables: Tables) -> Pairs:
    """The block mentors each row shares enough weekly time with, and how many slots.

    Indices are unsigned in the inner loops: numba wraps negative signed indices around,
    which costs more instructions per visited window than the visit itself."""
    params, w_ptr, win = tables[9], tables[10], tables[11]
    ids, packed, start_at = block[0], block[4].view(np.uint64), block[5]
    around, around_at = block[6].view(np.uint64), block[7]
    # With no minimum overlap every mentor of the block is a pair, shared time or not.
    hard = params[HARD_AVAIL] != 0.0 and params[MIN_SLOTS] > 0
    min_slots = params[MIN_SLOTS]
    m = ids.size
    # 32-bit scratch and output halve the memory traffic (overlaps are at most a week).
    acc = np.zeros(m, dtype=np.int32)
    touched = np.empty(m + 1, dtype=np.uint32)
    ptr = np.zeros(rows.size + 1, dtype=np.int64)
    pos = np.empty(max(16, rows.size * 256), dtype=np.uint32)  # most rows have fewer
    ov = np.empty(pos.size, dtype=np.int32)
    size = 0
    for r in range(rows.size):
        i = rows[r]
        n_touched = _U0
        for x in range(w_ptr[i], w_ptr[i + 1]):
            s, e = np.uint64(win[x, 0]), np.uint64(win[x, 1])
            # Every window overlapping [s, e) starts inside it or is strictly around s.
            # Owners are listed on first touch without a branch (most windows are the
            # owner's first: a branch on it is mispredicted half the time).
            for q in range(np.uint64(start_at[s]), np.uint64(start_at[e])):
                w = packed[q]
                a = w >> _U32
                touched[n_touched] = a
                n_touched += np.uint64(acc[a] == 0)
                acc[a] += np.int32(min(e, (w >> _U16) & _LOW16) - (w & _LOW16))
            for z in range(np.uint64(around_at[s]), np.uint64(around_at[s + _U1])):
                w = around[z]
                a = w >> _U32
                touched[n_touched] = a
                n_touched += np.uint64(acc[a] == 0)
                acc[a] += np.int32(min(e, w & _LOW16) - s)
        need = size + (np.int64(n_touched) if hard else m)
        if need > pos.size:
            grow = max(need, 2 * pos.size)
            pos = np.concatenate((pos, np.empty(grow - pos.size, dtype=np.uint32)))
            ov = np.concatenate((ov, np.empty(grow - ov.size, dtype=np.int32)))
        out_pos, out_ov = pos[size:], ov[size:]
        kept = _U0
        if hard:
            for t in range(_U0, n_touched):
                a = np.uint64(touched[t])
                o, acc[a] = acc[a], 0
                out_pos[kept], out_ov[kept] = a, o
                kept += np.uint64(o >= min_slots)
        else:
            for a in range(_U0, np.uint64(m)):
                o, acc[a] = acc[a], 0
                out_pos[kept], out_ov[kept] = a, o
                kept += _U1
        size += int(kept)
        ptr[r + 1] = size
    return ptr, pos[:size], ov[:size]


@kernel
def score_pairs(rows: I64, pairs: Pairs, block: Scored, tables: Tables) -> F64:
    """The score of every pair of ``pairs`` (same order)."""
    e_int, e_lang, e_tok, coef, params = tables[0], tables[1], tables[2], tables[4], tables[9]
    b_int, b_lang, b_tok = block[1], block[2], block[3]
    ptr, pos, ov = pairs
    w_a, sat = params[W_AVAIL], params[SAT_SLOTS]
    # The availability term per overlap: the same float64 operations, done once each.
    n_ov = max(SLOTS_PER_WEEK, ov.max() if ov.size else 0) + 1
    avail = np.empty(n_ov)
    for o in range(n_ov):
        avail[o] = w_a * min(o / sat, 1.0)
    out = np.empty(pos.size)
    last = np.uint64(max(pos.size - 1, 0))
    terms = np.empty(_TERMS)
    for r in range(rows.size):
        i = rows[r]
        _fill_terms(coef, i, terms)
        bias, a_sg, a_share = coef[i, BIAS], coef[i, A_SG], coef[i, A_SHARE]
        e_sector, e_country, e_reach = e_int[i, SECTOR], e_int[i, COUNTRY], e_int[i, REACH]
        first = e_int[i, FIRST_LANG]
        word, bit = max(first, 0) >> 6, np.uint64(max(first, 0) & 63)
        for t in range(np.uint64(ptr[r]), np.uint64(ptr[r + 1])):  # unsigned: no wraparound
            # Mentors come in no useful order: ask for a later pair's rows now, so that a
            # cache miss overlaps the scoring of the pairs in between.
            ahead = pos[min(t + _AHEAD, last)]
            _prefetch(b_int, ahead)
            _prefetch(b_lang, ahead)
            _prefetch(b_tok, ahead)
            a = pos[t]
            covered = shared = 0
            for w in range(e_tok.shape[1]):
                covered += popcount(e_tok[i, w] & b_tok[a, w])
            for w in range(e_lang.shape[1]):
                shared += popcount(e_lang[i, w] & b_lang[a, w])
            speaks = (first >= 0) & ((b_lang[a, word] >> bit) & ONE != 0)
            same_country = e_country == b_int[a, COUNTRY]
            near = (b_int[a, CAN_MEET] != 0) & (e_reach >= 0) & (e_reach == b_int[a, REACH])
            fmt = b_int[a, FORMAT]
            # scoring.explain's formula, term by term in its order (encoding's docstring).
            s = bias + a_sg * covered
            s += terms[_SECTOR_T + np.int64(e_sector == b_int[a, SECTOR])]
            s += terms[_FIRST_T + np.int64(speaks)]
            s += a_share * shared
            s += terms[_COUNTRY_T + np.int64(same_country)]
            s += terms[_FORMAT_T + 2 - 2 * np.int64(fmt == 0) - np.int64(fmt == 1)]
            s += terms[_NEAR_T + np.int64(near & same_country)]
            out[t] = s + avail[ov[t]]
    return out


@kernel
def top_k(
    rows: I64, pairs: Pairs, score: F64, ids: I64, k: int, excl_ptr: I64, excl_idx: I64,
    out_mentor: I64, out_score: F64, out_bound: F64,
) -> None:  # fmt: skip
    """Per row: the k best mentors (best first, -1 / -inf padding) and the (k+1)-th best
    score, an upper bound on every mentor left out (-inf when none is).

    A row's pairs fill k + 1 slots in order; then each better pair replaces the lowest
    slot (the first one on ties), found by a tournament tree over the slots: a node holds
    the lowest slot below it, the left one on ties as its slots come first. Ties come out
    in slot order, so the result is exactly that of scanning the slots for the lowest."""
    ptr, pos = pairs[0], pairs[1]
    k1 = np.uint64(k + 1)  # unsigned indices below: see feasible_pairs
    leaves = _U1
    while leaves < k1:
        leaves += leaves
    slot_s = np.full(leaves, np.inf)  # slots past k + 1 never win (the rest are refilled)
    slot_j = np.empty(leaves, dtype=np.int64)
    low = np.empty(2 * leaves, dtype=np.uint64)  # node n's lowest slot; leaves at n >= leaves
    low[leaves:] = np.arange(leaves, dtype=np.uint64)
    order = np.empty(k1, dtype=np.uint64)
    for r in range(rows.size):
        i = rows[r]
        filled = _U0
        th = -np.inf
        for t in range(np.uint64(ptr[r]), np.uint64(ptr[r + 1])):
            s, j = score[t], ids[pos[t]]
            if s <= th or _excluded(i, j, excl_ptr, excl_idx):
                continue
            if filled < k1:  # fill, then replace the lowest
                slot_s[filled], slot_j[filled] = s, j
                filled += _U1
                if filled < k1:
                    continue
                for n in range(leaves - 1, 0, -1):
                    a, b = low[2 * n], low[2 * n + 1]
                    low[n] = a if slot_s[a] <= slot_s[b] else b
            else:
                q = low[1]
                slot_s[q], slot_j[q] = s, j
                n = leaves + q
                while n > _U1:  # replay the matches on q's path
                    other = low[n ^ _U1]
                    o_s = slot_s[other]
                    beaten = (o_s < s) | ((o_s == s) & ((n & _U1) != _U0))  # left wins ties
                    # An integer select and a float min: no branch, and the loads of the
                    # path's other nodes do not wait for the matches below them.
                    q = other if beaten else q
                    s = min(s, o_s)
                    n >>= _U1
                    low[n] = q
            th = slot_s[low[1]]
        out_mentor[i, :] = -1
        out_score[i, :] = -np.inf
        out_bound[i] = -np.inf
        for q in range(_U0, filled):  # best first, stable: ties in slot order
            p = np.uint64(q)
            while p > _U0 and slot_s[order[p - _U1]] < slot_s[q]:
                order[p] = order[p - _U1]
                p -= _U1
            order[p] = q
        for q in range(_U0, min(filled, k1 - _U1)):
            out_mentor[i, q], out_score[i, q] = slot_j[order[q]], slot_s[order[q]]
        if filled == k1:
            out_bound[i] = slot_s[order[k]]


@kernel
def best_in_block(
    rows: I64, block: Block, tables: Tables, k: int, excl_ptr: I64, excl_idx: I64,
    out_mentor: I64, out_score: F64, out_bound: F64, keep: bool,
) -> tuple[I64, I32, F64]:  # fmt: skip
    """:func:`feasible_pairs`, :func:`score_pairs` and :func:`top_k` over one chunk in one
    call (no Python between them). With ``keep``, returns the chunk's feasible pairs as
    CSR (ptr, mentor id, score); else only ``ptr``, for the count."""
    pairs = feasible_pairs(rows, block, tables)
    scores = score_pairs(rows, pairs, block, tables)
    ids, pos = block[0], pairs[1]
    top_k(rows, pairs, scores, ids, k, excl_ptr, excl_idx, out_mentor, out_score, out_bound)
    mentor = np.empty(pos.size if keep else 0, dtype=np.int32)
    for t in range(mentor.size):
        mentor[t] = ids[pos[t]]
    return pairs[0], mentor, scores if keep else scores[:0]


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
