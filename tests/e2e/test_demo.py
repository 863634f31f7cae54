"""`make demo` works: the platform comes up and a demo programme flows through it."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.support.infra import REPO_ROOT

pytestmark = [pytest.mark.kafka, pytest.mark.slow]


def test_the_demo_runs_a_programme_through_both_services(kafka_bootstrap: str) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "demo", "--exit", "--mentees", "60", "--mentors", "20"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=420,
        check=False,
    )
    out = completed.stdout
    assert completed.returncode == 0, out[-3000:] + completed.stderr[-3000:]
    assert "imported 80 participants" in out
    assert "certified gap" in out
    assert "active relationships" in out
    assert "10 messages posted" in out
    delivered = re.search(r"(\d+) e-mails delivered to the local SMTP catcher", out)
    assert delivered is not None
    assert int(delivered.group(1)) > 0
