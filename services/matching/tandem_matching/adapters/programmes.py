"""Programmes and their named managers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from uuid import UUID

from sqlalchemy import RowMapping, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.api import keyset
from tandem_matching.adapters.tables import programme_managers, programmes
from tandem_matching.domain.profiles import FormatsOffered
from tandem_matching.domain.programmes import Manager, Programme
from tandem_matching.domain.wording import MailOverride, MailOverrides


def _programme(row: RowMapping) -> Programme:
    policy: Mapping[str, object] = row["policy"]
    return Programme(
        id=row["id"],
        organisation_id=row["organisation_id"],
        name=row["name"],
        countries=tuple(row["countries"]),
        languages=tuple(row["languages"]),
        starts_on=row["starts_on"],
        ends_on=row["ends_on"],
        formats=FormatsOffered(row["formats"]),
        group_min=row["group_min"],
        group_max=row["group_max"],
        policy=policy,
        time_zone=row["time_zone"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        mail_overrides=_overrides(row["mail_overrides"]),
    )


def _overrides(stored: Mapping[str, Mapping[str, Mapping[str, str]]]) -> MailOverrides:
    return {
        template: {
            language: MailOverride(o["subject"], o["text"]) for language, o in by_language.items()
        }
        for template, by_language in stored.items()
    }


def _overrides_json(overrides: MailOverrides) -> dict[str, dict[str, dict[str, str]]]:
    return {
        template: {language: asdict(o) for language, o in by_language.items()}
        for template, by_language in overrides.items()
    }


def _manager(row: RowMapping) -> Manager:
    return Manager(
        subject=row["subject"],
        display_name=row["display_name"],
        email=row["email"],
        preferred_language=row["preferred_language"],
        time_zone=row["time_zone"],
    )


def _programme_values(programme: Programme) -> dict[str, object]:
    values: dict[str, object] = asdict(programme)
    values["countries"], values["languages"] = list(programme.countries), list(programme.languages)
    values["policy"] = dict(programme.policy)
    values["mail_overrides"] = _overrides_json(programme.mail_overrides)
    return values


async def insert_programme(
    session: AsyncSession, programme: Programme, managers: Sequence[Manager]
) -> None:
    await session.execute(insert(programmes).values(_programme_values(programme)))
    if managers:
        await session.execute(
            insert(programme_managers),
            [{**asdict(m), "programme_id": programme.id} for m in managers],
        )


async def get_programme(
    session: AsyncSession, programme_id: UUID, *, for_update: bool = False
) -> Programme | None:
    query = select(programmes).where(programmes.c.id == programme_id)
    if for_update:
        query = query.with_for_update()
    row = (await session.execute(query)).mappings().first()
    return _programme(row) if row else None


async def managers_of(session: AsyncSession, programme_id: UUID) -> list[Manager]:
    return (await managers_of_many(session, [programme_id]))[programme_id]


async def list_programmes(
    session: AsyncSession,
    *,
    visible_ids: frozenset[UUID] | None,
    cursor: str | None,
    limit: int,
) -> list[Programme]:
    """A page of programmes; ``visible_ids`` None means all (admins)."""
    query = select(programmes)
    if visible_ids is not None:
        query = query.where(programmes.c.id.in_(sorted(visible_ids)))
    query = keyset(query, [programmes.c.created_at, programmes.c.id], cursor, limit)
    return [_programme(r) for r in (await session.execute(query)).mappings()]


async def update_programme(
    session: AsyncSession,
    programme_id: UUID,
    *,
    name: str | None,
    policy: Mapping[str, object] | None,
    mail_overrides: MailOverrides | None = None,
    now: dt.datetime,
    time_zone: str | None = None,
) -> None:
    """Rename, move to another reference zone, replace the policy and/or the mail
    overrides; what is None stays."""
    values: dict[str, object] = {"updated_at": now}
    if name is not None:
        values["name"] = name
    if time_zone is not None:
        values["time_zone"] = time_zone
    if policy is not None:
        values["policy"] = dict(policy)
    if mail_overrides is not None:
        values["mail_overrides"] = _overrides_json(mail_overrides)
    await session.execute(
        update(programmes).where(programmes.c.id == programme_id).values(**values)
    )


async def managers_of_many(
    session: AsyncSession, programme_ids: Sequence[UUID]
) -> dict[UUID, list[Manager]]:
    out: dict[UUID, list[Manager]] = {pid: [] for pid in programme_ids}
    if not programme_ids:
        return out
    query = (
        select(programme_managers)
        .where(programme_managers.c.programme_id.in_(list(programme_ids)))
        .order_by(programme_managers.c.subject)
    )
    for row in (await session.execute(query)).mappings():
        out[row["programme_id"]].append(_manager(row))
    return out
