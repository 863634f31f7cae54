"""The kit's ``insert_many`` against SQLAlchemy's ``session.execute(insert(table), rows)``.

Both write the same rows, in batches of thirty (what one relationship's start writes),
into meetings' ``planned_activities`` shape (UUIDs, UTC datetimes, strings, a boolean),
one transaction per batch, on a SQLite file or on the local PostgreSQL. Prints, per row,
the CPU spent in the insert itself and the CPU and wall time with each batch's
transaction (begin, commit), and the ratios; the two ways alternate, each measured
``--rounds`` times, and the median is shown.

    uv run python bench/bulk_insert.py [--rows 30000] [--database sqlite|postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Column, MetaData, Table, insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from tandem_kit.db.bulk import insert_many
from tandem_meetings.adapters.tables import planned_activities

BATCH = 30
Writer = Callable[[AsyncSession, Table, Sequence[dict[str, Any]]], Awaitable[None]]


def bench_table() -> Table:
    """``planned_activities``' columns and types, without its foreign key to relationships."""
    columns = [
        Column(c.name, c.type, primary_key=c.primary_key, nullable=c.nullable)
        for c in planned_activities.columns
    ]
    return Table(planned_activities.name, MetaData(), *columns)


def batches(count: int) -> list[list[dict[str, Any]]]:
    now = datetime(2027, 3, 1, 8, tzinfo=UTC)
    out = []
    for _ in range(count // BATCH):
        relationship = uuid.uuid4()
        out.append(
            [
                {
                    "id": uuid.uuid4(),
                    "relationship_id": relationship,
                    "programme_id": relationship,
                    "activity_key": "regular",
                    "occurrence": n,
                    "name": "Regular session",
                    "planned_mode": "either",
                    "mode": "online",
                    "duration_minutes": 60,
                    "window_start": now + timedelta(days=14 * n),
                    "window_end": now + timedelta(days=14 * n + 13),
                    "repeats": True,
                    "adaptation": None,
                    "created_at": now,
                }
                for n in range(BATCH)
            ]
        )
    return out


async def with_sqlalchemy(
    session: AsyncSession, table: Table, rows: Sequence[dict[str, Any]]
) -> None:
    await session.execute(insert(table), rows)


async def run(url: str, rows: int, rounds: int) -> dict[str, list[tuple[float, float, float]]]:
    engine = create_async_engine(url)
    table = bench_table()
    async with engine.begin() as connection:
        await connection.run_sync(table.metadata.create_all)
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    ways: dict[str, Writer] = {"sqlalchemy": with_sqlalchemy, "insert_many": insert_many}
    figures: dict[str, list[tuple[float, float, float]]] = {name: [] for name in ways}
    for _ in range(rounds):
        for name, write in ways.items():
            data = batches(rows)  # fresh ids: each round inserts new rows
            in_statement = 0.0
            cpu, wall = time.process_time(), time.perf_counter()
            for batch in data:
                async with sessions.begin() as session:
                    await session.connection()  # the transaction's begin is not the insert's
                    started = time.process_time()
                    await write(session, table, batch)
                    in_statement += time.process_time() - started
            figures[name].append(
                (in_statement, time.process_time() - cpu, time.perf_counter() - wall)
            )
    await engine.dispose()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bulk-insert-") as directory:
        if args.database == "postgres":
            from tests.support.infra import create_postgres_database, ensure_postgres

            url = asyncio.run(create_postgres_database(ensure_postgres()))
        else:
            url = f"sqlite+aiosqlite:///{directory}/bench.db"
        figures = asyncio.run(run(url, args.rows, args.rounds))
    written = args.rows // BATCH * BATCH
    per_row = {
        name: tuple(statistics.median(f[i] for f in found) / written * 1e6 for i in range(3))
        for name, found in figures.items()
    }
    print(f"{written} rows in batches of {BATCH} on {args.database}, median of {args.rounds}:")
    print("  (µs a row)   insert CPU   with transaction: CPU   wall")
    for name, (insert_cpu, cpu, wall) in per_row.items():
        print(f"  {name:12s} {insert_cpu:10.1f} {cpu:23.1f} {wall:6.1f}")
    base, fast = per_row["sqlalchemy"], per_row["insert_many"]
    ratios = "   ".join(f"{f / b:.2f}" for f, b in zip(fast, base, strict=True))
    print(f"  insert_many / sqlalchemy: {ratios}")


if __name__ == "__main__":
    main()
