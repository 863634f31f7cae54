"""Compiled kernels: one typed decorator and the bit-count intrinsic they share.

The matching engine's inner loops (scoring about 10^9 mentee × mentor pairs, the auction,
the maximum matching) are written as plain loops and compiled by numba. ``cache=True``
keeps the machine code on disk (``NUMBA_CACHE_DIR`` chooses where; the image sets it), so
only the first process on a machine pays the compilation — about a minute of one core, so
``tandem-matching compile-engine`` pays it ahead (``make setup``, the image build) and
:func:`watching_compiles` lets a run that still pays it say so. ``nogil=True`` lets the
candidate and certificate scans run on two threads of one process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar, cast

import numba
from numba import types
from numba.core import event
from numba.extending import intrinsic

Fn = TypeVar("Fn", bound=Callable[..., Any])

# Every kernel of the engine, in definition order: what "compiled" counts over.
KERNELS: list[Any] = []


def kernel(fn: Fn) -> Fn:
    """Compile ``fn`` (no Python objects inside, releases the GIL, cached on disk)."""
    dispatcher = numba.njit(cache=True, nogil=True, error_model="numpy")(fn)
    KERNELS.append(dispatcher)
    return cast(Fn, dispatcher)


def cache_dir() -> str:
    """Where the kernels' machine code is cached (for the operator's record)."""
    return str(getattr(numba.config, "CACHE_DIR", "") or "__pycache__ beside the sources")


def kernels_ready() -> int:
    """How many kernels have machine code in this process (compiled or loaded from disk)."""
    return sum(1 for dispatcher in KERNELS if dispatcher.overloads)


class NotCompiled(Exception):
    """A kernel has no machine code in the disk cache and would have to be compiled."""


class _CompileListener(event.Listener):
    def __init__(self, report: Callable[[int], None] | None, allow: bool) -> None:
        self._ours = {id(dispatcher) for dispatcher in KERNELS}
        self._report, self._allow = report, allow
        self._ready = 0
        self._compiled: set[int] = set()

    @property
    def compiled(self) -> int:
        """How many kernels were compiled (some twice, for two argument types)."""
        return len(self._compiled)

    def _kernel(self, ev: Any) -> bool:
        return id(ev.data.get("dispatcher")) in self._ours

    def _progress(self) -> None:
        self._ready = max(self._ready, kernels_ready())  # reported as it only grows
        if self._report is not None:
            self._report(self._ready)

    def on_start(self, ev: Any) -> None:
        if not self._kernel(ev):  # numba's own helpers, compiled inside one of ours
            return
        if not self._allow:
            raise NotCompiled(ev.data["dispatcher"].py_func.__qualname__)
        self._progress()

    def on_end(self, ev: Any) -> None:
        # Not ev.is_failed: numba 0.68 answers it the wrong way round. A failed
        # compilation raises out of the call anyway, ending the warm-up.
        if self._kernel(ev):
            self._compiled.add(id(ev.data["dispatcher"]))
            self._progress()


@contextmanager
def watching_compiles(
    report: Callable[[int], None] | None = None, *, allow: bool = True
) -> Iterator[_CompileListener]:
    """While inside, ``report(kernels ready)`` is called as each kernel starts and ends
    compiling — never for a kernel loaded from the disk cache, so a warm process reports
    nothing. With ``allow=False`` the first compilation raises :class:`NotCompiled`
    instead (numba leaves the kernel uncompiled and usable). ``.compiled`` counts the
    kernels compiled.
    """
    listener = _CompileListener(report, allow)
    with event.install_listener("numba:compile", listener):
        yield listener


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
