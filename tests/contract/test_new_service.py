"""The scaffold cannot rot: a service generated into a temporary folder passes the
architecture check, lint and strict typing, and its own smoke test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools.check_architecture import REQUIRED_SHAPE, breaches
from tools.check_architecture import main as check_architecture
from tools.new_service import generate

ROOT = Path(__file__).resolve().parents[2]
NAME = "scaffolded"
BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("scaffold")
    generate(NAME, dest)
    return dest


def _run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def test_the_generated_service_has_the_shape_and_passes_the_architecture_check(
    generated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = generated / "services" / NAME / f"tandem_{NAME}"
    assert all((package / entry).exists() for entry in REQUIRED_SHAPE)
    assert check_architecture(["--root", str(generated)]) == 0, capsys.readouterr().out
    assert capsys.readouterr().out.strip() == "architecture ok: 1 services checked"


def test_the_check_on_the_generated_tree_is_not_vacuous(generated: Path) -> None:
    leak = generated / "services" / NAME / f"tandem_{NAME}" / "domain" / "status.py"
    original = leak.read_text()
    try:
        leak.write_text(original + "\nfrom sqlalchemy import select\n")
        assert any("domain/ must be pure" in problem for problem in breaches(generated, ()))
    finally:
        leak.write_text(original)


def test_the_generated_smoke_test_passes(generated: Path) -> None:
    result = _run(
        [
            sys.executable,
            "-m",
            "pytest",
            f"tests/{NAME}",
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            "asyncio_mode=auto",
            "-o",
            "asyncio_default_fixture_loop_scope=function",
        ],
        generated,
        PYTHONPATH=str(generated / "services" / NAME),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout


@pytest.mark.slow
def test_the_generated_code_is_lint_clean_and_strictly_typed(generated: Path) -> None:
    config = str(ROOT / "pyproject.toml")
    first_party = (
        f'lint.isort.known-first-party = ["tandem_contracts", "tandem_kit", "tandem_{NAME}"]'
    )
    for command in (
        [str(BIN / "ruff"), "check", "--config", config, "--config", first_party, "."],
        [str(BIN / "ruff"), "format", "--check", "--config", config, "."],
        [
            str(BIN / "mypy"),
            "--config-file",
            config,
            "--cache-dir",
            str(generated / ".mypy_cache"),
            f"services/{NAME}/tandem_{NAME}",
            f"tests/{NAME}",
        ],
    ):
        result = _run(command, generated, MYPYPATH=str(generated / "services" / NAME))
        assert result.returncode == 0, (command[0], result.stdout + result.stderr)


def test_a_bad_name_or_an_existing_service_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="lowercase"):
        generate("Meetings", tmp_path)
    with pytest.raises(ValueError, match="lowercase"):
        generate("../escape", tmp_path)
    generate("meetings", tmp_path)
    with pytest.raises(FileExistsError):
        generate("meetings", tmp_path)
