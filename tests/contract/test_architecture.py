"""The architecture check holds on the real tree and catches each kind of breach."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.check_architecture import breaches

ROOT = Path(__file__).resolve().parents[2]


def test_the_repository_has_no_breaches() -> None:
    assert breaches() == []


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of libs/ and services/ (sources only) to break on purpose."""
    for part in ("libs", "services"):
        shutil.copytree(
            ROOT / part,
            tmp_path / part,
            ignore=shutil.ignore_patterns("__pycache__", "*.db", ".data"),
        )
    return tmp_path


def _write(tree: Path, relative: str, source: str) -> None:
    path = tree / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source)


@pytest.mark.parametrize(
    ("relative", "source", "expected"),
    [
        (
            "services/messaging/tandem_messaging/service/leak.py",
            "from tandem_matching.domain import profiles\n",
            "imports another service",
        ),
        ("libs/kit/tandem_kit/leak.py", "import tandem_matching\n", "imports another service"),
        (
            "libs/contracts/tandem_contracts/leak.py",
            "import sqlalchemy\n",
            "contracts must stay pure",
        ),
        (
            "services/matching/tandem_matching/domain/leak.py",
            "from sqlalchemy import select\n",
            "domain/ must be pure",
        ),
        (
            "services/matching/tandem_matching/api/leak.py",
            "from tandem_matching.adapters import tables\n",
            "api/ must call use cases",
        ),
        (
            "services/matching/tandem_matching/service/leak.py",
            "from sqlalchemy import select\n",
            "service/ must leave SQL",
        ),
    ],
)
def test_each_kind_of_breach_is_caught(
    tree: Path, relative: str, source: str, expected: str
) -> None:
    _write(tree, relative, source)
    found = breaches(tree)
    assert any(expected in problem and relative in problem for problem in found), found


def test_a_service_missing_part_of_its_shape_is_caught(tree: Path) -> None:
    (tree / "services" / "matching" / "tandem_matching" / "consumers.py").unlink()
    assert "services/matching: missing tandem_matching/consumers.py" in breaches(tree)
