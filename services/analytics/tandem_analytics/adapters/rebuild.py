"""The SQL of a rebuild: the rows copied as they stand into the fresh database.

The directory is the latest state of matching's programmes and the contacts topic, not
a history, so a rebuild carries it over instead of replaying it: contacts are never in
the consumed-events store. The vault's person keys come along, so sealed contact fields
still open under the same master key.
"""

from __future__ import annotations

from sqlalchemy import Table, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.tables import consumed_events, metadata
from tandem_kit.db.tables import person_keys_table

# Analytics' own state: what managers, members and the workers wrote, not derived from
# any event (a flag's history, an answer, a fitted model): carried over as it stands.
OWN_STATE = (
    "risk_thresholds",
    "risk_flags",
    "risk_training_histories",
    "risk_models",
    "match_weight_suggestions",
    "check_in_plans",
    "check_in_keys",
    "check_ins",
    "check_in_answers",
    "check_in_link_nonces",
    "outcomes",
    "programme_reports",
)
COPIED: tuple[Table, ...] = (
    person_keys_table,
    *(
        table
        for table in metadata.sorted_tables  # parents before children (foreign keys)
        if table.name.startswith("tandem_directory_") or table.name in OWN_STATE
    ),
)


async def copy_rows(source: AsyncSession, target: AsyncSession, table: Table) -> int:
    rows = [dict(row._mapping) for row in await source.execute(select(table))]
    if rows:
        await target.execute(insert(table), rows)
    return len(rows)


async def stored_count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(consumed_events)) or 0)
