"""``tandem_kit.db.bulk.insert_many`` stores exactly what ``session.execute(insert(...))``
stores, on SQLite files and on the real PostgreSQL, and fails the same way."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import Boolean, Column, Integer, MetaData, String, Table, Uuid, insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine

from tandem_kit.db.bulk import insert_many
from tandem_kit.db.types import UtcDateTime, uuid_pk
from tests.conftest import UrlFactory

metadata = MetaData()
things = Table(
    "bulk_things",
    metadata,
    uuid_pk(),
    Column("owner", Uuid(), nullable=False),
    Column("name", String(100), nullable=True),
    Column("count", Integer, nullable=False),
    Column("done", Boolean, nullable=False),
    Column("at", UtcDateTime(), nullable=False),
)
with_default = Table(
    "bulk_defaulted",
    metadata,
    uuid_pk(),
    Column("state", String(10), nullable=False, default="open"),
)

ATHENS = dt.timezone(dt.timedelta(hours=2))
ZONES = (
    ATHENS,
    dt.timezone(dt.timedelta(hours=10, minutes=30)),
    dt.timezone(-dt.timedelta(hours=3)),
)


def rows(n: int) -> list[dict[str, Any]]:
    owner = uuid.uuid4()
    return [
        {
            "id": uuid.uuid4(),
            "owner": owner,
            "name": None if i % 3 == 0 else f"Thing {i} ✓ «ü»",
            "count": i,
            "done": i % 2 == 0,
            # aware non-UTC times, with microseconds and without, across a day's and a
            # year's end when made UTC: all stored as UTC
            "at": dt.datetime(
                2027 - 1000 * (i % 5 == 0), 1, 1, 1, 30, i % 60, 1234 * (i % 2), tzinfo=ZONES[i % 3]
            ),
        }
        for i in range(n)
    ]


@pytest.fixture
async def engine(url_factory: UrlFactory) -> AsyncIterator[AsyncEngine]:
    made = create_async_engine(await url_factory("bulk"))
    async with made.begin() as connection:
        await connection.run_sync(metadata.create_all)
    yield made
    await made.dispose()


async def stored(engine: AsyncEngine) -> list[tuple[Any, ...]]:
    """The raw values as the database holds them (no type processing on the way out)."""
    async with engine.connect() as connection:
        result = await connection.exec_driver_sql(
            "SELECT id, owner, name, count, done, at FROM bulk_things ORDER BY count"
        )
        return [tuple(row) for row in result]


async def test_the_rows_stored_are_those_sqlalchemy_stores(engine: AsyncEngine) -> None:
    written = rows(250)
    async with AsyncSession(engine) as session, session.begin():
        await session.execute(insert(things), written)
    expected = await stored(engine)
    async with AsyncSession(engine) as session, session.begin():
        await session.execute(things.delete())
    async with AsyncSession(engine) as session, session.begin():
        await insert_many(session, things, written)
    assert await stored(engine) == expected
    assert len(expected) == 250
    async with AsyncSession(engine) as session:
        back = (await session.execute(things.select().order_by(things.c.count))).all()
    assert [r.at for r in back] == [w["at"].astimezone(dt.UTC) for w in written]
    assert [r.name for r in back] == [w["name"] for w in written]


async def test_a_duplicate_fails_the_statement_and_nothing_of_it_stays(
    engine: AsyncEngine,
) -> None:
    written = rows(5)
    with pytest.raises(IntegrityError):
        async with AsyncSession(engine) as session, session.begin():
            await insert_many(session, things, [*written, written[2]])
    assert await stored(engine) == []


async def test_rows_naming_different_columns_are_refused(engine: AsyncEngine) -> None:
    first, second = rows(2)
    del second["name"]
    second["other"] = 1
    async with AsyncSession(engine) as session, session.begin():
        with pytest.raises(ValueError, match="different columns"):
            await insert_many(session, things, [first, second])
        with pytest.raises(ValueError, match="different columns"):
            await insert_many(session, things, [first, {"id": uuid.uuid4()}])
        with pytest.raises(ValueError, match="no column"):
            await insert_many(session, things, [{**first, "colour": "red"}])
    assert await stored(engine) == []


async def test_a_python_default_left_out_is_refused_not_skipped(engine: AsyncEngine) -> None:
    async with AsyncSession(engine) as session, session.begin():
        with pytest.raises(ValueError, match="Python default"):
            await insert_many(session, with_default, [{"id": uuid.uuid4()}])
        await insert_many(session, with_default, [{"id": uuid.uuid4(), "state": "done"}])
        assert (
            await session.scalar(with_default.select().with_only_columns(with_default.c.state))
            == "done"
        )


async def test_a_naive_time_is_refused_and_nothing_stays(engine: AsyncEngine) -> None:
    written = rows(3)
    written[1]["at"] = dt.datetime(2027, 1, 1, 9)
    with pytest.raises(ValueError, match="naive"):
        async with AsyncSession(engine) as session, session.begin():
            await insert_many(session, things, written)
    assert await stored(engine) == []


async def test_nothing_to_insert_touches_nothing(engine: AsyncEngine) -> None:
    async with AsyncSession(engine) as session, session.begin():
        await insert_many(session, things, [])
    assert await stored(engine) == []
