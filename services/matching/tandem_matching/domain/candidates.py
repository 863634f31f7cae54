"""The sparse candidate graph: each mentee's best ``k`` feasible mentors, in bulk.

Mentees are grouped by *blocking key* (language set, country and face-to-face rules): the
mentors a group may meet are computed once (a *block*, :func:`mentor_block`), so those
rules cost nothing per pair. Each group is cut into chunks; per chunk the pair kernels find
the pairs that share enough time, score them and keep the best k (:mod:`pair_kernels`).
Chunks run on two threads (the kernels release the GIL), with progress and cancellation
between chunks.

Each row also keeps the (k+1)-th best score as ``bound``: no mentor outside a mentee's
list scores higher. With ``keep`` every feasible pair is returned as well, which is what
lets the certificate cover *all* pairs, not only the graph.
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
from tandem_matching.domain.encoding import F64, HARD_AVAIL, I32, I64, MIN_SLOTS, Pool
from tandem_matching.domain.pair_kernels import Block, feasible_pairs, score_pairs, top_k
from tandem_matching.domain.profiles import SLOTS_PER_WEEK

Progress = Callable[[float], None]
Check = Callable[[], None]
CHUNK = 1024
DENSE_PAIRS = 1 << 20


@dataclass(frozen=True, slots=True)
class Excluded:
    """Pairs that must not be matched, as sorted mentor ids per mentee (CSR)."""

    ptr: I64  # (n + 1,)
    idx: I64

    @classmethod
    def of(cls, n: int, by_mentee: Mapping[int, I64]) -> Excluded:
        counts = np.zeros(n + 1, dtype=np.int64)
        for i, js in by_mentee.items():
            counts[i + 1] = js.size
        ptr = np.cumsum(counts)
        idx = np.zeros(int(ptr[-1]), dtype=np.int64)
        for i, js in by_mentee.items():
            idx[ptr[i] : ptr[i + 1]] = np.sort(js)
        return cls(ptr, idx)

    def of_mentee(self, i: int) -> I64:
        return self.idx[self.ptr[i] : self.ptr[i + 1]]


@dataclass(frozen=True, slots=True)
class FeasiblePairs:
    """Every feasible (by the pair rules) mentor of some mentees with its score, as CSR:
    row ``r``'s pairs are ``mentor[ptr[r] : ptr[r + 1]]`` (exclusions not applied)."""

    rows: I64
    ptr: I64
    mentor: I32
    score: F64


@dataclass(frozen=True, slots=True)
class Candidates:
    """``mentor[i, t]`` (-1: none) with exact float64 ``score[i, t]``, best first.

    ``bound[i]``: an upper bound on the score of any feasible mentor *not* in row i
    (-inf when there is none). ``pairs`` counts the feasible pairs scored; ``feasible``
    holds them all when asked for (the certificate reads them instead of scoring again).
    """

    mentor: I64
    score: F64
    bound: F64
    pairs: int
    feasible: tuple[FeasiblePairs, ...] = ()


