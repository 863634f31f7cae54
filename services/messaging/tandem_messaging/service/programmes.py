"""Programmes as messaging knows them: from matching's events, plus messaging's settings."""

from __future__ import annotations

from uuid import NAMESPACE_URL, UUID, uuid5

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.matching import ProgrammeCreated
from tandem_kit.auth import Principal
from tandem_kit.errors import NotFound
from tandem_messaging.adapters import directory, forums
from tandem_messaging.adapters.directory import Contact
from tandem_messaging.adapters.forums import Forum
from tandem_messaging.schemas.programmes import ProgrammeSettingsPublic, ProgrammeSettingsUpdate
from tandem_messaging.service import notifications
from tandem_messaging.service.access import programme_manager
from tandem_messaging.service.context import Context

_FORUM_IDS = uuid5(NAMESPACE_URL, "https://tandem.example/messaging/forums")


def programme_forum_id(programme_id: UUID) -> UUID:
    """Deterministic, so that creating it twice (redelivery, races) yields one forum."""
    return uuid5(_FORUM_IDS, f"programme:{programme_id}")


def group_forum_id(relationship_id: UUID) -> UUID:
    return uuid5(_FORUM_IDS, f"group:{relationship_id}")


async def ensure_programme(session: AsyncSession, ctx: Context, programme_id: UUID) -> None:
    """Any event may be the first we hear of a programme (partitions do not order across keys)."""
    now = ctx.now()
    await directory.add_programme_if_new(
        session, programme_id, ctx.keyring.new_wrapped_key("programme", programme_id), now
    )
    forum_id = programme_forum_id(programme_id)
    await forums.add_if_new(
        session,
        Forum(
            id=forum_id,
            programme_id=programme_id,
            relationship_id=None,
            title="Programme forum",
            wrapped_key=ctx.keyring.new_wrapped_key("forum", forum_id),
            thread_count=0,
        ),
        now,
    )


async def record_programme(session: AsyncSession, ctx: Context, event: ProgrammeCreated) -> None:
    await ensure_programme(session, ctx, event.programme_id)
    await directory.describe_programme(
        session,
        event.programme_id,
        name=event.name,
        countries=list(event.countries),
        languages=list(event.languages),
        managers=[
            Contact(m.subject, m.display_name, m.email, m.preferred_language, m.time_zone)
            for m in event.managers
        ],
    )
    await notifications.owed_to_managers(session, ctx, event.programme_id)


async def _settings_view(
    session: AsyncSession, ctx: Context, programme_id: UUID
) -> ProgrammeSettingsPublic:
    programme = await directory.programme(session, programme_id)
    if programme is None:
        raise NotFound("This programme is not known to messaging yet.", code="programme_not_found")
    return ProgrammeSettingsPublic(
        programme_id=programme.id,
        name=programme.name,
        retention_days=programme.retention_days or ctx.settings.default_retention_days,
        uses_default_retention=programme.retention_days is None,
    )


async def get_settings(
    ctx: Context, principal: Principal, programme_id: UUID
) -> ProgrammeSettingsPublic:
    async with ctx.database.transaction() as session:
        await programme_manager(session, principal, programme_id)
        return await _settings_view(session, ctx, programme_id)


async def change_settings(
    ctx: Context, principal: Principal, programme_id: UUID, change: ProgrammeSettingsUpdate
) -> ProgrammeSettingsPublic:
    async with ctx.database.transaction() as session:
        await programme_manager(session, principal, programme_id)
        await _settings_view(session, ctx, programme_id)  # 404 before writing
        await directory.set_retention_days(session, programme_id, change.retention_days)
        return await _settings_view(session, ctx, programme_id)
