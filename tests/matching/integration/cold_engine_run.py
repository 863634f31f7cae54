"""One match run in a fresh process, for tests that need a process of their own (an empty
``NUMBA_CACHE_DIR`` must be set before numba is first imported, and before the worker's
forkserver starts). Run as ``python -m tests.matching.integration.cold_engine_run DB KEY``;
prints the ``(status, phase, progress)`` seen by polling the run, as JSON, until it ends.
"""

from __future__ import annotations

import asyncio
import json
import sys

from tests.matching.integration import solvers
from tests.matching.integration.helpers import mentee_body, mentor_body, running_app, settings_for


async def observe(database_url: str, key_path: str) -> list[tuple[str, str, float]]:
    settings = settings_for(database_url, key_path, match_runs_enabled=True)
    seen: list[tuple[str, str, float]] = []
    async with running_app(settings, solver=solvers.traced) as api:
        tokens = api.tokens
        pid = await api.programme()
        await api.register(pid, mentor_body("cold-mentor"))
        await api.register(pid, mentee_body("cold-mentee"))
        manager = tokens.manager(pid)
        run = await api.call("POST", f"/v1/programmes/{pid}/match-runs", manager, 202)
        while run["status"] in ("queued", "running"):
            step = (run["status"], run["phase"], run["progress"])
            if not seen or seen[-1] != step:
                seen.append(step)
            await asyncio.sleep(0.05)
            run = await api.call("GET", f"/v1/programmes/{pid}/match-runs/{run['id']}", manager)
        seen.append((run["status"], run["phase"], run["progress"]))
    return seen


if __name__ == "__main__":
    print(json.dumps(asyncio.run(observe(sys.argv[1], sys.argv[2]))))
