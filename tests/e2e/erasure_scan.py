"""Searching every byte of a service's files for what must be gone (the erasure e2e)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

from tests.support.infra import REPO_ROOT


def files_under(root: Path, *, only_databases: bool) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        if only_databases and not any(
            path.name.endswith(suffix) for suffix in (".db", ".db-wal", ".db-shm", ".db-journal")
        ):
            continue
        yield path


def readable_copies(root: Path, needles: dict[str, bytes], *, only_databases: bool) -> list[str]:
    found: list[str] = []
    for path in files_under(root, only_databases=only_databases):
        try:
            data = path.read_bytes()
        except (FileNotFoundError, PermissionError):
            continue  # a WAL segment recycled or a temporary file gone while we looked
        for label, needle in needles.items():
            if (count := data.count(needle)) > 0:
                found.append(f"{path.relative_to(root)}: {count} x {label}")
    return found


def postgres_data_directory() -> Path:
    base = REPO_ROOT / ".cache" / "postgres" / "data"
    if base.is_dir():
        return base
    # postgres.sh's fallback: /var/tmp keyed by the cksum of the repository's path. Not
    # the first tandem-postgres-* there: another checkout's cluster may be beside ours.
    key = subprocess.run(
        ["cksum"], input=str(REPO_ROOT).encode(), capture_output=True, check=True
    ).stdout.split()[0]
    found = Path("/var/tmp") / f"tandem-postgres-{key.decode()}" / "data"
    assert found.is_dir(), f"the test cluster's data directory is not {found} (see postgres.sh)"
    return found
