"""The SQL behind the status."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.db.tables import inbox_table


async def events_handled(session: AsyncSession, consumer: str) -> int:
    """Events this service's consumer has handled (rows of its inbox)."""
    count = await session.scalar(
        select(func.count()).select_from(inbox_table).where(inbox_table.c.consumer == consumer)
    )
    return int(count or 0)
