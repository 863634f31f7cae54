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

from tandem_matching.domain.constraints import blocking_keys, mentor_masks
from tandem_matching.domain.encoding import F64, HARD_AVAIL, I32, I64, MIN_SLOTS, Pool
from tandem_matching.domain.jit import kernel
from tandem_matching.domain.pair_kernels import LOW16, Block, best_in_block
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
        """(rows, mentor block) per chunk of each group. Groups whose rules allow the same
        mentors (in the benchmark, 393 groups allow 92 sets) share one block."""
        out: list[tuple[I64, Block]] = []
        blocks: dict[bytes, Block] = {}
        every_mentor = not pool.params[HARD_AVAIL] or pool.params[MIN_SLOTS] <= 0
        for lo, hi, allowed in self.bounds:
            key = allowed.tobytes()
            if key not in blocks:
                blocks[key] = mentor_block(pool, allowed)
            block = blocks[key]
            # Without the availability rule every mentor is a pair: bound the chunk's pairs.
            step = max(1, DENSE_PAIRS // max(allowed.size, 1)) if every_mentor else chunk
            out.extend((self.order[a : min(hi, a + step)], block) for a in range(lo, hi, step))
        return out


def mentor_block(pool: Pool, ids: I64) -> Block:
    """These mentors' rows, gathered contiguously for the pair kernels, and the index of
    their weekly windows (:func:`block_index`)."""
    r = pool.mentors
    index = block_index(ids, r.window_ptr, r.windows)
    return (ids, r.ints[ids], r.lang[ids], r.tokens[ids], *index)


@kernel
def block_index(ids: I64, window_ptr: I64, windows: I64) -> tuple[I64, I64, I64, I64]:
    """The window index of the block of mentors ``ids`` (:data:`pair_kernels.Block`).
    Counting sorts by slot are stable: windows stay in (block position, window) order
    within a start slot, and those around a slot in (start, position, window) order. That
    is the order :func:`pair_kernels.feasible_pairs` visits them in, which ties between
    equal scores depend on."""
    start_at = np.zeros(SLOTS_PER_WEEK + 1, dtype=np.int64)
    around_at = np.zeros(SLOTS_PER_WEEK + 1, dtype=np.int64)
    for a in range(ids.size):
        for x in range(window_ptr[ids[a]], window_ptr[ids[a] + 1]):
            start_at[windows[x, 0] + 1] += 1
            for t in range(windows[x, 0] + 1, windows[x, 1]):
                around_at[t + 1] += 1
    start_at, around_at = np.cumsum(start_at), np.cumsum(around_at)
    packed = np.empty(start_at[-1], dtype=np.int64)
    at = start_at.copy()
    for a in range(ids.size):
        for x in range(window_ptr[ids[a]], window_ptr[ids[a] + 1]):
            s, e = windows[x, 0], windows[x, 1]
            packed[at[s]] = a << 32 | e << 16 | s
            at[s] += 1
    around = np.empty(around_at[-1], dtype=np.int64)
    at[:] = around_at
    for q in range(packed.size):
        s, e = packed[q] & LOW16, (packed[q] >> 16) & LOW16
        for t in range(s + 1, e):
            around[at[t]] = packed[q] >> 32 << 32 | e
            at[t] += 1
    return packed, start_at, around, around_at


def group_mentees(pool: Pool, rows: I64 | None = None) -> MenteeGroups:
    keys, key_list = blocking_keys(pool)
    n = len(pool.mentees)
    rows = np.arange(n, dtype=np.int64) if rows is None else rows
    order = rows[np.argsort(keys[rows], kind="stable")]
    sorted_keys = keys[order]
    cuts = np.flatnonzero(np.diff(sorted_keys)) + 1
    spans = [
        (int(lo), int(hi))
        for lo, hi in zip(np.r_[0, cuts], np.r_[cuts, order.size], strict=True)
        if hi > lo
    ]
    masks = mentor_masks(pool, [key_list[int(sorted_keys[lo])] for lo, _ in spans])
    bounds = [(lo, hi, np.flatnonzero(mask)) for (lo, hi), mask in zip(spans, masks, strict=True)]
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
        ex_ptr, ex_idx = excluded.ptr, excluded.idx
        found = best_in_block(chunk, block, tables, k, ex_ptr, ex_idx, mentor, score, bound, keep)
        return FeasiblePairs(chunk, *found)

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
