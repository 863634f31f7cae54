"""The sparse candidate graph: each mentee's best ``k`` feasible mentors, in bulk.

Mentees are processed in chunks of up to ``chunk`` rows; every chunk is scored against
the mentors its hard rules allow, as dense float32 matrix products:

* mentees are grouped by *blocking key* (language set, place rules): the allowed mentors
  of a group are computed once, so language, country and face-to-face rules cost nothing
  per pair;
* within a group mentees are sorted by availability, so a chunk's weekly windows split
  the week into few *segments*; a mentor's minutes in a segment are a difference of its
  cumulative availability, and the overlap of every pair is one (rows × segments) @
  (segments × mentors) product. Mentors without enough overlap with the chunk's union of
  windows are dropped before any pair is scored;
* the categorical criteria are one more product on the non-zero feature columns of the
  chunk.

Top-(k+1) per row without a full sort: columns are laid out so that block ``b`` holds
columns ``b, b+nb, b+2nb, …``; the row-wise max of 16 such rows is one vectorised pass,
the best k+1 blocks contain the best k+1 scores, and only those 16·(k+1) values are
partitioned. The (k+1)-th score is kept as ``bound``: no mentor outside a mentee's list
scores higher, which is what lets the certificate cover *all* pairs, not only the graph.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from tandem_matching.domain.constraints import blocking_keys, mentor_mask
from tandem_matching.domain.encoding import F32, F64, I64, Pool
from tandem_matching.domain.profiles import SLOTS_PER_WEEK, Criterion, HardConstraint

BLOCK = 16
FArr = TypeVar("FArr", F32, F64)
FLOAT32_SLACK = 1e-5
"""Added to a float32 score before it is used as an upper bound: a product of ≤ 100
terms of magnitude ≤ 1 in float32 is off by well under 1e-5."""

Progress = Callable[[float], None]
Check = Callable[[], None]


@dataclass(frozen=True, slots=True)
class Candidates:
    """``mentor[i, t]`` (-1: none) with exact float64 ``score[i, t]``, best first.

    ``bound[i]``: an upper bound on the score of any feasible mentor *not* in row i
    (-inf when there is none). ``pairs`` counts the pairs scored.
    """

    mentor: I64
    score: F64
    bound: F64
    pairs: int


@dataclass(frozen=True, slots=True)
class _Groups:
    order: I64  # mentees sorted by (key, availability)
    bounds: list[tuple[int, int, I64]]  # (lo, hi) in order, allowed mentors


def group_mentees(pool: Pool, rows: I64 | None = None) -> _Groups:
    keys, key_list = blocking_keys(pool)
    n = len(pool.mentees)
    rows = np.arange(n, dtype=np.int64) if rows is None else rows
    avail = pool.mentees.avail[rows]
    order = rows[np.lexsort((*avail.T[::-1], keys[rows]))]
    sorted_keys = keys[order]
    cuts = np.flatnonzero(np.diff(sorted_keys)) + 1
    bounds = []
    for lo, hi in zip(np.r_[0, cuts], np.r_[cuts, order.size], strict=True):
        if hi > lo:
            allowed = np.flatnonzero(mentor_mask(pool, key_list[int(sorted_keys[lo])]))
            bounds.append((int(lo), int(hi), allowed))
    return _Groups(order=order, bounds=bounds)


class Scorer:
    """Scores one chunk of mentees against a set of mentors (float32, dense)."""

    def __init__(self, pool: Pool) -> None:
        policy = pool.policy
        self.pool = pool
        w_a = policy.weight(Criterion.AVAILABILITY)
        # Scale the categorical part by 1/c so that the availability part is simply
        # min(overlap, sat) (c = w_a / sat): ranking is unchanged by a positive scale.
        self.sat = float(pool.sat_slots)
        self.c = w_a / self.sat if w_a > 0 else 1.0
        self.use_avail = w_a > 0
        self.fe = (pool.mentees.features / self.c).astype(np.float32)
        self.fr = pool.mentors.features.astype(np.float32)
        self.cum_t = np.ascontiguousarray(pool.mentor_cum.T)  # (slots+1, m)
        self.hard_avail = policy.is_hard(HardConstraint.AVAILABILITY)
        self.min_slots = float(policy.min_overlap_slots)

    def group(self, allowed: I64) -> MentorBlock:
        """The allowed mentors' columns, gathered once for all chunks of a group."""
        return MentorBlock(allowed, self.cum_t[:, allowed], self.fr[allowed])

    def chunk(self, rows: I64, allowed: I64 | MentorBlock) -> tuple[F32, I64]:
        """(scaled scores with -inf for infeasible pairs, mentor ids) for these rows.

        The result has a multiple of BLOCK columns; padding columns are -inf / id -1.
        """
        block: MentorBlock | None = None
        if isinstance(allowed, MentorBlock):
            block, ids_in = allowed, allowed.ids
        else:
            ids_in = allowed
        bits = np.unpackbits(
            self.pool.mentees.avail[rows].view(np.uint8), axis=1, bitorder="little"
        )[:, :SLOTS_PER_WEEK]
        change = np.flatnonzero((bits[:, 1:] != bits[:, :-1]).any(axis=0)) + 1
        starts = np.r_[0, change]
        ends = np.r_[change, SLOTS_PER_WEEK]
        used = bits[:, starts].any(axis=0)
        starts, ends = starts[used], ends[used]
        if block is not None:
            seg = block.cum[ends] - block.cum[starts]  # (q, m_allowed)
        else:
            seg = self.cum_t[np.ix_(ends, ids_in)] - self.cum_t[np.ix_(starts, ids_in)]
        keep = None
        if self.hard_avail and self.min_slots > 0:
            # Mentors without enough overlap with the chunk's union of windows cannot be
            # feasible for any of its rows: drop them before scoring pairs.
            keep = np.flatnonzero(seg.sum(axis=0) >= self.min_slots)
            seg = seg[:, keep]
        cols = ids_in if keep is None else ids_in[keep]
        m2 = cols.size
        width = max(BLOCK, -(-m2 // BLOCK) * BLOCK)
        fe = self.fe[rows]
        dims = np.flatnonzero(fe.any(axis=0))
        fr = np.zeros((width, dims.size), dtype=np.float32)
        if block is not None:
            src = block.fr if keep is None else block.fr[keep]
            fr[:m2] = src[:, dims]
        else:
            fr[:m2] = self.fr[np.ix_(cols, dims)]
        scores = fe[:, dims] @ fr.T
        if m2 < width:
            scores[:, m2:] = -np.inf
        if starts.size and m2:
            segp = np.zeros((starts.size, width), dtype=np.float32)
            segp[:, :m2] = seg
            overlap = bits[:, starts].astype(np.float32) @ segp
            if self.hard_avail:
                bad = overlap < self.min_slots
            if self.use_avail:
                np.minimum(overlap, self.sat, out=overlap)
                scores += overlap
            if self.hard_avail:
                np.copyto(scores, np.float32(-np.inf), where=bad)
        elif self.hard_avail and self.min_slots > 0:
            scores[:] = -np.inf
        ids = np.full(width, -1, dtype=np.int64)
        ids[:m2] = cols
        return scores, ids


@dataclass(frozen=True, slots=True)
class MentorBlock:
    ids: I64
    cum: F32  # (slots + 1, m_allowed)
    fr: F32  # (m_allowed, D)


def top_k(scores: FArr, k: int) -> tuple[I64, FArr]:
    """Column indices and values of the k best per row, best first (ties arbitrary)."""
    b, width = scores.shape
    nb = width // BLOCK
    k = min(k, width)
    view = scores.reshape(b, BLOCK, nb)
    if nb > k:
        block_max = view.max(axis=1)
        blocks = np.argpartition(block_max, nb - k, axis=1)[:, nb - k :]
    else:
        blocks = np.broadcast_to(np.arange(nb), (b, nb))
    r = np.arange(b)[:, None, None]
    lanes = np.arange(BLOCK)[None, :, None]
    vals = view[r, lanes, blocks[:, None, :]].reshape(b, -1)
    col = (lanes * nb + blocks[:, None, :]).reshape(b, -1)
    pick = np.argpartition(-vals, k - 1, axis=1)[:, :k]
    v = np.take_along_axis(vals, pick, axis=1)
    c = np.take_along_axis(col, pick, axis=1)
    order = np.argsort(-v, axis=1, kind="stable")
    return np.take_along_axis(c, order, axis=1), np.take_along_axis(v, order, axis=1)


def build(
    pool: Pool,
    k: int,
    excluded: Mapping[int, I64],
    *,
    chunk: int = 256,
    workers: int | None = None,
    progress: Progress | None = None,
    check: Check | None = None,
) -> Candidates:
    """Each mentee's k best feasible mentors (exact scores) and the bound on the rest.

    Chunks run on ``workers`` threads (default: up to 2): numpy and BLAS release the GIL,
    and every chunk writes its own rows.
    """
    n = len(pool.mentees)
    mentor = np.full((n, k), -1, dtype=np.int64)
    bound = np.full(n, -np.inf)
    if n == 0 or len(pool.mentors) == 0:
        return Candidates(mentor=mentor, score=np.full((n, k), -np.inf), bound=bound, pairs=0)
    scorer = Scorer(pool)
    groups = group_mentees(pool)

    def work(rows: I64, allowed: I64 | MentorBlock) -> int:
        scaled, ids = scorer.chunk(rows, allowed)
        mask_excluded(scaled, rows, ids, excluded)
        col, val = top_k(scaled, k + 1)
        cand = np.where(np.isfinite(val), ids[col], -1)
        take = min(k, cand.shape[1])
        mentor[rows, :take] = cand[:, :take]
        if cand.shape[1] > k:
            rest = val[:, k].astype(np.float64)
            bound[rows] = np.where(np.isfinite(rest), rest * scorer.c + FLOAT32_SLACK, -np.inf)
        return rows.size * int((ids >= 0).sum())

    tasks: list[tuple[I64, I64 | MentorBlock]] = []
    for lo, hi, allowed in groups.bounds:
        target: I64 | MentorBlock = scorer.group(allowed) if hi - lo > chunk else allowed
        tasks.extend((groups.order[a : min(hi, a + chunk)], target) for a in range(lo, hi, chunk))
    pairs = sum(run_chunks(work, tasks, workers=workers, progress=progress, check=check))
    score = exact_scores(pool, mentor)
    return Candidates(mentor=mentor, score=score, bound=bound, pairs=pairs)


T = TypeVar("T")
Task = tuple[I64, "I64 | MentorBlock"]


def run_chunks(
    fn: Callable[[I64, I64 | MentorBlock], T],
    tasks: Sequence[Task],
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    check: Check | None = None,
) -> list[T]:
    """Run ``fn(rows, mentors)`` over the tasks on a few threads, in order, with progress
    (fraction of rows done) and cancellation checks between chunks."""
    threads = max(1, workers if workers is not None else min(2, os.cpu_count() or 1))
    total = sum(rows.size for rows, _ in tasks) or 1
    out: list[T] = []
    done = 0
    with ThreadPoolExecutor(max_workers=threads) as executor:
        pending: deque[tuple[int, Future[T]]] = deque()

        def drain(limit: int) -> None:
            nonlocal done
            while len(pending) > limit:
                size, fut = pending.popleft()
                out.append(fut.result())
                done += size
                if progress is not None:
                    progress(done / total)

        for rows, target in tasks:
            if check is not None:
                check()
            pending.append((rows.size, executor.submit(fn, rows, target)))
            drain(2 * threads)
        drain(0)
    return out


def mask_excluded(scaled: F32, rows: I64, ids: I64, excluded: Mapping[int, I64]) -> None:
    """Excluded pairs are infeasible: -inf before selection (ids are sorted, then -1s)."""
    if not excluded:
        return
    real = int((ids >= 0).sum())
    for r, i in enumerate(rows.tolist()):
        banned = excluded.get(i)
        if banned is None or banned.size == 0:
            continue
        pos = np.searchsorted(ids[:real], banned)
        hit = pos < real
        hit[hit] = ids[pos[hit]] == banned[hit]
        scaled[r, pos[hit]] = -np.inf


def exact_scores(pool: Pool, mentor: I64) -> F64:
    """float64 scores of the listed pairs (-inf where mentor is -1)."""
    from tandem_matching.domain.scoring import pair_scores

    out = np.full(mentor.shape, -np.inf)
    ei, t = np.nonzero(mentor >= 0)
    if ei.size:
        out[ei, t] = pair_scores(pool, ei, mentor[ei, t])
    return out
