"""Solvers the match-run worker can be given (``create_app(solver=...)``) to test its edges.

They run in the worker's child process, so they are plain module-level functions.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

Progress = Callable[[str, float], None]


def slow(job: dict[str, Any], progress: Progress) -> dict[str, Any]:
    """Reports steady progress for about 20 seconds, then drafts nothing."""
    for step in range(400):
        progress("solving", step / 400)
        time.sleep(0.05)
    return {"proposals": [], "unmatched": [], "certified_gap": None, "solver": "slow"}


def crash(job: dict[str, Any], progress: Progress) -> dict[str, Any]:
    progress("solving", 0.1)
    os._exit(3)


def boom(job: dict[str, Any], progress: Progress) -> dict[str, Any]:
    raise ValueError("the solver gave up")
