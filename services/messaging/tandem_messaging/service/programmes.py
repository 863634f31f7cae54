"""Programmes as messaging knows them: the kit's directory, plus messaging's key and settings."""

from __future__ import annotations

from uuid import NAMESPACE_URL, UUID, uuid5

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit import directory
from tandem_kit.auth import Principal
from tandem_kit.directory import Programme
from tandem_kit.errors import NotFound
from tandem_messaging.adapters import forums, programmes
from tandem_messaging.domain.forums import Forum
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
    await programmes.add_if_new(
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
            created_at=now,
        ),
    )


async def programme_described(session: AsyncSession, ctx: Context, programme: Programme) -> None:
    """After the directory stored programme.created: messaging's own part, and mails owed."""
    await ensure_programme(session, ctx, programme.id)
    await notifications.owed_to_managers(session, ctx, programme.id)


async def _settings_view(
    session: AsyncSession, ctx: Context, programme_id: UUID
) -> ProgrammeSettingsPublic:
    kept = await programmes.by_id(session, programme_id)
    if kept is None:
        raise NotFound("This programme is not known to messaging yet.", code="programme_not_found")
    described = await directory.programme(session, programme_id)
    return ProgrammeSettingsPublic(
        programme_id=kept.id,
        name=described.name if described is not None else None,
        retention_days=kept.retention_days or ctx.settings.default_retention_days,
        uses_default_retention=kept.retention_days is None,
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
        await programmes.set_retention_days(session, programme_id, change.retention_days)
        return await _settings_view(session, ctx, programme_id)
