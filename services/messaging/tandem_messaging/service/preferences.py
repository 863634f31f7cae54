"""Reading and changing one's own notification preferences."""

from __future__ import annotations

from tandem_kit.auth import Principal
from tandem_messaging.adapters import preferences
from tandem_messaging.domain.preferences import Preferences
from tandem_messaging.schemas.preferences import NotificationPreferences
from tandem_messaging.service.context import Context


async def get_preferences(ctx: Context, principal: Principal) -> NotificationPreferences:
    async with ctx.database.transaction() as session:
        found = await preferences.of_subject(
            session, principal.subject, ctx.settings.digest_default_hour
        )
    return NotificationPreferences(
        new_message=found.new_message,
        digest_hour=found.digest_hour,
        manager_mail=found.manager_mail,
    )


async def set_preferences(
    ctx: Context, principal: Principal, change: NotificationPreferences
) -> NotificationPreferences:
    async with ctx.database.transaction() as session:
        await preferences.save(
            session,
            Preferences(
                principal.subject,
                change.new_message,
                change.digest_hour,
                manager_mail=change.manager_mail,
            ),
            ctx.now(),
        )
    return change
