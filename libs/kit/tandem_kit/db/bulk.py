"""Many rows into one table in one ``executemany``, without SQLAlchemy's per-row overhead.

``session.execute(insert(table), rows)`` assembles every row's parameters through the
compiled statement (``construct_params``, about 9 µs a row here) before the driver sees
them. A relationship's start writes about thirty rows, so that assembly was an eighth of
the meetings consumer's time. :func:`insert_many` compiles the statement once per table,
columns and dialect, runs each column's own bind processor (the same values SQLAlchemy
would send: UTC datetimes in its SQLite text format, UUIDs as the dialect stores them)
and hands the driver the tuples. ``bench/bulk_insert.py`` measures both ways.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Column, Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.db.types import UtcDateTime

Processor = Callable[[Any], Any]
_Plan = tuple[str, tuple[str, ...], tuple[Processor | None, ...], bool]

_plans: dict[tuple[int, tuple[str, ...], str, str], _Plan] = {}


def _plan(table: Table, keys: tuple[str, ...], dialect: Dialect) -> _Plan:
    cache_key = (id(table), keys, dialect.name, dialect.driver)
    found = _plans.get(cache_key)
    if found is not None:
        return found
    for column in table.columns:
        if column.key not in keys and column.default is not None:
            # the fast path runs no Python-side default: name the column instead
            raise ValueError(f"{table.name}.{column.key} has a Python default: give it")
    unknown = set(keys) - set(table.columns.keys())
    if unknown:
        raise ValueError(f"{table.name} has no column {sorted(unknown)}")
    compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
    positional = bool(compiled.positional)
    order = tuple(compiled.positiontup or ()) if positional else keys
    # dialect_impl: a TypeDecorator then chains the dialect's own processor (SQLite's text
    # format for datetimes), as the compiled statement does
    processors = tuple(_processor(table.columns[k], dialect) for k in order)
    found = (str(compiled), order, processors, positional)
    _plans[cache_key] = found  # tables are module-level: the cache lives as long as they do
    return found


# Times that must come out alike: microseconds or none, another zone, an early year.
_SAMPLES = (
    datetime(2027, 3, 28, 1, 30, tzinfo=UTC),
    datetime(1999, 12, 31, 23, 59, 59, 123456, tzinfo=timezone(timedelta(hours=10, minutes=30))),
    datetime(999, 1, 2, 3, 4, 5, 6, tzinfo=timezone(timedelta(hours=-3))),
)


def _sqlite_utc_text(value: datetime | None) -> str | None:
    # UtcDateTime then SQLite's DATETIME in one C call: 0.4 µs against 6.8 µs, and a
    # relationship's start writes about sixty times (``bench/bulk_insert.py``)
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetime: pass an aware (UTC) one")
    return value.astimezone(UTC).isoformat(" ", "microseconds")[:26]


def _processor(column: Column[Any], dialect: Dialect) -> Processor | None:
    generic: Processor | None = column.type.dialect_impl(dialect).bind_processor(dialect)
    sqlite_time = isinstance(column.type, UtcDateTime) and dialect.name == "sqlite"
    # only where it writes SQLAlchemy's very text (a storage format set elsewhere differs)
    if sqlite_time and generic and all(_sqlite_utc_text(s) == generic(s) for s in _SAMPLES):
        return _sqlite_utc_text
    return generic


async def insert_many(
    session: AsyncSession, table: Table, rows: Sequence[Mapping[str, Any]]
) -> None:
    """Insert ``rows`` (every one naming the same columns) in the session's transaction.

    Fails as ``session.execute(insert(table), rows)`` would on a constraint, and refuses
    rows whose columns differ or that leave out a column with a Python-side default.
    """
    if not rows:
        return
    keys = tuple(rows[0])
    connection = await session.connection()
    sql, order, processors, positional = _plan(table, keys, connection.dialect)
    width = len(keys)
    steps = tuple(zip(order, processors, strict=True))
    params: list[Any] = []
    for row in rows:
        try:
            if len(row) != width:
                raise KeyError(width)
            values = [row[k] if p is None else p(row[k]) for k, p in steps]
        except KeyError:
            raise ValueError(f"rows for {table.name} name different columns") from None
        params.append(tuple(values) if positional else dict(zip(order, values, strict=True)))
    await connection.exec_driver_sql(sql, params)
