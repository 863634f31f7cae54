"""Weekly availability on the 15-minute UTC grid: bit rows and merged windows, compiled.

Encoding a run folds every stated window into an int key (time zone, weekday, start,
end); :func:`distinct` numbers the keys, each distinct window is converted to UTC slot
intervals once (see :func:`profiles.window_slots`), and :func:`merge` turns each person's
windows into the two forms the pair kernels read: a row of WORDS uint64 words, and
sorted, merged ``[start, end)`` intervals (the maximal runs of that row's set bits).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from tandem_matching.domain.jit import inline, kernel

WORDS = 11  # ceil(672 / 64): the week's 672 slots
_ONE = np.uint64(1)

I64 = npt.NDArray[np.int64]
U64 = npt.NDArray[np.uint64]


_GOLDEN = -7046029254386353131  # 0x9E3779B97F4A7C15 as int64: Fibonacci hashing


@inline
def _slot(key: int, mask: int) -> int:
    return ((key * _GOLDEN) >> 24) & mask


@kernel
def distinct(keys: I64) -> tuple[I64, I64]:
    """(the distinct keys in order of first appearance, each key's index among them).

    An open-addressing hash table sized to the distinct keys (a few thousand windows
    among 10^5 people), so it stays in cache: several times faster than ``np.unique``,
    which sorts all of them.
    """
    size = 1024
    table = np.full(size, -1, dtype=np.int64)  # index into ``found``, -1 empty
    found = np.empty(keys.size, dtype=np.int64)
    code = np.empty(keys.size, dtype=np.int64)
    m = 0
    for t in range(keys.size):
        key = keys[t]
        i = _slot(key, size - 1)
        while table[i] >= 0 and found[table[i]] != key:
            i = (i + 1) & (size - 1)
        if table[i] < 0:
            table[i] = m
            found[m] = key
            m += 1
            if 2 * m > size:  # keep the load under 1/2: grow and re-insert
                size *= 4
                table = np.full(size, -1, dtype=np.int64)
                for u in range(m):
                    j = _slot(found[u], size - 1)
                    while table[j] >= 0:
                        j = (j + 1) & (size - 1)
                    table[j] = u
            code[t] = m - 1
        else:
            code[t] = table[i]
    return found[:m].copy(), code


@kernel
def merge(ptr: I64, code: I64, table: I64) -> tuple[U64, I64, I64, I64]:
    """Person p stated windows ``code[ptr[p] : ptr[p + 1]]``; ``table[c]`` is window c in
    UTC as up to two intervals ``(s0, e0, s1, e1)`` (an empty one has e <= s).

    Returns (avail (n, WORDS) bit rows, slots per person, window_ptr (n + 1,), windows
    (w, 2)): each person's intervals sorted and merged where they overlap or touch, which
    is exactly the runs of set bits of their row, without scanning the 672 bits of it.
    """
    n = ptr.size - 1
    avail = np.zeros((n, WORDS), dtype=np.uint64)
    slots = np.zeros(n, dtype=np.int64)
    window_ptr = np.zeros(n + 1, dtype=np.int64)
    merged = np.empty((2 * code.size, 2), dtype=np.int64)
    # Scratch for one person's intervals (at most two per window), sorted by insertion:
    # a person states a handful of windows.
    starts = np.empty(2 * code.size, dtype=np.int64)
    ends = np.empty(2 * code.size, dtype=np.int64)
    at = 0
    for p in range(n):
        m = 0
        for t in range(ptr[p], ptr[p + 1]):
            row = table[code[t]]
            for h in range(2):
                s, e = row[2 * h], row[2 * h + 1]
                if e <= s:
                    continue
                k = m
                while k > 0 and starts[k - 1] > s:
                    starts[k], ends[k] = starts[k - 1], ends[k - 1]
                    k -= 1
                starts[k], ends[k] = s, e
                m += 1
        k = 0
        while k < m:
            s, e = starts[k], ends[k]
            k += 1
            while k < m and starts[k] <= e:
                e = max(e, ends[k])
                k += 1
            merged[at, 0], merged[at, 1] = s, e
            at += 1
            slots[p] += e - s
            for b in range(s, e):
                avail[p, b >> 6] |= _ONE << np.uint64(b & 63)
        window_ptr[p + 1] = at
    return avail, slots, window_ptr, merged[:at].copy()
