"""The directory's SQL: writes from matching's events and the lookups services make.

Every function runs in the caller's transaction (a handler's inbox transaction or a
use case's), so a service's own effects commit or roll back with the directory's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Table, delete, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import Role
from tandem_kit import privacy
from tandem_kit.db.database import vault_of
from tandem_kit.directory.records import Contact, Erasure, Participant, Programme
from tandem_kit.directory.tables import (
    erased_participants,
    participants,
    programme_managers,
    programmes,
    withdrawals,
)
from tandem_kit.i18n import MailOverride


async def _insert_unless_present(
    session: AsyncSession, table: Table, values: Mapping[str, Any], keys: Sequence[str]
) -> bool:
    """INSERT … ON CONFLICT DO NOTHING (the key decides under redelivery and races)."""
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(table).values(dict(values)).on_conflict_do_nothing(index_elements=keys)
    result = await session.execute(statement)
    return bool(getattr(result, "rowcount", 0))


def _contact(row: Any) -> Contact:
    """A manager's contact (kept as matching sent it)."""
    return Contact(
        subject=row.subject,
        display_name=row.display_name,
        email=row.email,
        language=row.preferred_language,
        time_zone=row.time_zone,
    )


async def _participant_contact(
    session: AsyncSession, row: Any, *, linkedin: bool = True
) -> Contact:
    """A participant's contact, opened with their key (their row goes when it is shredded)."""
    vault, person = vault_of(session), privacy.participant(row.participant_id)
    return Contact(
        subject=row.subject,
        display_name=await vault.open(session, person, "display_name", row.display_name) or "",
        email=await vault.open(session, person, "email", row.email) or "",
        language=row.preferred_language,
        time_zone=row.time_zone,
        linkedin_url=(
            await vault.open(session, person, "linkedin_url", row.linkedin_url)
            if linkedin
            else None
        ),
        city=await vault.open(session, person, "city", row.city),
    )


async def _participant(session: AsyncSession, row: Any) -> Participant:
    return Participant(
        participant_id=row.participant_id,
        programme_id=row.programme_id,
        role=Role(row.role),
        contact=await _participant_contact(session, row),
        withdrawn=row.withdrawn_at is not None,
    )


def _participants() -> Any:
    return select(participants, withdrawals.c.withdrawn_at).outerjoin(
        withdrawals, withdrawals.c.participant_id == participants.c.participant_id
    )


# --- Writes (from the handlers) --------------------------------------------------------


async def know_programme(session: AsyncSession, programme_id: UUID, now: datetime) -> bool:
    """Any event may be the first we hear of a programme; True if this one was."""
    return await _insert_unless_present(
        session,
        programmes,
        {
            "id": programme_id,
            "name": None,
            "countries": [],
            "languages": [],
            "mail_overrides": {},
            "time_zone": "UTC",
            "face_to_face_reach": "same_city",
            "first_heard_at": now,
        },
        ["id"],
    )


async def describe_programme(
    session: AsyncSession, programme: Programme, managers: Sequence[Contact], now: datetime
) -> None:
    await know_programme(session, programme.id, now)
    await session.execute(
        update(programmes)
        .where(programmes.c.id == programme.id)
        .values(
            name=programme.name,
            countries=list(programme.countries),
            languages=list(programme.languages),
            mail_overrides=_overrides_json(programme.mail_overrides),
            time_zone=programme.time_zone,
            face_to_face_reach=programme.face_to_face_reach,
        )
    )
    await session.execute(
        delete(programme_managers).where(programme_managers.c.programme_id == programme.id)
    )
    for manager in {m.subject: m for m in managers}.values():
        await session.execute(
            programme_managers.insert().values(
                programme_id=programme.id,
                subject=manager.subject,
                display_name=manager.display_name,
                email=manager.email,
                preferred_language=manager.language,
                time_zone=manager.time_zone,
            )
        )


async def save_participant(session: AsyncSession, participant: Participant, now: datetime) -> None:
    await know_programme(session, participant.programme_id, now)
    vault, person = vault_of(session), privacy.participant(participant.participant_id)
    contact = participant.contact
    values = {
        "programme_id": participant.programme_id,
        "subject": contact.subject,
        "role": participant.role.value,
        "display_name": await vault.seal(session, person, "display_name", contact.display_name),
        "email": await vault.seal(session, person, "email", contact.email),
        "preferred_language": contact.language,
        "time_zone": contact.time_zone,
        "linkedin_url": await vault.seal(session, person, "linkedin_url", contact.linkedin_url),
        "city": await vault.seal(session, person, "city", contact.city),
        "updated_at": now,
    }
    updated = await session.execute(
        update(participants)
        .where(participants.c.participant_id == participant.participant_id)
        .values(**values)
    )
    if not getattr(updated, "rowcount", 0):
        await session.execute(
            participants.insert().values(participant_id=participant.participant_id, **values)
        )


