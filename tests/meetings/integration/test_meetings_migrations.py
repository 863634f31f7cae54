"""The hand-written migrations make exactly the tables of ``adapters/tables.py``."""

from __future__ import annotations

from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from tandem_kit.db.migrations import upgrade_async
from tandem_kit.db.tables import kit_metadata
from tandem_meetings.adapters.tables import metadata
from tandem_meetings.main import MIGRATIONS
from tests.conftest import UrlFactory


def _compare(connection: Connection) -> list[Any]:
    everything = MetaData()  # the service's tables and the kit's, as the migrations make them
    for table in (*metadata.tables.values(), *kit_metadata.tables.values()):
        table.to_metadata(everything)
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, everything))


@pytest.mark.postgres
async def test_migrations_match_the_tables(url_factory: UrlFactory) -> None:
    url = await url_factory("migrations")
    await upgrade_async(MIGRATIONS, url)
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            differences = await connection.run_sync(_compare)
    finally:
        await engine.dispose()
    assert differences == []
