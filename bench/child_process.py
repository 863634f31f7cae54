"""A bench's child process: the same script run with ``--part <child part> --job <json>``,
its figures the JSON on the last line of its output (each child its own interpreter,
so its CPU time and peak RSS are its own)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any


def spawn(script: str, part: str, job: dict[str, Any]) -> dict[str, Any]:
    bench = Path(__file__).resolve().parent / script
    done = subprocess.run(
        [sys.executable, str(bench), "--part", part, "--job", json.dumps(job)],
        check=True,
        capture_output=True,
        text=True,
        env=os.environ.copy(),
    )
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures
