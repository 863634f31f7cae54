"""Imported by the match worker's forkserver before it forks any run: loads the engine's
compiled kernels once (about 2 s, or the first compilation on a new machine) so that
every run forked afterwards starts warm. Importing it anywhere else only costs that time.
"""

from __future__ import annotations

import logging

from tandem_matching.domain.engine import warm_up

try:
    warm_up()
except Exception:  # a failed warm-up must not stop the forkserver; runs then load lazily
    logging.getLogger(__name__).exception("engine warm-up failed")
