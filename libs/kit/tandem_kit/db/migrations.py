"""Alembic support shared by every service.

Each service keeps its own ``migrations/`` folder (its history is its own); the
``env.py`` there is a two-line call to :func:`run_alembic_env`, and its first
revision calls :func:`create_kit_tables`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

from alembic import command, context, op
from alembic.config import Config
from sqlalchemy import MetaData, pool
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from tandem_kit.db.database import _prepare_sqlite_file
from tandem_kit.db.tables import KIT_TABLES, kit_metadata


def alembic_config(script_location: Path, database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location))
    config.set_main_option("sqlalchemy.url", database_url)
    return config


def upgrade(script_location: Path, database_url: str, revision: str = "head") -> None:
    """Bring a database to ``revision``; safe to call on every start."""
    if database_url.startswith("sqlite"):
        _prepare_sqlite_file(database_url)
    command.upgrade(alembic_config(script_location, database_url), revision)


def _run_sync(connection: Connection, target_metadata: Sequence[MetaData]) -> None:
    context.configure(
        connection=connection,
        target_metadata=list(target_metadata),
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_async(url: str, target_metadata: Sequence[MetaData]) -> None:
    engine = create_async_engine(url, poolclass=pool.NullPool)
    async with engine.connect() as connection:
        await connection.run_sync(_run_sync, target_metadata)
    await engine.dispose()


def run_alembic_env(service_metadata: MetaData) -> None:
    """The body of every service's ``migrations/env.py`` (online mode only)."""
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("sqlalchemy.url is not set; run migrations through the service CLI")
    asyncio.run(_run_async(url, [service_metadata, kit_metadata]))


def create_kit_tables() -> None:
    """Create the outbox, inbox, mail outbox, idempotency and person-key tables."""
    bind = op.get_bind()
    for table in KIT_TABLES:
        table.create(bind)


def drop_kit_tables() -> None:
    bind = op.get_bind()
    for table in reversed(KIT_TABLES):
        table.drop(bind)


async def upgrade_async(script_location: Path, database_url: str, revision: str = "head") -> None:
    """:func:`upgrade` from inside a running event loop (Alembic's env runs its own loop)."""
    await asyncio.to_thread(upgrade, script_location, database_url, revision)
