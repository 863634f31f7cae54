"""The managers' digest queue: agreement versions waiting for a manager, until mailed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_messaging.adapters.common import insert_unless_present
from tandem_messaging.adapters.tables import manager_notices
from tandem_messaging.domain.digest import ManagerNotice

_n = manager_notices


async def note(session: AsyncSession, notice: ManagerNotice) -> bool:
    """Queue the notice once (a redelivered event or a retried use case adds nothing)."""
    return await insert_unless_present(
        session,
        _n,
        {
            "subject": notice.subject,
            "agreement_id": notice.agreement_id,
            "version": notice.version,
            "programme_id": notice.programme_id,
            "noticed_at": notice.noticed_at,
            "digested_at": None,
        },
        ["subject", "agreement_id", "version"],
    )


async def subjects_waiting(session: AsyncSession, before: datetime) -> list[str]:
    """Managers with notices not mailed yet that were noted before ``before``."""
    rows = await session.scalars(
        select(_n.c.subject)
        .where(_n.c.digested_at.is_(None), _n.c.noticed_at < before)
        .group_by(_n.c.subject)
        .order_by(_n.c.subject)
    )
    return list(rows)


async def waiting_of(session: AsyncSession, subject: str, before: datetime) -> list[ManagerNotice]:
    rows = (
        await session.execute(
            select(_n)
            .where(_n.c.subject == subject, _n.c.digested_at.is_(None), _n.c.noticed_at < before)
            .order_by(_n.c.noticed_at, _n.c.agreement_id)
        )
    ).all()
    return [
        ManagerNotice(r.subject, r.agreement_id, r.version, r.programme_id, r.noticed_at)
        for r in rows
    ]


async def mark_digested(
    session: AsyncSession, notices: Sequence[ManagerNotice], now: datetime
) -> None:
    for notice in notices:
        await session.execute(
            update(_n)
            .where(
                _n.c.subject == notice.subject,
                _n.c.agreement_id == notice.agreement_id,
                _n.c.version == notice.version,
            )
            .values(digested_at=now)
        )


async def forget(session: AsyncSession, subject: str) -> None:
    await session.execute(delete(_n).where(_n.c.subject == subject))
