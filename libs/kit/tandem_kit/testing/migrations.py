"""Whether a service's hand-written migrations make exactly the tables its code declares."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from tandem_kit.db.migrations import upgrade_async
from tandem_kit.db.tables import kit_metadata


async def migration_differences(migrations: Path, metadata: MetaData, url: str) -> list[Any]:
    """Upgrade a fresh database at ``url`` and compare it with ``metadata`` plus the kit's
    tables (types included): an empty list when the migrations and the code agree."""
    everything = MetaData()  # the service's tables and the kit's, as the migrations make them
    for table in (*metadata.tables.values(), *kit_metadata.tables.values()):
        table.to_metadata(everything)

    def compare(connection: Connection) -> list[Any]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, everything))

    await upgrade_async(migrations, url)
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(compare)
    finally:
        await engine.dispose()
