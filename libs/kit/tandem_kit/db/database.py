"""One async engine and session factory per service, for SQLite or PostgreSQL.

A request may run inside one *request transaction* (:meth:`Database.request_transaction`,
opened by the kit's idempotency middleware): every ``transaction()`` a use case opens
while it runs joins it, so the use case's effect and what the kit writes about the
request (its stored response) commit together or not at all.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine.url import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)


def _prepare_sqlite_file(url: str) -> None:
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the relay read while the API writes; busy_timeout turns a brief
    # lock into a wait instead of an error; foreign keys are off by default in SQLite.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_engine(url: str, *, pool_size: int = 5) -> AsyncEngine:
    if url.startswith("sqlite"):
        _prepare_sqlite_file(url)
        engine = create_async_engine(url)
        event.listen(engine.sync_engine, "connect", _tune_sqlite)
        return engine
    return create_async_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True)


# The request transaction in force: (its database, its session). Only a transaction of
# the same Database joins it; any other database opens its own as before.
_REQUEST_TRANSACTION: ContextVar[tuple[Database, AsyncSession] | None] = ContextVar(
    "tandem_request_transaction", default=None
)


class Database:
    """The service's database: hands out sessions, one transaction per use case."""

    def __init__(self, url: str, *, pool_size: int = 5) -> None:
        self.url = url
        self.engine = create_engine(url, pool_size=pool_size)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session inside one transaction: committed on success, rolled back on error.

        Inside a :meth:`request_transaction` it is that transaction's session: the
        request transaction commits (or rolls back) once, when the request is answered.
        """
        ambient = _REQUEST_TRANSACTION.get()
        if ambient is not None and ambient[0] is self:
            yield ambient[1]
            return
        async with self.sessions() as session, session.begin():
            yield session

    @asynccontextmanager
    async def request_transaction(self) -> AsyncIterator[AsyncSession]:
        """One transaction for a whole request, which every :meth:`transaction` joins.

        Committed when the block ends normally, rolled back when it raises. The
        caller decides: a request answered with an error raises to roll back.
        """
        async with self.sessions() as session, session.begin():
            token = _REQUEST_TRANSACTION.set((self, session))
            try:
                yield session
            finally:
                _REQUEST_TRANSACTION.reset(token)

    async def ping(self) -> None:
        async with self.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.engine.dispose()