async def withdraw(session: AsyncSession, participant_id: UUID, now: datetime) -> None:
    await _insert_unless_present(
        session,
        withdrawals,
        {"participant_id": participant_id, "withdrawn_at": now},
        ["participant_id"],
    )


async def erase_participant(
    session: AsyncSession, participant_id: UUID, subject: str | None, now: datetime
) -> Erasure:
    """Delete the contact, shred the person's key (and the mails and stored answers that
    name them), and leave a tombstone that keeps late events from restoring it."""
    known = await participant(session, participant_id)
    await session.execute(
        delete(participants).where(participants.c.participant_id == participant_id)
    )
    await vault_of(session).shred(session, privacy.participant(participant_id))
    await session.execute(delete(withdrawals).where(withdrawals.c.participant_id == participant_id))
    await _insert_unless_present(
        session,
        erased_participants,
        {"participant_id": participant_id, "erased_at": now},
        ["participant_id"],
    )
    if subject is None and known is not None:
        subject = known.contact.subject
    return Erasure(participant_id, subject, known)


# --- Lookups ---------------------------------------------------------------------------


async def reword_programme(
    session: AsyncSession,
    programme_id: UUID,
    *,
    name: str,
    languages: Sequence[str],
    mail_overrides: Mapping[str, Mapping[str, MailOverride]],
    time_zone: str,
    face_to_face_reach: str,
    now: datetime,
) -> None:
    """``programme.updated``: its name, languages, mail wording, reference time zone and
    face-to-face reach as they are now."""
    await know_programme(session, programme_id, now)
    await session.execute(
        update(programmes)
        .where(programmes.c.id == programme_id)
        .values(
            name=name,
            languages=list(languages),
            mail_overrides=_overrides_json(mail_overrides),
            time_zone=time_zone,
            face_to_face_reach=face_to_face_reach,
        )
    )


def _overrides_json(
    overrides: Mapping[str, Mapping[str, MailOverride]],
) -> dict[str, dict[str, dict[str, str]]]:
    return {
        template: {
            language: {"subject": o.subject, "text": o.text} for language, o in by_language.items()
        }
        for template, by_language in overrides.items()
    }


def _overrides(
    stored: Mapping[str, Mapping[str, Mapping[str, str]]] | None,
) -> dict[str, dict[str, MailOverride]]:
    return {
        template: {
            language: MailOverride(o["subject"], o["text"]) for language, o in by_language.items()
        }
        for template, by_language in (stored or {}).items()
    }


async def programme(session: AsyncSession, programme_id: UUID) -> Programme | None:
    row = (await session.execute(select(programmes).where(programmes.c.id == programme_id))).first()
    if row is None:
        return None
    return Programme(
        row.id,
        row.name,
        tuple(row.countries),
        tuple(row.languages),
        _overrides(row.mail_overrides),
        row.time_zone,
        row.face_to_face_reach,
    )


async def managers_of(session: AsyncSession, programme_id: UUID) -> list[Contact]:
    rows = (
        await session.execute(
            select(programme_managers)
            .where(programme_managers.c.programme_id == programme_id)
            .order_by(programme_managers.c.subject)
        )
    ).all()
    return [_contact(row) for row in rows]


async def participant(session: AsyncSession, participant_id: UUID) -> Participant | None:
    found = await participants_by_id(session, [participant_id])
    return found.get(participant_id)


async def participants_by_id(
    session: AsyncSession, participant_ids: Iterable[UUID]
) -> dict[UUID, Participant]:
    ids = list(participant_ids)
    if not ids:
        return {}
    rows = (
        await session.execute(_participants().where(participants.c.participant_id.in_(ids)))
    ).all()
    return {row.participant_id: await _participant(session, row) for row in rows}


async def participant_in_programme(
    session: AsyncSession, programme_id: UUID, subject: str
) -> Participant | None:
    row = (
        await session.execute(
            _participants().where(
                participants.c.programme_id == programme_id, participants.c.subject == subject
            )
        )
    ).first()
    return await _participant(session, row) if row is not None else None


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
    return await _participant_contact(session, row, linkedin=False) if row is not None else None


async def subject_participates(session: AsyncSession, subject: str) -> bool:
    """Whether the person is still known in any programme."""
    found = await session.scalar(
        select(participants.c.participant_id).where(participants.c.subject == subject).limit(1)
    )
    return found is not None


async def is_erased(session: AsyncSession, participant_id: UUID) -> bool:
    found = await session.scalar(
        select(erased_participants.c.participant_id).where(
            erased_participants.c.participant_id == participant_id
        )
    )
    return found is not None


async def erased_among(session: AsyncSession, participant_ids: Iterable[UUID]) -> set[UUID]:
    ids = list(participant_ids)
    if not ids:
        return set()
    rows = await session.scalars(
        select(erased_participants.c.participant_id).where(
            erased_participants.c.participant_id.in_(ids)
        )
    )
    return set(rows.all())
