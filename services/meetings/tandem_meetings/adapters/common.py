"""Small SQL helpers shared by the repositories."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession


async def insert_unless_present(
    session: AsyncSession, table: Table, values: Mapping[str, Any], keys: Sequence[str]
) -> bool:
    """INSERT … ON CONFLICT DO NOTHING; True if the row is new (the unique key decides,
    whatever the redelivery or the race, and the transaction stays usable)."""
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(table).values(dict(values)).on_conflict_do_nothing(index_elements=keys)
    result = await session.execute(statement)
    return bool(getattr(result, "rowcount", 0))
