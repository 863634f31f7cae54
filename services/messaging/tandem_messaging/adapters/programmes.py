"""What messaging keeps per programme: its data key and its retention choice.

The programme itself (name, languages, managers) is in the kit's directory.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.crypto import Sealed
from tandem_messaging.adapters.common import insert_unless_present
from tandem_messaging.adapters.tables import programmes
from tandem_messaging.domain.programmes import ProgrammeKeep


async def add_if_new(
    session: AsyncSession, programme_id: UUID, wrapped_key: Sealed, now: datetime
) -> bool:
    return await insert_unless_present(
        session,
        programmes,
        {
            "id": programme_id,
            "retention_days": None,
            "wrapped_key_nonce": wrapped_key.nonce,
            "wrapped_key_ciphertext": wrapped_key.ciphertext,
            "created_at": now,
        },
        ["id"],
    )


async def by_id(session: AsyncSession, programme_id: UUID) -> ProgrammeKeep | None:
    row = (await session.execute(select(programmes).where(programmes.c.id == programme_id))).first()
    if row is None:
        return None
    return ProgrammeKeep(
        row.id,
        row.retention_days,
        Sealed(row.wrapped_key_nonce, row.wrapped_key_ciphertext),
    )


async def set_retention_days(session: AsyncSession, programme_id: UUID, days: int) -> None:
    await session.execute(
        update(programmes).where(programmes.c.id == programme_id).values(retention_days=days)
    )
