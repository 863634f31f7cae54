"""Maximum cardinality b-matching on the candidate graph (Hopcroft-Karp), compiled.

Mentees take one mentor, mentor ``j`` takes up to ``cap[j]`` mentees. After a greedy start,
each phase finds the shortest augmenting paths by a breadth-first search from all free
mentees at once and augments along vertex-disjoint ones by depth-first search, so the
number of phases is O(√n). :func:`reachable` then returns König's set ``R``: what an
alternating path from a free mentee reaches. Every maximum assignment fills each mentor in
``R`` and pairs no mentee outside ``R`` with a mentor inside it (see :mod:`solver`).

Each mentor's mentees sit in a slot range ``start[j] : start[j] + load[j]`` of ``hold``;
``slot[i]`` is mentee i's position, so moving a mentee is O(1).
"""

from __future__ import annotations

import numpy as np

from tandem_matching.domain.encoding import B8, I64
from tandem_matching.domain.jit import kernel

UNSEEN = np.iinfo(np.int64).max


@kernel
def _assign(i: int, j: int, mate: I64, load: I64, start: I64, hold: I64, slot: I64) -> None:
    s = start[j] + load[j]
    hold[s] = i
    slot[i] = s
    load[j] += 1
    mate[i] = j


@kernel
def _release(i: int, mate: I64, load: I64, start: I64, hold: I64, slot: I64) -> None:
    j = mate[i]
    last = start[j] + load[j] - 1
    moved = hold[last]
    hold[slot[i]] = moved
    slot[moved] = slot[i]
    load[j] -= 1
    mate[i] = -1


@kernel
def max_bmatching(cand: I64, cap: I64) -> tuple[I64, I64]:
    """(mate, load): mate[i] is mentee i's mentor (-1: none) in a maximum assignment."""
    n, k = cand.shape
    m = cap.size
    start = np.zeros(m + 1, dtype=np.int64)
    for j in range(m):
        start[j + 1] = start[j] + max(cap[j], 0)
    hold = np.full(start[m], -1, dtype=np.int64)
    slot = np.full(n, -1, dtype=np.int64)
    mate = np.full(n, -1, dtype=np.int64)
    load = np.zeros(m, dtype=np.int64)
    # Greedy start, mentees with the fewest options first, each to its listed mentor with
    # the most room left: it leaves far fewer augmenting paths to find.
    degree = np.zeros(n, dtype=np.int64)
    for i in range(n):
        for t in range(k):
            degree[i] += cand[i, t] >= 0
    for i in np.argsort(degree, kind="mergesort"):
        best, room = -1, 0
        for t in range(k):
            j = cand[i, t]
            if j >= 0 and cap[j] - load[j] > room:
                best, room = j, cap[j] - load[j]
        if best >= 0:
            _assign(i, best, mate, load, start, hold, slot)
    dist = np.empty(n, dtype=np.int64)
    queue = np.empty(n, dtype=np.int64)
    stack_i = np.empty(n + 1, dtype=np.int64)
    stack_j = np.empty(n + 1, dtype=np.int64)
    next_t = np.empty(n + 1, dtype=np.int64)
    next_s = np.empty(n + 1, dtype=np.int64)
    listed = np.zeros(n, dtype=np.bool_)
    for i in range(n):
        for t in range(k):
            if cand[i, t] >= 0:
                listed[i] = True
                break
    while True:
        # Breadth-first layers from every free mentee; stop at the first free mentor.
        head = tail = 0
        for i in range(n):
            if mate[i] < 0 and listed[i]:
                dist[i] = 0
                queue[tail] = i
                tail += 1
            else:
                dist[i] = UNSEEN
        shortest = UNSEEN
        while head < tail:
            i = queue[head]
            head += 1
            if dist[i] + 1 >= shortest:
                continue
            for t in range(k):
                j = cand[i, t]
                if j < 0:
                    continue
                if load[j] < cap[j]:
                    shortest = dist[i] + 1
                    continue
                for s in range(start[j], start[j] + load[j]):
                    i2 = hold[s]
                    if dist[i2] == UNSEEN:
                        dist[i2] = dist[i] + 1
                        queue[tail] = i2
                        tail += 1
        if shortest == UNSEEN:
            break
        # Depth-first along the layers; a dead end is never tried again this phase.
        for root in range(n):
            if mate[root] >= 0 or dist[root] != 0:
                continue
            depth = 0
            stack_i[0], next_t[0], next_s[0] = root, 0, -1
            while depth >= 0:
                i = stack_i[depth]
                pushed = False
                augmented = False
                while next_t[depth] < k:
                    j = cand[i, next_t[depth]]
                    if j < 0:
                        next_t[depth] += 1
                        continue
                    if next_s[depth] < 0:
                        if load[j] < cap[j]:
                            stack_j[depth] = j
                            augmented = True
                            break
                        next_s[depth] = start[j]
                    while next_s[depth] < start[j] + load[j]:
                        i2 = hold[next_s[depth]]
                        next_s[depth] += 1
                        if dist[i2] == dist[i] + 1 and dist[i2] < shortest:
                            stack_j[depth] = j
                            stack_i[depth + 1] = i2
                            next_t[depth + 1], next_s[depth + 1] = 0, -1
                            pushed = True
                            break
                    if pushed:
                        break
                    next_t[depth] += 1
                    next_s[depth] = -1
                if augmented:
                    for d in range(depth, 0, -1):
                        _release(stack_i[d], mate, load, start, hold, slot)
                        _assign(stack_i[d], stack_j[d], mate, load, start, hold, slot)
                    _assign(stack_i[0], stack_j[0], mate, load, start, hold, slot)
                    for d in range(depth + 1):
                        dist[stack_i[d]] = UNSEEN
                    break
                if pushed:
                    depth += 1
                    continue
                dist[i] = UNSEEN
                depth -= 1
    return mate, load


@kernel
def reachable(cand: I64, cap: I64, mate: I64) -> tuple[B8, B8]:
    """König's set for a maximum assignment: (mentees in R, mentors in R)."""
    n, k = cand.shape
    m = cap.size
    by_mentor_start = np.zeros(m + 1, dtype=np.int64)
    for i in range(n):
        if mate[i] >= 0:
            by_mentor_start[mate[i] + 1] += 1
    for j in range(m):
        by_mentor_start[j + 1] += by_mentor_start[j]
    fill = by_mentor_start[:m].copy()
    holders = np.empty(by_mentor_start[m], dtype=np.int64)
    for i in range(n):
        if mate[i] >= 0:
            holders[fill[mate[i]]] = i
            fill[mate[i]] += 1
    seen_e = np.zeros(n, dtype=np.bool_)
    seen_r = np.zeros(m, dtype=np.bool_)
    queue = np.empty(n, dtype=np.int64)
    head = tail = 0
    for i in range(n):
        if mate[i] < 0:
            seen_e[i] = True
            queue[tail] = i
            tail += 1
    while head < tail:
        i = queue[head]
        head += 1
        for t in range(k):
            j = cand[i, t]
            if j < 0 or seen_r[j]:
                continue
            seen_r[j] = True
            for s in range(by_mentor_start[j], by_mentor_start[j + 1]):
                i2 = holders[s]
                if not seen_e[i2]:
                    seen_e[i2] = True
                    queue[tail] = i2
                    tail += 1
    return seen_e, seen_r
