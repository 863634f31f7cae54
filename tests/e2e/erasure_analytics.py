"""The analytics part of the erasure e2e: analytics hears of the mentee over the broker
like every other service (her contact on the contacts topic, her registration, the
relationship, her messages and meeting), and after her erasure neither her contact nor
her ids are left in any of its files.

Analytics keeps only ids and facts, but keeps them long: every event it consumed is
stored (``consumed_events``) for rebuilds. Her needles here are what the shared scan
looks for in every database file (her name, address and city, which analytics' directory
held) and, in analytics' files only, her participant id and token subject: analytics
merges an erased person into the nil id (counts stay, she does not), whereas matching
keeps anonymous ids by design. The one place her id stays is the directory's list of
erased people (``tandem_directory_erased_participants``, in every consuming service):
without it a late or replayed event would bring her back. It holds the id alone, in the
row and its primary-key index, so the raw files may hold exactly those two copies of it
(SQLite's form of a UUID column, 32 hex digits) and no other table may hold it at all.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tandem_analytics.adapters.tables import rm_participants
from tandem_analytics.settings import AnalyticsSettings
from tandem_kit import directory
from tandem_kit.testing import RunningApp, wait_until


def analytics_settings(
    common: dict[str, Any], database_url: str, tmp_path: Path, group: str
) -> AnalyticsSettings:
    return AnalyticsSettings(
        **common,
        database_url=database_url,
        master_key_file=str(tmp_path / "analytics-unused.key"),
        run_relay=False,  # no check-in mails, no flags published: the test needs neither
        run_consumers=True,
        kafka_consumer_group=group,
    )


async def analytics_knew_her(a: RunningApp[AnalyticsSettings], mentee_id: str) -> None:
    """Her participant row is in analytics' read models (so the scan after her erasure
    searches files that did hold her)."""

    async def known() -> bool:
        async with a.runtime.database.transaction() as session:
            row = await session.execute(
                select(rm_participants.c.participant_id).where(
                    rm_participants.c.participant_id == uuid.UUID(mentee_id)
                )
            )
            return row.first() is not None

    await wait_until(known, timeout=60)


async def analytics_forgot_her(a: RunningApp[AnalyticsSettings], mentee_id: str) -> None:
    async def erased() -> bool:
        async with a.runtime.database.transaction() as session:
            return await directory.is_erased(session, uuid.UUID(mentee_id))

    await wait_until(erased, timeout=60)


def her_ids(mentee_id: str, subject: str) -> dict[str, bytes]:
    """Her participant id as events and JSON hold it (with dashes), as 16 bytes, and her
    token subject: none of these may be anywhere in analytics' files."""
    participant = uuid.UUID(mentee_id)
    return {
        "participant id": str(participant).encode(),
        "participant id bytes": participant.bytes,
        "token subject": subject.encode(),
    }


ERASURE_LIST = "tandem_directory_erased_participants"


def tables_holding(database: Path, mentee_id: str) -> list[str]:
    """Every (table, column) whose rows hold her id in any text form, but the erasure list."""
    participant = uuid.UUID(mentee_id)
    found: list[str] = []
    with sqlite3.connect(database) as connection:
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if name != ERASURE_LIST
        ]
        for table in tables:
            for column in [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]:
                # Names from the test's own file's sqlite_master, not from input.
                query = (
                    f'SELECT count(*) FROM "{table}" WHERE CAST("{column}" AS TEXT) LIKE ?'  # noqa: S608
                    f' OR CAST("{column}" AS TEXT) LIKE ?'
                )
                (count,) = connection.execute(
                    query,
                    (f"%{participant.hex}%", f"%{participant}%"),
                ).fetchone()
                if count:
                    found.append(f"{table}.{column}: {count}")
    return found


def raw_copies_of_her_id(directory: Path, mentee_id: str) -> int:
    """Copies of her id's 32 hex digits in analytics' database files (the main file,
    its WAL, shared memory and journal, as far as they exist), free pages included."""
    needle = uuid.UUID(mentee_id).hex.encode()
    return sum(
        path.read_bytes().count(needle)
        for path in sorted(directory.glob("analytics.db*"))
        if path.is_file()
    )
