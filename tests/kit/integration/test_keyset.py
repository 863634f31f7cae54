"""One keyset pagination for every list: the same pages on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Column, Integer, MetaData, Row, String, Table, insert, select

from tandem_kit.api import encode_cursor, keyset, keyset_page
from tandem_kit.db.database import Database
from tandem_kit.db.types import UtcDateTime, uuid_pk, uuid_ref
from tandem_kit.errors import BadRequest
from tests.conftest import UrlFactory

metadata = MetaData()
groups = Table("groups", metadata, uuid_pk(), Column("name", String(20), nullable=False))
items = Table(
    "items",
    metadata,
    uuid_pk(),
    uuid_ref("group_id", "groups.id", ondelete="CASCADE"),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("seq", Integer, nullable=False),
)
START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
GROUP = uuid.uuid4()


@pytest.fixture
async def database(url_factory: UrlFactory) -> AsyncIterator[Database]:
    db = Database(await url_factory("keyset"))
    async with db.engine.begin() as connection:
        await connection.run_sync(metadata.create_all)
    async with db.transaction() as session:
        await session.execute(insert(groups).values(id=GROUP, name="g"))
        # 25 rows, created in bursts of 4 at the same instant: ties broken by id.
        rows = [
            {
                "id": uuid.uuid4(),
                "group_id": GROUP,
                "created_at": START + timedelta(seconds=i // 4),
                "seq": i,
            }
            for i in range(25)
        ]
        await session.execute(insert(items), rows)
    yield db
    await db.dispose()


def _key(row: Row[Any]) -> tuple[datetime, uuid.UUID]:
    return (row.created_at, row.id)


async def _all_pages(db: Database, limit: int, *, descending: bool) -> list[list[uuid.UUID]]:
    pages: list[list[uuid.UUID]] = []
    cursor: str | None = None
    while True:
        query = keyset(
            select(items).where(items.c.group_id == GROUP),
            [items.c.created_at, items.c.id],
            cursor,
            limit,
            descending=descending,
        )
        async with db.sessions() as session:
            rows = (await session.execute(query)).all()
        page = keyset_page(rows, limit, key=_key, item=lambda row: row.id)
        pages.append(page.items)
        if page.next_cursor is None:
            return pages
        cursor = page.next_cursor


async def _ordered(db: Database, *, descending: bool) -> list[uuid.UUID]:
    order = (
        [items.c.created_at.desc(), items.c.id.desc()]
        if descending
        else [items.c.created_at, items.c.id]
    )
    async with db.sessions() as session:
        return list((await session.execute(select(items.c.id).order_by(*order))).scalars())


@pytest.mark.parametrize("descending", [False, True])
async def test_pages_cover_every_row_once_in_order(database: Database, descending: bool) -> None:
    pages = await _all_pages(database, 4, descending=descending)
    assert [len(page) for page in pages] == [4, 4, 4, 4, 4, 4, 1]
    assert [ident for page in pages for ident in page] == await _ordered(
        database, descending=descending
    )
    exact = await _all_pages(database, 5, descending=descending)  # 25 = 5 pages, no empty 6th
    assert [len(page) for page in exact] == [5, 5, 5, 5, 5]


async def test_a_single_integer_key(database: Database) -> None:
    async def seqs(cursor: str | None) -> list[int]:
        query = keyset(select(items.c.seq), [items.c.seq], cursor, 10, descending=True)
        async with database.sessions() as session:
            return list((await session.execute(query)).scalars())

    assert await seqs(None) == list(range(24, 13, -1))  # limit + 1 rows
    assert await seqs(encode_cursor(14)) == list(range(13, 2, -1))
    assert await seqs("") == await seqs(None)  # an empty cursor is no cursor


@pytest.mark.parametrize(
    "cursor",
    [
        encode_cursor("yesterday", str(uuid.uuid4())),  # not a time
        encode_cursor(START.replace(tzinfo=None).isoformat(), str(uuid.uuid4())),  # naive
        encode_cursor(START, "not-a-uuid"),
        encode_cursor(START),  # wrong arity
        "%%%",
    ],
)
async def test_a_cursor_that_does_not_fit_the_columns_is_a_400(
    database: Database, cursor: str
) -> None:
    with pytest.raises(BadRequest) as caught:
        keyset(select(items), [items.c.created_at, items.c.id], cursor, 5)
    assert caught.value.code == "invalid_cursor"


async def test_an_integer_column_refuses_a_text_cursor(database: Database) -> None:
    with pytest.raises(BadRequest):
        keyset(select(items), [items.c.seq], encode_cursor("7"), 5)
    with pytest.raises(BadRequest):
        keyset(select(items), [items.c.seq], encode_cursor(True), 5)
