"""Compiled kernels: one typed decorator and the bit-count intrinsic they share.

The matching engine's inner loops (scoring about 10^9 mentee × mentor pairs, the auction,
the maximum matching) are written as plain loops and compiled by numba. ``cache=True``
keeps the machine code on disk (``NUMBA_CACHE_DIR`` chooses where; the image sets it), so
only the first process on a machine pays the compilation. ``nogil=True`` lets the
candidate and certificate scans run on two threads of one process.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import numba
from numba import types
from numba.extending import intrinsic

Fn = TypeVar("Fn", bound=Callable[..., Any])


def kernel(fn: Fn) -> Fn:
    """Compile ``fn`` (no Python objects inside, releases the GIL, cached on disk)."""
    return cast(Fn, numba.njit(cache=True, nogil=True, error_model="numpy")(fn))


def inline(fn: Fn) -> Fn:
    """Compile ``fn`` into its callers (numba IR inlining): a small helper called per pair
    must not cost a call, nor reference counting of the arrays it is passed."""
    return cast(Fn, numba.njit(inline="always", error_model="numpy")(fn))


def _ctpop_typing(typingctx: Any, value: Any) -> Any:
    """LLVM's ``ctpop``: one ``popcnt`` instruction on x86-64 with SSE4.2."""
    if not isinstance(value, types.Integer):
        return None
    sig = types.int64(value)

    def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
        return context.cast(builder, builder.ctpop(args[0]), value, types.int64)

    return sig, codegen


_ctpop: Any = intrinsic(_ctpop_typing)


@inline
def popcount(value: int) -> int:
    """Number of set bits of an unsigned 64-bit word."""
    return int(_ctpop(value))