@dataclass(frozen=True, slots=True)
class MenteeGroups:
    """Mentees sorted by blocking key; ``bounds``: (lo, hi) in ``order``, allowed mentors."""

    order: I64
    bounds: list[tuple[int, int, I64]]

    def tasks(self, pool: Pool, chunk: int = CHUNK) -> list[tuple[I64, Block]]:
        """(rows, mentor block) per chunk of each group; a group's block is gathered once."""
        out: list[tuple[I64, Block]] = []
        every_mentor = not pool.params[HARD_AVAIL] or pool.params[MIN_SLOTS] <= 0
        for lo, hi, allowed in self.bounds:
            block = mentor_block(pool, allowed)
            # Without the availability rule every mentor is a pair: bound the chunk's pairs.
            step = max(1, DENSE_PAIRS // max(allowed.size, 1)) if every_mentor else chunk
            out.extend((self.order[a : min(hi, a + step)], block) for a in range(lo, hi, step))
        return out


def mentor_block(pool: Pool, ids: I64) -> Block:
    """These mentors' rows, gathered contiguously for the pair kernels, and an index of
    their weekly windows (:data:`pair_kernels.Block`): sorted by start with the first window
    starting at or after each slot, and per slot the windows strictly around it."""
    r = pool.mentors
    counts = r.window_ptr[ids + 1] - r.window_ptr[ids]
    ptr = np.concatenate([[0], np.cumsum(counts)])
    pick = np.repeat(r.window_ptr[ids] - ptr[:-1], counts) + np.arange(int(ptr[-1]))
    windows = r.windows[pick]
    owner = np.repeat(np.arange(ids.size, dtype=np.int64), counts)
    order = np.argsort(windows[:, 0], kind="stable")
    start, end, owner = windows[order, 0].copy(), windows[order, 1].copy(), owner[order]
    slots = np.arange(SLOTS_PER_WEEK + 1)
    start_at = np.searchsorted(start, slots).astype(np.int64)
    # Window q is strictly around slot t for start[q] < t < end[q].
    inner = np.maximum(end - start - 1, 0)
    around_q = np.repeat(np.arange(start.size, dtype=np.int64), inner)
    around_t = np.repeat(start + 1 - np.cumsum(inner) + inner, inner) + np.arange(int(inner.sum()))
    by_slot = np.argsort(around_t, kind="stable")
    around_at = np.searchsorted(around_t[by_slot], slots).astype(np.int64)
    return (
        ids, r.ints[ids], r.lang[ids], r.tokens[ids],
        start, end, owner, start_at, around_at, around_q[by_slot],
    )  # fmt: skip


def group_mentees(pool: Pool, rows: I64 | None = None) -> MenteeGroups:
    keys, key_list = blocking_keys(pool)
    n = len(pool.mentees)
    rows = np.arange(n, dtype=np.int64) if rows is None else rows
    order = rows[np.argsort(keys[rows], kind="stable")]
    sorted_keys = keys[order]
    cuts = np.flatnonzero(np.diff(sorted_keys)) + 1
    bounds = []
    for lo, hi in zip(np.r_[0, cuts], np.r_[cuts, order.size], strict=True):
        if hi > lo:
            allowed = np.flatnonzero(mentor_mask(pool, key_list[int(sorted_keys[lo])]))
            bounds.append((int(lo), int(hi), allowed))
    return MenteeGroups(order=order, bounds=bounds)


def build(
    pool: Pool,
    k: int,
    excluded: Excluded,
    *,
    tasks: Sequence[Task] | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    check: Check | None = None,
    keep: bool = False,
) -> Candidates:
    """Each mentee's k best feasible mentors (exact scores) and the bound on the rest.
    ``tasks``: the chunks to scan (default: every mentee, :meth:`MenteeGroups.tasks`);
    ``keep``: also return every feasible pair (12 bytes a pair)."""
    n = len(pool.mentees)
    mentor = np.full((n, k), -1, dtype=np.int64)
    score = np.full((n, k), -np.inf)
    bound = np.full(n, -np.inf)
    if n == 0 or len(pool.mentors) == 0:
        return Candidates(mentor=mentor, score=score, bound=bound, pairs=0)
    tables = pool.tables

    def work(chunk: I64, block: Block) -> FeasiblePairs:
        pairs = feasible_pairs(chunk, block, tables)
        scores = score_pairs(chunk, pairs, block, tables)
        top_k(chunk, pairs, scores, block[0], k, excluded.ptr, excluded.idx, mentor, score, bound)
        ids = block[0][pairs[1]].astype(np.int32) if keep else np.zeros(0, np.int32)
        return FeasiblePairs(chunk, pairs[0], ids, scores if keep else scores[:0])

    if tasks is None:
        tasks = group_mentees(pool).tasks(pool)
    found = run_chunks(work, tasks, workers=workers, progress=progress, check=check)
    pairs = sum(int(f.ptr[-1]) for f in found)
    return Candidates(mentor, score, bound, pairs, tuple(found) if keep else ())


T = TypeVar("T")
W = TypeVar("W")
Task = tuple[I64, Block]


def run_chunks(
    fn: Callable[[I64, W], T],
    tasks: Sequence[tuple[I64, W]],
    *,
    workers: int | None = None,
    progress: Progress | None = None,
    check: Check | None = None,
) -> list[T]:
    """Run ``fn(rows, work)`` over the tasks on a few threads, in order, with progress
    (fraction of rows done) and cancellation checks between chunks. Each task writes
    its own rows, so no lock is needed."""
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
