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


def traced(job: Job, progress: Progress) -> Solution:
    """The real engine, every ``(phase, fraction)`` it reports also appended as a line to
    the file named by ``TANDEM_TEST_PHASES`` (the child inherits the environment)."""
    from tandem_matching.service import engine  # in the child, after the fork

    path = os.environ["TANDEM_TEST_PHASES"]

    def recorded(phase: str, fraction: float) -> None:
        with open(path, "a", encoding="utf-8") as out:
            out.write(f"{phase}\t{fraction}\n")
        progress(phase, fraction)

    return engine.solve(job, recorded)
