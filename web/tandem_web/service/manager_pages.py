"""What the manager's matching pages share: who may see them, the programme's name, the
viewer's zone."""

from __future__ import annotations

import uuid

from tandem_web.adapters import matching_api
from tandem_web.adapters.service_calls import ServiceUnavailable
from tandem_web.domain.manager_pages import manages
from tandem_web.domain.participants import viewer_zone
from tandem_web.domain.sessions import WebSession
from tandem_web.service.home import ZONES, grants
from tandem_web.settings import WebSettings


def may_manage(session: WebSession, programme_id: uuid.UUID) -> bool:
    return manages(grants(session), programme_id)


def zone_of(browser_zone: str | None) -> str:
    """A manager has no participant profile here: the browser's zone, else UTC."""
    return viewer_zone([], browser_zone, ZONES)


async def programme_name(
    settings: WebSettings, session: WebSession, programme_id: uuid.UUID
) -> str | None:
    try:
        named = await matching_api.my_programmes(str(settings.matching_url), session.access_token)
    except ServiceUnavailable:
        return None
    return dict(named).get(programme_id)
