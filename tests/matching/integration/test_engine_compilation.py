"""The engine's compilation: ahead of time by ``compile-engine``, else a phase of the run.

On a machine where the kernels were never compiled, the first run used to sit at
``loading`` 0 % for about a minute (the forkserver compiling before it forked), then jump
to done. Now the forkserver only loads what the disk cache holds, and the run's own
process compiles the rest, reporting ``compiling`` with the share of kernels ready.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tandem_matching.domain import ProgrammePolicy, jit
from tandem_matching.domain.engine import warm_up
from tandem_matching.domain.match_runs import Job
from tandem_matching.service import engine
from tests.matching.unit.test_matching_scoring import mentee, mentor

ROOT = Path(__file__).resolve().parents[3]
SCORING = ("encode", "candidates", "solve", "certificate", "result", "groups", "explain")


def _fresh_process(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        args, cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return done.stdout


def test_a_run_on_a_machine_never_compiled_reports_compiling_before_scoring(
    tmp_path: Path, matching_db_url: str, key_path: str
) -> None:
    cache, trace = tmp_path / "numba-cache", tmp_path / "phases.tsv"
    cache.mkdir()
    env = {"NUMBA_CACHE_DIR": str(cache), "TANDEM_TEST_PHASES": str(trace)}
    polled = json.loads(
        _fresh_process(
            env,
            sys.executable,
            "-m",
            "tests.matching.integration.cold_engine_run",
            matching_db_url,
            key_path,
        )
    )
    # What the engine's process reported, in order: compiling (kernels ready rising to
    # all of them: the warm-up reaches every kernel), then the scoring phases.
    reported = [line.split("\t") for line in trace.read_text().splitlines()]
    phases = [phase for phase, _ in reported]
    first_scoring = min(phases.index(p) for p in SCORING if p in phases)
    assert phases[0] == "compiling"
    assert "encode" in phases
    assert set(phases[:first_scoring]) == {"compiling"}
    assert "compiling" not in phases[first_scoring:]
    fractions = [float(f) for phase, f in reported if phase == "compiling"]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0
    # What a manager polling GET …/match-runs/{id} saw: the compiling phase while running.
    assert ("running", "compiling") in {(status, phase) for status, phase, _ in polled}
    assert polled[-1][:2] == ["draft", "done"]
    # The run's compilation landed in the cache: compile-engine finds nothing left to do.
    out = _fresh_process(env, sys.executable, "-m", "tandem_matching", "compile-engine")
    assert f"0 of {len(jit.KERNELS)} kernels compiled" in out


def test_a_warm_process_compiles_nothing_and_its_runs_report_no_compiling() -> None:
    warm_up()
    assert warm_up() == 0
    assert warm_up(compile=False) == 0, "everything is in the cache or in memory"
    job = Job(ProgrammePolicy(), (mentor(),), (mentee(),), frozenset())
    phases: list[str] = []
    engine.solve(job, lambda phase, fraction: phases.append(phase))
    assert "compiling" not in phases
    assert "encode" in phases
