"""Participants and the questions asked about them (who waits, how loaded a mentor is).

Name, e-mail, city and LinkedIn URL are sealed here under the participant's own key
(:mod:`tandem_kit.privacy`) and opened when a row is read; an erased participant's key
is shredded, so no copy of them (dead row versions, the WAL) stays readable. Duplicate
e-mails are found by their blind index (``email_index``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import fields
from uuid import UUID

from sqlalchemy import ColumnElement, RowMapping, exists, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit import privacy
from tandem_kit.api import keyset
from tandem_kit.privacy import vault_of
from tandem_matching.adapters.rematching import held_out
from tandem_matching.adapters.tables import (
    mentor_requests,
    participants,
    relationship_members,
    relationships,
)
from tandem_matching.domain.mentee_choice import RequestStatus
from tandem_matching.domain.participants import Participant, ParticipantStatus, Standing
from tandem_matching.domain.profiles import AvailabilityWindow, FormatPreference, Modality, Role
from tandem_matching.domain.relationships import OPEN_STATUSES, REFUSED_STATUSES

_FIELDS = tuple(f.name for f in fields(Participant))
_SEALED = ("display_name", "email", "linkedin_url", "city")


def _tuple(value: list[str] | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


async def _record(session: AsyncSession, row: RowMapping) -> Participant:
    vault, person = vault_of(session), privacy.participant(row["id"])
    opened = {f: await vault.open(session, person, f, row[f]) for f in _SEALED}
    windows = row["availability"]
    return Participant(
        id=row["id"],
        programme_id=row["programme_id"],
        subject=row["subject"],
        role=Role(row["role"]),
        status=ParticipantStatus(row["status"]),
        display_name=opened["display_name"],
        email=opened["email"],
        preferred_language=row["preferred_language"],
        country=row["country"],
        time_zone=row["time_zone"],
        languages=_tuple(row["languages"]),
        city=opened["city"],
        availability=None
        if windows is None
        else tuple(AvailabilityWindow(w["weekday"], w["start"], w["end"]) for w in windows),
        sector=row["sector"],
        skills=_tuple(row["skills"]),
        goals=_tuple(row["goals"]),
        preferred_format=FormatPreference(row["preferred_format"])
        if row["preferred_format"]
        else None,
        modality=Modality(row["modality"]) if row["modality"] else None,
        capacity=row["capacity"],
        linkedin_url=opened["linkedin_url"],
        linkedin_consent=bool(row["linkedin_consent"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        withdrawn_at=row["withdrawn_at"],
        erased_at=row["erased_at"],
    )


def windows_json(windows: Sequence[AvailabilityWindow]) -> list[dict[str, object]]:
    return [{"weekday": w.weekday, "start": w.start, "end": w.end} for w in windows]


async def _values(session: AsyncSession, record: Participant) -> dict[str, object]:
    """The columns of a record (JSON columns as lists, personal fields sealed)."""
    values: dict[str, object] = {name: getattr(record, name) for name in _FIELDS}
    vault, person = vault_of(session), privacy.participant(record.id)
    for name in _SEALED:
        plain: str | None = getattr(record, name)
        values[name] = await vault.seal(session, person, name, plain)
    values["email_index"] = vault.blind_index(record.email) if record.email else None
    for listed in ("languages", "skills", "goals"):
        items: tuple[str, ...] | None = getattr(record, listed)
        if items is not None:
            values[listed] = list(items)
    if record.availability is not None:
        values["availability"] = windows_json(record.availability)
    return values


def _in_open_relationship() -> ColumnElement[bool]:
    return exists().where(
        relationship_members.c.participant_id == participants.c.id,
        relationship_members.c.relationship_id == relationships.c.id,
        relationships.c.status.in_(OPEN_STATUSES),
    )


def _occupied() -> ColumnElement[bool]:
    """Not waiting for a match: in an open relationship, or held out by a re-matching offer
    (:func:`tandem_matching.adapters.rematching.held_out`)."""
    return or_(_in_open_relationship(), held_out())


async def insert_many(session: AsyncSession, rows: Sequence[Participant]) -> None:
    """One executemany for any number of rows (bulk imports)."""
    if rows:
        await session.execute(insert(participants), [await _values(session, r) for r in rows])


async def get(
    session: AsyncSession, programme_id: UUID, participant_id: UUID, *, for_update: bool = False
) -> Participant | None:
    query = select(participants).where(
        participants.c.id == participant_id, participants.c.programme_id == programme_id
    )
    if for_update:
        query = query.with_for_update()
    row = (await session.execute(query)).mappings().first()
    return await _record(session, row) if row else None


async def by_subject(session: AsyncSession, programme_id: UUID, subject: str) -> Participant | None:
    row = (
        (
            await session.execute(
                select(participants).where(
                    participants.c.programme_id == programme_id,
                    participants.c.subject == subject,
                )
            )
        )
        .mappings()
        .first()
    )
    return await _record(session, row) if row else None


async def holders(
    session: AsyncSession, programme_id: UUID, field: str, keys: Sequence[str]
) -> dict[str, str]:
    """Normalised (trimmed, lower-case) ``field`` value → subject of the participant holding
    it. E-mails are compared by their blind index (they are stored only sealed)."""
    if field == "email":
        vault = vault_of(session)
        by_index = {vault.blind_index(k): k for k in keys}
        column: ColumnElement[str] = participants.c.email_index
        wanted = list(by_index)
    else:
        by_index = {}
        column = func.lower(func.trim(participants.c[field]))
        wanted = list(keys)
    found: dict[str, str] = {}
    chunk = 500  # keeps the IN list under every driver's parameter limit
    for lo in range(0, len(wanted), chunk):
        rows = await session.execute(
            select(column, participants.c.subject).where(
                participants.c.programme_id == programme_id, column.in_(wanted[lo : lo + chunk])
            )
        )
        found.update((by_index.get(k, k), s or "(erased)") for k, s in rows if k is not None)
    return found


async def save(session: AsyncSession, participant: Participant) -> None:
    """Write a changed record back (profile, status and their times)."""
    values = await _values(session, participant)
    del values["id"], values["programme_id"], values["created_at"]
    await session.execute(
        update(participants).where(participants.c.id == participant.id).values(**values)
    )


async def busy_ids(session: AsyncSession, participant_ids: Sequence[UUID]) -> set[UUID]:
    """Which of these participants do not wait: in a proposed or active relationship, or
    held out by an unanswered or declined re-matching offer."""
    if not participant_ids:
        return set()
    rows = await session.scalars(
        select(participants.c.id).where(participants.c.id.in_(list(participant_ids)), _occupied())
    )
    return set(rows)


async def list_page(
    session: AsyncSession,
    programme_id: UUID,
    *,
    role: str | None,
    status: str | None,
    country: str | None,
    unmatched: bool | None,
    only_id: UUID | None,
    cursor: str | None,
    limit: int,
) -> list[Participant]:
    query = select(participants).where(participants.c.programme_id == programme_id)
    if only_id is not None:
        query = query.where(participants.c.id == only_id)
    if role is not None:
        query = query.where(participants.c.role == role)
    if status is not None:
        query = query.where(participants.c.status == status)
    if country is not None:
        query = query.where(participants.c.country == country)
    if unmatched is True:
        query = query.where(
            participants.c.status == ParticipantStatus.ACTIVE, ~_in_open_relationship()
        )
    elif unmatched is False:
        query = query.where(_in_open_relationship())
    query = keyset(query, [participants.c.created_at, participants.c.id], cursor, limit)
    return [await _record(session, r) for r in (await session.execute(query)).mappings()]


async def active_standings(session: AsyncSession, programme_id: UUID) -> list[Standing]:
    """Every active participant with what occupies them (see :class:`Standing`).

    A mentee is busy when in an open relationship or held out by a re-matching offer;
    a mentor's is the number of mentees in their open relationships.
    """
    mentee_load = (
        select(func.count())
        .select_from(relationship_members)
        .join(relationships, relationships.c.id == relationship_members.c.relationship_id)
        .where(
            relationships.c.mentor_id == participants.c.id,
            relationships.c.status.in_(OPEN_STATUSES),
            relationship_members.c.role == Role.MENTEE,
        )
        .scalar_subquery()
    )
    query = (
        select(participants, mentee_load.label("mentor_load"), _occupied().label("busy"))
        .where(
            participants.c.programme_id == programme_id,
            participants.c.status == ParticipantStatus.ACTIVE,
        )
        .order_by(participants.c.created_at, participants.c.id)
    )
    return [
        Standing(
            await _record(session, r), busy=bool(r["busy"]), mentees=int(r["mentor_load"] or 0)
        )
        for r in (await session.execute(query)).mappings()
    ]


async def mentor_load(session: AsyncSession, mentor_id: UUID) -> int:
    count = await session.scalar(
        select(func.count())
        .select_from(relationship_members)
        .join(relationships, relationships.c.id == relationship_members.c.relationship_id)
        .where(
            relationships.c.mentor_id == mentor_id,
            relationships.c.status.in_(OPEN_STATUSES),
            relationship_members.c.role == Role.MENTEE,
        )
    )
    return int(count or 0)


async def past_partners(session: AsyncSession, programme_id: UUID) -> set[tuple[UUID, UUID]]:
    """(mentee, mentor) pairs not to match again: a relationship between them was declined
    or ended early, or the mentor declined the mentee's request."""
    together = (
        select(relationship_members.c.participant_id, relationships.c.mentor_id)
        .join(relationships, relationships.c.id == relationship_members.c.relationship_id)
        .where(
            relationships.c.programme_id == programme_id,
            relationships.c.status.in_(REFUSED_STATUSES),
            relationship_members.c.role == Role.MENTEE,
        )
    )
    refused = select(mentor_requests.c.mentee_id, mentor_requests.c.mentor_id).where(
        mentor_requests.c.programme_id == programme_id,
        mentor_requests.c.status == RequestStatus.DECLINED,
    )
    pairs: set[tuple[UUID, UUID]] = set()
    for query in (together, refused):
        pairs.update((a, b) for a, b in (await session.execute(query)).all())
    return pairs


async def erase(session: AsyncSession, participant_id: UUID, now: dt.datetime) -> None:
    """Null every personal field and shred the participant's key; the row stays as the
    anonymous id relationships use."""
    await vault_of(session).shred(session, privacy.participant(participant_id))
    personal = {
        c.name: None
        for c in participants.c
        if c.nullable and c.name not in ("withdrawn_at", "erased_at")
    }
    await session.execute(
        update(participants)
        .where(participants.c.id == participant_id)
        .values(
            **personal,
            linkedin_consent=False,
            status=ParticipantStatus.ERASED,
            erased_at=now,
            updated_at=now,
        )
    )
