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
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncSession

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
    processors = tuple(
        table.columns[k].type.dialect_impl(dialect).bind_processor(dialect) for k in order
    )
    found = (str(compiled), order, processors, positional)
    _plans[cache_key] = found  # tables are module-level: the cache lives as long as they do
    return found


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
