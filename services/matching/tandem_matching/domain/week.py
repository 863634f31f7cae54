"""Weekly availability on the 15-minute UTC grid: bit rows and merged windows, compiled.

Encoding a run turns every participant's windows (already converted to UTC slot intervals,
see :func:`profiles.window_slots`) into a row of WORDS uint64 words, and back into sorted,
merged ``[start, end)`` intervals — the two forms the pair kernels read.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from tandem_matching.domain.jit import kernel

WORDS = 11  # ceil(672 / 64): the week's 672 slots
_ONE = np.uint64(1)

I64 = npt.NDArray[np.int64]
U64 = npt.NDArray[np.uint64]


@kernel
def pack(n: int, who: I64, start: I64, end: I64) -> U64:
    """(n, WORDS) bit rows: slot s of person who[t] is set for start[t] <= s < end[t]."""
    out = np.zeros((n, WORDS), dtype=np.uint64)
    for t in range(who.size):
        row = who[t]
        for s in range(start[t], end[t]):
            out[row, s >> 6] |= _ONE << np.uint64(s & 63)
    return out


@kernel
def runs(avail: U64) -> tuple[I64, I64]:
    """Each row's maximal runs of set bits as CSR: (ptr, (w, 2) [start, end) slots)."""
    n = avail.shape[0]
    bits = avail.shape[1] * 64
    ptr = np.zeros(n + 1, dtype=np.int64)
    for r in range(n):
        count = 0
        prev = False
        for s in range(bits):
            on = (avail[r, s >> 6] >> np.uint64(s & 63)) & _ONE != 0
            if on and not prev:
                count += 1
            prev = on
        ptr[r + 1] = ptr[r] + count
    out = np.empty((ptr[n], 2), dtype=np.int64)
    for r in range(n):
        at = ptr[r]
        prev = False
        for s in range(bits + 1):
            on = s < bits and (avail[r, s >> 6] >> np.uint64(s & 63)) & _ONE != 0
            if on and not prev:
                out[at, 0] = s
            elif prev and not on:
                out[at, 1] = s
                at += 1
            prev = on
    return ptr, out
