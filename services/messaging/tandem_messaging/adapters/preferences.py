"""Each person's notification choices (by token subject: one person, any programme)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit import privacy
from tandem_kit.directory import Contact
from tandem_kit.directory.tables import participants, programmes
from tandem_kit.privacy import vault_of
from tandem_messaging.adapters.common import insert_unless_present
from tandem_messaging.adapters.tables import conversation_members, notification_preferences
from tandem_messaging.domain.digest import ManagerMail, NewMessageMail
from tandem_messaging.domain.preferences import Preferences

_p = notification_preferences


def _preferences(row: Any) -> Preferences:
    return Preferences(
        row.subject,
        NewMessageMail(row.new_message),
        row.digest_hour,
        row.last_digest_on,
        stored=True,
        manager_mail=ManagerMail(row.manager_mail),
    )


async def of_subject(session: AsyncSession, subject: str, default_hour: int) -> Preferences:
    row = (await session.execute(select(_p).where(_p.c.subject == subject))).first()
    if row is None:
        return Preferences(subject, NewMessageMail.IMMEDIATE, default_hour)
    return _preferences(row)


async def of_subjects(
    session: AsyncSession, subjects: list[str], default_hour: int
) -> dict[str, Preferences]:
    rows = (await session.execute(select(_p).where(_p.c.subject.in_(subjects)))).all()
    found = {row.subject: _preferences(row) for row in rows}
    return {
        s: found.get(s) or Preferences(s, NewMessageMail.IMMEDIATE, default_hour) for s in subjects
    }


async def save(session: AsyncSession, preferences: Preferences, now: datetime) -> None:
    values = {
        "new_message": preferences.new_message.value,
        "digest_hour": preferences.digest_hour,
        "manager_mail": preferences.manager_mail.value,
        "updated_at": now,
    }
    inserted = await insert_unless_present(
        session, _p, {"subject": preferences.subject, "last_digest_on": None, **values}, ["subject"]
    )
    if not inserted:
        await session.execute(
            update(_p).where(_p.c.subject == preferences.subject).values(**values)
        )


async def digest_subscribers(session: AsyncSession) -> list[tuple[Preferences, str]]:
    """Members who chose a daily digest, with the time zone of their latest contact."""
    zone = (
        select(participants.c.time_zone)
        .where(participants.c.subject == _p.c.subject)
        .order_by(participants.c.updated_at.desc())
        .limit(1)
        .correlate(_p)
        .scalar_subquery()
    )
    member = (
        select(func.count())
        .where(conversation_members.c.subject == _p.c.subject)
        .correlate(_p)
        .scalar_subquery()
    )
    rows = (
        await session.execute(
            select(_p, zone.label("time_zone")).where(
                _p.c.new_message == NewMessageMail.DAILY_DIGEST.value, member > 0
            )
        )
    ).all()
    return [(_preferences(row), row.time_zone or "UTC") for row in rows]


async def mark_digest_done(session: AsyncSession, subject: str, day: date) -> bool:
    """Claim the day's digest; False if another worker claimed it first."""
    result = await session.execute(
        update(_p)
        .where(
            _p.c.subject == subject,
            (_p.c.last_digest_on.is_(None)) | (_p.c.last_digest_on < day),
        )
        .values(last_digest_on=day)
    )
    return bool(getattr(result, "rowcount", 0))


async def forget(session: AsyncSession, subject: str) -> None:
    await session.execute(delete(_p).where(_p.c.subject == subject))


@dataclass(frozen=True)
class Recipient:
    """A conversation member with what a new-message mail needs (contact may be missing)."""

    participant_id: UUID
    subject: str
    role: str
    contact: Contact | None
    new_message: NewMessageMail


async def conversation_recipients(
    session: AsyncSession, conversation_id: UUID, programme_id: UUID
) -> tuple[list[Recipient], str | None]:
    """Every member with contact and choice, and the programme's name: one round trip,
    because it runs on every posted message (the directory's tables are joined in)."""
    m, p = conversation_members, participants
    name = select(programmes.c.name).where(programmes.c.id == programme_id).scalar_subquery()
    rows = (
        await session.execute(
            select(
                m.c.participant_id,
                m.c.subject,
                m.c.role,
                p.c.display_name,
                p.c.email,
                p.c.preferred_language,
                p.c.time_zone,
                _p.c.new_message,
                name.label("programme"),
            )
            .outerjoin(p, p.c.participant_id == m.c.participant_id)
            .outerjoin(_p, _p.c.subject == m.c.subject)
            .where(m.c.conversation_id == conversation_id)
            .order_by(m.c.role, m.c.participant_id)
        )
    ).all()
    vault = vault_of(session)

    async def contact(r: Any) -> Contact | None:
        if r.email is None:
            return None
        person = privacy.participant(r.participant_id)
        name = await vault.open(session, person, "display_name", r.display_name)
        email = await vault.open(session, person, "email", r.email)
        if name is None or email is None:
            return None  # shredded in this very transaction
        return Contact(r.subject, name, email, r.preferred_language, r.time_zone)

    recipients = [
        Recipient(
            r.participant_id,
            r.subject,
            r.role,
            await contact(r),
            NewMessageMail(r.new_message or NewMessageMail.IMMEDIATE.value),
        )
        for r in rows
    ]
    return recipients, rows[0].programme if rows else None
