"""Programmes, their managers and participants' contacts: what mails and checks need.

Filled from matching's events only; each row holds no more than the events
carry, and a participant's row goes when the participant is erased.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_messaging.adapters.sql import insert_unless_present
from tandem_messaging.adapters.tables import (
    erased_participants,
    participants,
    programme_managers,
    programmes,
)
from tandem_messaging.domain.crypto import Sealed


@dataclass(frozen=True)
class Contact:
    """Someone the service can write to."""

    subject: str
    display_name: str
    email: str
    language: str
    time_zone: str
    linkedin_url: str | None = None


@dataclass(frozen=True)
class Participant:
    participant_id: UUID
    programme_id: UUID
    role: str
    contact: Contact


@dataclass(frozen=True)
class Programme:
    id: UUID
    name: str | None
    languages: list[str]
    retention_days: int | None
    wrapped_key: Sealed


def _contact(row: Any, linkedin: bool = False) -> Contact:
    return Contact(
        subject=row.subject,
        display_name=row.display_name,
        email=row.email,
        language=row.preferred_language,
        time_zone=row.time_zone,
        linkedin_url=row.linkedin_url if linkedin else None,
    )


def _participant(row: Any) -> Participant:
    return Participant(
        UUID(row.participant_id), UUID(row.programme_id), row.role, _contact(row, linkedin=True)
    )


async def add_programme_if_new(
    session: AsyncSession, programme_id: UUID, wrapped_key: Sealed, now: datetime
) -> bool:
    return await insert_unless_present(
        session,
        programmes,
        {
            "id": str(programme_id),
            "name": None,
            "countries": [],
            "languages": [],
            "retention_days": None,
            "wrapped_key_nonce": wrapped_key.nonce,
            "wrapped_key_ciphertext": wrapped_key.ciphertext,
            "created_at": now,
        },
        ["id"],
    )


async def describe_programme(
    session: AsyncSession,
    programme_id: UUID,
    *,
    name: str,
    countries: list[str],
    languages: list[str],
    managers: Sequence[Contact],
) -> None:
    await session.execute(
        update(programmes)
        .where(programmes.c.id == str(programme_id))
        .values(name=name, countries=countries, languages=languages)
    )
    await session.execute(
        delete(programme_managers).where(programme_managers.c.programme_id == str(programme_id))
    )
    for manager in {m.subject: m for m in managers}.values():
        await session.execute(
            programme_managers.insert().values(
                programme_id=str(programme_id),
                subject=manager.subject,
                display_name=manager.display_name,
                email=manager.email,
                preferred_language=manager.language,
                time_zone=manager.time_zone,
            )
        )


async def programme(session: AsyncSession, programme_id: UUID) -> Programme | None:
    row = (
        await session.execute(select(programmes).where(programmes.c.id == str(programme_id)))
    ).first()
    if row is None:
        return None
    return Programme(
        UUID(row.id),
        row.name,
        list(row.languages),
        row.retention_days,
        Sealed(row.wrapped_key_nonce, row.wrapped_key_ciphertext),
    )


async def set_retention_days(session: AsyncSession, programme_id: UUID, days: int) -> None:
    await session.execute(
        update(programmes).where(programmes.c.id == str(programme_id)).values(retention_days=days)
    )


async def managers_of(session: AsyncSession, programme_id: UUID) -> list[Contact]:
    rows = (
        await session.execute(
            select(programme_managers)
            .where(programme_managers.c.programme_id == str(programme_id))
            .order_by(programme_managers.c.subject)
        )
    ).all()
    return [_contact(row) for row in rows]


async def save_participant(session: AsyncSession, participant: Participant, now: datetime) -> None:
    values = {
        "programme_id": str(participant.programme_id),
        "subject": participant.contact.subject,
        "role": participant.role,
        "display_name": participant.contact.display_name,
        "email": participant.contact.email,
        "preferred_language": participant.contact.language,
        "time_zone": participant.contact.time_zone,
        "linkedin_url": participant.contact.linkedin_url,
        "updated_at": now,
    }
    updated = await session.execute(
        update(participants)
        .where(participants.c.participant_id == str(participant.participant_id))
        .values(**values)
    )
    if not getattr(updated, "rowcount", 0):
        await session.execute(
            participants.insert().values(participant_id=str(participant.participant_id), **values)
        )


async def participants_by_id(
    session: AsyncSession, participant_ids: Iterable[UUID]
) -> dict[UUID, Participant]:
    ids = [str(i) for i in participant_ids]
    if not ids:
        return {}
    rows = (
        await session.execute(select(participants).where(participants.c.participant_id.in_(ids)))
    ).all()
    return {UUID(row.participant_id): _participant(row) for row in rows}


async def participant_in_programme(
    session: AsyncSession, programme_id: UUID, subject: str
) -> Participant | None:
    row = (
        await session.execute(
            select(participants).where(
                participants.c.programme_id == str(programme_id), participants.c.subject == subject
            )
        )
    ).first()
    return _participant(row) if row is not None else None


async def contact_of_subject(session: AsyncSession, subject: str) -> Contact | None:
    """The latest contact a person gave in any programme (they may be in several)."""
    row = (
        await session.execute(
            select(participants)
            .where(participants.c.subject == subject)
            .order_by(participants.c.updated_at.desc())
            .limit(1)
        )
    ).first()
    return _contact(row) if row is not None else None


async def is_erased(session: AsyncSession, participant_id: UUID) -> bool:
    found = await session.scalar(
        select(erased_participants.c.participant_id).where(
            erased_participants.c.participant_id == str(participant_id)
        )
    )
    return found is not None


async def erased_among(session: AsyncSession, participant_ids: Iterable[UUID]) -> set[UUID]:
    ids = [str(i) for i in participant_ids]
    rows = (
        (
            await session.execute(
                select(erased_participants.c.participant_id).where(
                    erased_participants.c.participant_id.in_(ids)
                )
            )
        )
        .scalars()
        .all()
    )
    return {UUID(r) for r in rows}


async def forget_participant(session: AsyncSession, participant_id: UUID, now: datetime) -> None:
    """Delete the contact and leave a tombstone that keeps late events from restoring it."""
    await session.execute(
        delete(participants).where(participants.c.participant_id == str(participant_id))
    )
    await insert_unless_present(
        session,
        erased_participants,
        {"participant_id": str(participant_id), "erased_at": now},
        ["participant_id"],
    )


async def subject_still_participates(session: AsyncSession, subject: str) -> bool:
    found = await session.scalar(
        select(participants.c.participant_id).where(participants.c.subject == subject).limit(1)
    )
    return found is not None
