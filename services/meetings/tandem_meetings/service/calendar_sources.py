"""A participant's external calendar feed (ICS): set it, see it, remove it; busy times.

The URL is the owner's alone: only ``/me`` shows it, sealed at rest, never logged.
Setting a URL (checked first) makes the feed due at once; the ``calendar-feeds``
worker fetches it (:mod:`tandem_meetings.service.calendar_feeds`). Removing it deletes
its busy intervals in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.auth import Principal
from tandem_kit.errors import NotFound, Unprocessable
from tandem_meetings.adapters import calendar_sources as repo
from tandem_meetings.domain.calendar_sources import CalendarSource, InvalidFeedUrl, feed_url
from tandem_meetings.service.availability import me_in_programme
from tandem_meetings.service.context import Context

Busy = tuple[tuple[datetime, datetime], ...]


def no_source() -> NotFound:
    return NotFound("You have not given an external calendar.", code="calendar_source_not_found")


async def my_calendar_source(
    ctx: Context, principal: Principal, programme_id: UUID
) -> CalendarSource:
    async with ctx.database.transaction() as session:
        me = await me_in_programme(session, principal, programme_id)
        source = await repo.source_of(session, me.participant_id)
    if source is None:
        raise no_source()
    return source


async def set_my_calendar_source(
    ctx: Context, principal: Principal, programme_id: UUID, url: str
) -> CalendarSource:
    try:
        checked = feed_url(url, allow_private=ctx.settings.calendar_feed_allow_private)
    except InvalidFeedUrl as invalid:
        raise Unprocessable(
            str(invalid),
            code="invalid_calendar_url",
            errors=[{"loc": ["body", "url"], "msg": str(invalid), "type": "invalid_calendar_url"}],
        ) from invalid
    async with ctx.database.transaction() as session:
        me = await me_in_programme(session, principal, programme_id)
        await repo.save_source(session, me.participant_id, programme_id, checked, ctx.now())
        source = await repo.source_of(session, me.participant_id)
    assert source is not None  # just saved, in this transaction
    return source


async def remove_my_calendar_source(ctx: Context, principal: Principal, programme_id: UUID) -> None:
    async with ctx.database.transaction() as session:
        me = await me_in_programme(session, principal, programme_id)
        if not await repo.delete_source(session, me.participant_id):
            raise no_source()


async def busy_intervals(
    session: AsyncSession, participant_ids: Iterable[UUID], start: datetime, end: datetime
) -> Mapping[UUID, Busy]:
    """Each participant's busy times from their external feed that overlap ``[start,
    end)``, as ``(start, end)`` UTC pairs in order (empty for those without a feed).
    Run in the caller's transaction; Tandem's own meetings are not among them."""
    found = await repo.busy_between(session, participant_ids, start, end)
    return {pid: tuple(intervals) for pid, intervals in found.items()}
