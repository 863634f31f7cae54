"""Solvers the match-run worker can be given (``create_app(solver=...)``) to test its edges.

They run in the worker's child process, so they are plain module-level functions.
"""

from __future__ import annotations

import os
import time

from tandem_matching.domain.match_runs import Job, Solution
from tandem_matching.service.engine import Progress


def slow(job: Job, progress: Progress) -> Solution:
    """Reports steady progress for about 20 seconds, then drafts nothing."""
    for step in range(400):
        progress("solving", step / 400)
        time.sleep(0.05)
    return Solution((), (), certified_gap=None, cardinality_certified=None, solver="slow")


def crash(job: Job, progress: Progress) -> Solution:
    progress("solving", 0.1)
    os._exit(3)


def boom(job: Job, progress: Progress) -> Solution:
    raise ValueError("the solver gave up")
