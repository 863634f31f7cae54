"""Agreement templates per programme, agreements per relationship, versions, acceptances."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.crypto import Sealed
from tandem_messaging.adapters.common import insert_unless_present
from tandem_messaging.adapters.tables import (
    agreement_acceptances,
    agreement_templates,
    agreement_versions,
    agreements,
)
from tandem_messaging.domain.agreements import Acceptance, Agreement, Channel, Terms, Version

_v = agreement_versions
_a = agreement_acceptances


def _agreement(row: Any) -> Agreement:
    return Agreement(
        row.id,
        row.relationship_id,
        row.conversation_id,
        row.programme_id,
        row.version,
        row.accepted_version,
        row.closed,
    )


def _version(row: Any) -> Version:
    rules = Sealed(row.rules_nonce, row.rules_ciphertext) if row.rules_ciphertext else None
    return Version(
        row.version,
        tuple(Channel(c) for c in row.channels),
        row.response_time_hours,
        row.meeting_cadence_days,
        row.confidentiality_statement,
        rules,
        row.proposed_by_subject,
        row.proposed_by_role,
        row.created_at,
        row.accepted_at,
    )


async def template(session: AsyncSession, programme_id: UUID) -> Terms | None:
    row = (
        await session.execute(
            select(agreement_templates).where(agreement_templates.c.programme_id == programme_id)
        )
    ).first()
    if row is None:
        return None
    return Terms(
        tuple(Channel(c) for c in row.channels),
        row.response_time_hours,
        row.meeting_cadence_days,
        row.confidentiality_statement,
        tuple(row.rules),
    )


async def save_template(
    session: AsyncSession, programme_id: UUID, terms: Terms, now: datetime
) -> None:
    values = {
        "channels": [c.value for c in terms.channels],
        "response_time_hours": terms.response_time_hours,
        "meeting_cadence_days": terms.meeting_cadence_days,
        "confidentiality_statement": terms.confidentiality_statement,
        "rules": list(terms.rules),
        "updated_at": now,
    }
    if not await insert_unless_present(
        session,
        agreement_templates,
        {"programme_id": programme_id, **values},
        ["programme_id"],
    ):
        await session.execute(
            update(agreement_templates)
            .where(agreement_templates.c.programme_id == programme_id)
            .values(**values)
        )


async def add_if_new(session: AsyncSession, agreement: Agreement, now: datetime) -> bool:
    return await insert_unless_present(
        session,
        agreements,
        {
            "id": agreement.id,
            "relationship_id": agreement.relationship_id,
            "conversation_id": agreement.conversation_id,
            "programme_id": agreement.programme_id,
            "version": 0,
            "accepted_version": None,
            "closed": False,
            "created_at": now,
        },
        ["relationship_id"],
    )


async def by_relationship(session: AsyncSession, relationship_id: UUID) -> Agreement | None:
    row = (
        await session.execute(
            select(agreements).where(agreements.c.relationship_id == relationship_id)
        )
    ).first()
    return _agreement(row) if row is not None else None


async def pending_in_programme(session: AsyncSession, programme_id: UUID) -> list[Agreement]:
    rows = (
        await session.execute(
            select(agreements).where(
                agreements.c.programme_id == programme_id,
                agreements.c.closed.is_(False),
                (agreements.c.accepted_version.is_(None))
                | (agreements.c.accepted_version < agreements.c.version),
            )
        )
    ).all()
    return [_agreement(row) for row in rows]


async def next_version(session: AsyncSession, agreement_id: UUID, expected: int) -> int | None:
    """Claim version ``expected + 1``; None if someone else changed it first (or it is closed)."""
    number = await session.scalar(
        update(agreements)
        .where(
            agreements.c.id == agreement_id,
            agreements.c.version == expected,
            agreements.c.closed.is_(False),
        )
        .values(version=agreements.c.version + 1)
        .returning(agreements.c.version)
    )
    return int(number) if number is not None else None


async def add_version(
    session: AsyncSession,
    agreement_id: UUID,
    number: int,
    terms: Terms,
    rules: Sealed,
    proposed_by: tuple[str, str] | None,
    now: datetime,
) -> None:
    await session.execute(
        _v.insert().values(
            agreement_id=agreement_id,
            version=number,
            channels=[c.value for c in terms.channels],
            response_time_hours=terms.response_time_hours,
            meeting_cadence_days=terms.meeting_cadence_days,
            confidentiality_statement=terms.confidentiality_statement,
            rules_nonce=rules.nonce,
            rules_ciphertext=rules.ciphertext,
            proposed_by_subject=proposed_by[0] if proposed_by else None,
            proposed_by_role=proposed_by[1] if proposed_by else None,
            created_at=now,
            accepted_at=None,
        )
    )


async def version(session: AsyncSession, agreement_id: UUID, number: int) -> Version | None:
    row = (
        await session.execute(
            select(_v).where(_v.c.agreement_id == agreement_id, _v.c.version == number)
        )
    ).first()
    return _version(row) if row is not None else None


async def acceptances(session: AsyncSession, agreement_id: UUID, number: int) -> list[Acceptance]:
    rows = (
        await session.execute(
            select(_a)
            .where(_a.c.agreement_id == agreement_id, _a.c.version == number)
            .order_by(_a.c.accepted_at)
        )
    ).all()
    return [Acceptance(r.subject, r.role, r.accepted_at) for r in rows]


async def accept(
    session: AsyncSession, agreement_id: UUID, number: int, subject: str, role: str, now: datetime
) -> bool:
    return await insert_unless_present(
        session,
        _a,
        {
            "agreement_id": agreement_id,
            "version": number,
            "subject": subject,
            "role": role,
            "accepted_at": now,
        },
        ["agreement_id", "version", "subject"],
    )


async def mark_accepted(
    session: AsyncSession, agreement_id: UUID, number: int, now: datetime
) -> bool:
    """Record full acceptance once (False if this version was already recorded)."""
    result = await session.execute(
        update(agreements)
        .where(
            agreements.c.id == agreement_id,
            agreements.c.version == number,
            (agreements.c.accepted_version.is_(None)) | (agreements.c.accepted_version < number),
        )
        .values(accepted_version=number)
    )
    if not getattr(result, "rowcount", 0):
        return False
    await session.execute(
        update(_v)
        .where(_v.c.agreement_id == agreement_id, _v.c.version == number)
        .values(accepted_at=now)
    )
    return True


async def close(session: AsyncSession, relationship_id: UUID) -> None:
    await session.execute(
        update(agreements)
        .where(agreements.c.relationship_id == relationship_id)
        .values(closed=True)
    )


async def versions_proposed_by(session: AsyncSession, subject: str) -> list[tuple[UUID, Version]]:
    rows = (
        await session.execute(
            select(_v).where(_v.c.proposed_by_subject == subject).order_by(_v.c.created_at)
        )
    ).all()
    return [(r.agreement_id, _version(r)) for r in rows]


async def forget_subject(session: AsyncSession, agreement_ids: list[UUID], subject: str) -> None:
    """Unlink an erased member from the agreements of their relationships."""
    ids = list(agreement_ids)
    await session.execute(delete(_a).where(_a.c.agreement_id.in_(ids), _a.c.subject == subject))
    await session.execute(
        update(_v)
        .where(_v.c.agreement_id.in_(ids), _v.c.proposed_by_subject == subject)
        .values(proposed_by_subject=None)
    )


async def by_id(session: AsyncSession, agreement_id: UUID) -> Agreement | None:
    row = (await session.execute(select(agreements).where(agreements.c.id == agreement_id))).first()
    return _agreement(row) if row is not None else None
