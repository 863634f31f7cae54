"""Imported by the match worker's forkserver before it forks any run: loads the engine's
compiled kernels from the disk cache once (about 2 s) so that every run forked afterwards
starts warm. It never compiles: a kernel missing from the cache (no ``tandem-matching
compile-engine`` on this machine yet) would keep the forkserver, and the run waiting for
it, silent for a minute; the run's own process compiles it instead, reporting the phase
``compiling``. Importing this anywhere else only costs the load.
"""

from __future__ import annotations

import logging

from tandem_matching.domain.engine import warm_up
from tandem_matching.domain.jit import NotCompiled

log = logging.getLogger(__name__)

try:
    warm_up(compile=False)
except NotCompiled as missing:
    log.info("engine kernel %s is not compiled yet: the next match run compiles it", missing)
except Exception:  # a failed warm-up must not stop the forkserver; runs then load lazily
    log.exception("engine warm-up failed")
