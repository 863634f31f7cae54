"""The SQL of profiles (matching's copy) and of participants' availability overrides."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Table, delete, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import Modality
from tandem_meetings.adapters.tables import availability_overrides as overrides_table
from tandem_meetings.adapters.tables import availability_profiles as profiles_table
from tandem_meetings.domain.availability import AvailabilityWindow, Profile


async def upsert(
    session: AsyncSession, table: Table, values: Mapping[str, Any], keys: Sequence[str]
) -> None:
    """INSERT … ON CONFLICT (keys) DO UPDATE: the row as ``values`` say, whoever was first."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(table).values(dict(values))
    changes = {name: statement.excluded[name] for name in values if name not in keys}
    await session.execute(statement.on_conflict_do_update(index_elements=keys, set_=changes))


def _stored(windows: Iterable[AvailabilityWindow]) -> list[list[int]]:
    return [[w.weekday, w.start_minute, w.end_minute] for w in windows]


def _windows(stored: Iterable[Sequence[int]]) -> tuple[AvailabilityWindow, ...]:
    return tuple(AvailabilityWindow(int(d), int(s), int(e)) for d, s, e in stored)


async def save_profile(session: AsyncSession, profile: Profile, now: datetime) -> None:
    await upsert(session, profiles_table, _profile_row(profile, now), ["participant_id"])


async def save_profiles(session: AsyncSession, profiles: Sequence[Profile], now: datetime) -> None:
    """:func:`save_profile` for many in one statement (the last of a participant's wins, as
    one by one: PostgreSQL refuses one key twice in one ``ON CONFLICT DO UPDATE``)."""
    latest = {profile.participant_id: profile for profile in profiles}
    if not latest:
        return
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(profiles_table).values([_profile_row(p, now) for p in latest.values()])
    changes = {
        column.name: statement.excluded[column.name]
        for column in profiles_table.columns
        if column.name != "participant_id"
    }
    await session.execute(
        statement.on_conflict_do_update(index_elements=["participant_id"], set_=changes)
    )


def _profile_row(profile: Profile, now: datetime) -> dict[str, Any]:
    return {
        "participant_id": profile.participant_id,
        "programme_id": profile.programme_id,
        "role": profile.role,
        "country": profile.country,
        "modality": profile.modality.value,
        "goals": list(profile.goals),
        "availability": _stored(profile.availability),
        "updated_at": now,
    }


async def save_override(
    session: AsyncSession,
    participant_id: UUID,
    programme_id: UUID,
    windows: Sequence[AvailabilityWindow],
    now: datetime,
) -> None:
    await upsert(
        session,
        overrides_table,
        {
            "participant_id": participant_id,
            "programme_id": programme_id,
            "windows": _stored(windows),
            "updated_at": now,
        },
        ["participant_id"],
    )


async def delete_override(session: AsyncSession, participant_id: UUID) -> bool:
    result = await session.execute(
        delete(overrides_table).where(overrides_table.c.participant_id == participant_id)
    )
    return bool(getattr(result, "rowcount", 0))


async def override_of(
    session: AsyncSession, participant_id: UUID
) -> tuple[tuple[AvailabilityWindow, ...], datetime] | None:
    row = (
        await session.execute(
            select(overrides_table.c.windows, overrides_table.c.updated_at).where(
                overrides_table.c.participant_id == participant_id
            )
        )
    ).first()
    return None if row is None else (_windows(row.windows), row.updated_at)


async def profiles_by_id(
    session: AsyncSession, participant_ids: Iterable[UUID]
) -> dict[UUID, Profile]:
    """Profiles matching announced, with each one's override (if set)."""
    ids = list(set(participant_ids))
    if not ids:
        return {}
    p, o = profiles_table, overrides_table
    rows = await session.execute(
        select(p, o.c.windows.label("override"), o.c.updated_at.label("override_at"))
        .outerjoin(o, o.c.participant_id == p.c.participant_id)
        .where(p.c.participant_id.in_(ids))
    )
    found: dict[UUID, Profile] = {}
    for row in rows:
        changed = (
            row.updated_at if row.override_at is None else max(row.updated_at, row.override_at)
        )
        found[row.participant_id] = Profile(
            participant_id=row.participant_id,
            programme_id=row.programme_id,
            role=row.role,
            country=row.country,
            modality=Modality(row.modality),
            goals=tuple(row.goals),
            availability=_windows(row.availability),
            override=None if row.override is None else _windows(row.override),
            updated_at=changed,
        )
    return found


async def forget(session: AsyncSession, participant_id: UUID) -> None:
    """Delete the participant's profile copy and override (erasure)."""
    for table in (profiles_table, overrides_table):
        await session.execute(delete(table).where(table.c.participant_id == participant_id))
