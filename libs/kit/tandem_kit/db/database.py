"""One async engine and session factory per service, for SQLite or PostgreSQL.

A request may run inside one *request transaction* (:meth:`Database.request_transaction`,
opened by the kit's idempotency middleware): every ``transaction()`` a use case opens
while it runs joins it, so the use case's effect and what the kit writes about the
request (its stored response) commit together or not at all.

Every session carries the database's :class:`~tandem_kit.privacy.PersonalVault` (in
``session.info``), so the kit's directory, mail outbox and idempotency store seal
personal fields in whatever transaction they run in, and work that must wait for the
commit (:func:`after_commit`) runs once the outermost transaction has committed.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, text
from sqlalchemy.engine.url import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

if TYPE_CHECKING:
    from tandem_kit.privacy import PersonalVault

AfterCommit = Callable[[], Awaitable[None]]
_VAULT = "tandem_vault"
_DATABASE = "tandem_database"
_AFTER_COMMIT = "tandem_after_commit"


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
    # Deleted and overwritten content is zeroed, not left in free space and free pages:
    # an erased person's row is gone from the file (and, after a checkpoint, its WAL).
    cursor.execute("PRAGMA secure_delete=ON")
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

    def __init__(self, url: str, *, pool_size: int = 5, vault: PersonalVault | None = None) -> None:
        self.url = url
        self.engine = create_engine(url, pool_size=pool_size)
        self.vault = vault
        self.sessions = async_sessionmaker(
            self.engine, expire_on_commit=False, info={_VAULT: vault, _DATABASE: self}
        )

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
        async with self.sessions() as session:
            async with session.begin():
                yield session
            await _run_after_commit(session)

    @asynccontextmanager
    async def request_transaction(self) -> AsyncIterator[AsyncSession]:
        """One transaction for a whole request, which every :meth:`transaction` joins.

        Committed when the block ends normally, rolled back when it raises. The
        caller decides: a request answered with an error raises to roll back.
        """
        async with self.sessions() as session:
            async with session.begin():
                token = _REQUEST_TRANSACTION.set((self, session))
                try:
                    yield session
                finally:
                    _REQUEST_TRANSACTION.reset(token)
            await _run_after_commit(session)

    async def checkpoint(self) -> None:
        """SQLite: copy the WAL into the database file and truncate the WAL to nothing.

        Pages an erasure overwrote still sit, in their old versions, in the WAL until a
        checkpoint; TRUNCATE waits (busy timeout) for readers of older snapshots.
        PostgreSQL needs nothing here: its personal fields are sealed under per-person
        keys (see :mod:`tandem_kit.privacy`).
        """
        if self.dialect != "sqlite":
            return
        async with self.engine.connect() as connection:
            await connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    async def ping(self) -> None:
        async with self.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.engine.dispose()


def after_commit(session: AsyncSession, work: AfterCommit) -> None:
    """Run ``work`` once the outermost transaction ``session`` is in has committed
    (never if it rolls back): a WAL checkpoint after an erasure, for instance."""
    session.info.setdefault(_AFTER_COMMIT, []).append(work)


async def _run_after_commit(session: AsyncSession) -> None:
    pending: list[AfterCommit] = session.info.pop(_AFTER_COMMIT, [])
    for work in pending:
        await work()


def database_of(session: AsyncSession) -> Database:
    database = session.info.get(_DATABASE)
    if not isinstance(database, Database):
        raise RuntimeError("this session was not opened by a tandem_kit Database")
    return database


def vault_of(session: AsyncSession) -> PersonalVault:
    """The personal-data vault of the database ``session`` belongs to."""
    vault = session.info.get(_VAULT)
    if vault is None:
        raise RuntimeError(
            "this database has no PersonalVault: build it with Database(url, vault=...)"
        )
    return vault  # type: ignore[no-any-return]
