"""Fixtures for the matching service's tests: an app on a fresh SQLite file, one signing key."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tandem_kit.db.migrations import upgrade
from tandem_matching.main import MIGRATIONS
from tests.matching.integration.helpers import Api, running_app, settings_for


@pytest.fixture(scope="session")
def key_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One signing key for the whole session (minting with it creates it on first use)."""
    return str(tmp_path_factory.mktemp("matching-keys") / "signing.pem")


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file brought to head by the service's migrations, once per session."""
    path = tmp_path_factory.mktemp("matching-template") / "template.db"
    upgrade(MIGRATIONS, f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture
def matching_db_url(tmp_path: Path, migrated_sqlite: Path) -> str:
    """A fresh database per test: a copy of the migrated template (migrating costs ~1 s)."""
    path = tmp_path / "matching.db"
    shutil.copyfile(migrated_sqlite, path)
    return f"sqlite+aiosqlite:///{path}"


@pytest.fixture
async def api(matching_db_url: str, key_path: str) -> AsyncIterator[Api]:
    """The matching API on a fresh SQLite database, no relay, no consumers, no workers."""
    settings = settings_for(
        matching_db_url, key_path, match_runs_enabled=False, migrate_on_start=False
    )
    async with running_app(settings) as api:
        yield api


@pytest.fixture
async def api_with_runs(matching_db_url: str, key_path: str) -> AsyncIterator[Api]:
    """As ``api``, with the match-run worker on (runs are solved in a child process)."""
    settings = settings_for(
        matching_db_url, key_path, match_runs_enabled=True, migrate_on_start=False
    )
    async with running_app(settings) as api:
        yield api
