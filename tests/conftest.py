"""Fixtures shared by every test: the real local Kafka broker and PostgreSQL cluster.

Both are started by the project's own scripts (idempotent), so `pytest` works on
a fresh machine where `make test` has installed nothing else.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from tests.support.infra import (
    REPO_ROOT,
    create_postgres_database,
    drop_postgres_database,
    ensure_kafka,
    ensure_postgres,
)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def kafka_bootstrap() -> str:
    """A real Apache Kafka broker (single KRaft node) with Tandem's topics provisioned."""
    return ensure_kafka()


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The admin URL of the throwaway local PostgreSQL cluster."""
    return ensure_postgres()


@pytest.fixture
async def postgres_url(postgres_server: str) -> AsyncIterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    url = await create_postgres_database(postgres_server)
    yield url
    await drop_postgres_database(postgres_server, url)


UrlFactory = Callable[[str], Awaitable[str]]


@pytest.fixture(params=["sqlite", "postgres"])
async def url_factory(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[UrlFactory]:
    """Makes fresh databases on SQLite files or on the real PostgreSQL, per parameter."""
    created: list[str] = []
    server = request.getfixturevalue("postgres_server") if request.param == "postgres" else ""

    async def make(name: str) -> str:
        if not server:
            return f"sqlite+aiosqlite:///{tmp_path / name}.db"
        url = await create_postgres_database(server)
        created.append(url)
        return url

    yield make
    for url in created:
        await drop_postgres_database(server, url)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def sqlite_url_factory(tmp_path: Path) -> Callable[[str], str]:
    def make(name: str) -> str:
        return f"sqlite+aiosqlite:///{tmp_path / name}.db"

    return make
