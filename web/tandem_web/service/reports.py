"""A programme's report queue, for its managers: messaging's reports (what its report
API gives a manager, nothing more), resolving or reopening one, and hiding a reported
forum post from the queue."""

from __future__ import annotations

import uuid

from tandem_web.adapters import forums_api, reports_api
from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.domain.participants import viewer_zone
from tandem_web.domain.reports import QueueShown, ReportsPage, newest_first, queue_refusal
from tandem_web.domain.sessions import WebSession
from tandem_web.service.home import ZONES
from tandem_web.settings import WebSettings

STATUSES = ("open", "resolved")


async def reports_page(
    settings: WebSettings,
    session: WebSession,
    programme_id: uuid.UUID,
    status: str,
    browser_zone: str | None,
) -> ReportsPage:
    # A manager has no participant profile: the browser's zone, else UTC.
    zone = viewer_zone([], browser_zone, ZONES)
    try:
        found = await reports_api.queue(
            str(settings.messaging_url), session.access_token, programme_id, status
        )
    except Refused as refused:
        return ReportsPage(queue_refusal(refused.status), programme_id, zone, status)
    except ServiceUnavailable:
        return ReportsPage(QueueShown.UNAVAILABLE, programme_id, zone, status)
    return ReportsPage(QueueShown.SHOWN, programme_id, zone, status, tuple(newest_first(found)))


class NotHandled(Exception):
    def __init__(self, status: int | None) -> None:
        super().__init__(status)
        self.status = status  # messaging's refusal; None: it did not answer


async def set_report_status(
    settings: WebSettings,
    session: WebSession,
    programme_id: uuid.UUID,
    report_id: uuid.UUID,
    status: str,
) -> None:
    try:
        await reports_api.set_status(
            str(settings.messaging_url), session.access_token, programme_id, report_id, status
        )
    except Refused as refused:
        raise NotHandled(refused.status) from refused
    except ServiceUnavailable as down:
        raise NotHandled(None) from down


async def hide_reported_post(
    settings: WebSettings, session: WebSession, forum_id: uuid.UUID, post_id: uuid.UUID
) -> None:
    """Hide a reported post by its ids (messaging lets a manager do so in a group's
    forum too, without reading it)."""
    try:
        await forums_api.hide(
            str(settings.messaging_url), session.access_token, forum_id, post_id, True
        )
    except Refused as refused:
        raise NotHandled(refused.status) from refused
    except ServiceUnavailable as down:
        raise NotHandled(None) from down
