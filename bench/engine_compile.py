"""The matching engine's compilation: cold (an empty numba cache, as on a new machine)
against warm (the kernels loaded from the cache that ``compile-engine`` filled).

Each measurement is a fresh process running ``tandem-matching compile-engine`` with its
own ``NUMBA_CACHE_DIR``: the first in an empty directory (every kernel compiled), the
others in the one it filled (every kernel loaded). Prints seconds for each, wall clock
of the whole process (interpreter and imports included) and of the warm-up alone.

    uv run python bench/engine_compile.py [--warm-rounds 3]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORTED = re.compile(r"(\d+) of (\d+) kernels compiled.* in ([0-9.]+) s")


def compile_engine(cache: Path) -> tuple[float, float, int]:
    """(process seconds, warm-up seconds, kernels compiled) for one fresh process."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "tandem_matching", "compile-engine"],
        cwd=ROOT,
        env={**os.environ, "NUMBA_CACHE_DIR": str(cache)},
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - started
    found = REPORTED.search(done.stdout)
    assert found is not None, done.stdout
    return elapsed, float(found[3]), int(found[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warm-rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="numba-cache-") as directory:
        cache = Path(directory)
        cold = compile_engine(cache)
        warm = [compile_engine(cache) for _ in range(args.warm_rounds)]
    print(f"cold: {cold[0]:6.1f} s process, {cold[1]:6.1f} s warm-up, {cold[2]} kernels compiled")
    process = statistics.median(w[0] for w in warm)
    warm_up = statistics.median(w[1] for w in warm)
    compiled = max(w[2] for w in warm)
    print(
        f"warm: {process:6.1f} s process, {warm_up:6.1f} s warm-up, {compiled} kernels "
        f"compiled (median of {len(warm)})"
    )
    print(f"compiling ahead saves {cold[1] - warm_up:.1f} s on the first run of a machine")


if __name__ == "__main__":
    main()
