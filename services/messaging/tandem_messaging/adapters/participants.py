"""Participants: the physical side of erasure (their contacts are in the kit directory).

Design: content is sealed with one data key per conversation or forum, so an
erased person's words cannot be crypto-shredded without shredding everyone's.
Instead their ciphertext is destroyed: the body columns are set to NULL in the
erasing transaction. On SQLite, ``secure_delete`` makes SQLite overwrite the
freed bytes with zeros instead of leaving them in free pages; on PostgreSQL the
old row versions are reclaimed by (auto)vacuum. Either way what could remain
for a while is ciphertext, unreadable without the master key, which never is
in the database. (Whole conversations past their retention are crypto-shredded:
their wrapped data key is deleted.)
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession


async def overwrite_freed_space(session: AsyncSession) -> None:
    if session.get_bind().dialect.name == "sqlite":
        await session.execute(text("PRAGMA secure_delete = ON"))
