"""A manager's pages: the programmes they manage, and a programme's relationships at risk
(analytics' open flags with the dashboard's main figures), with the session's token.
Matching names the programme and the relationships' members; a service that does not
answer blanks its own part."""

from __future__ import annotations

import asyncio
import uuid

from tandem_web.adapters import analytics_api, matching_api
from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.domain.participants import Section, viewer_zone
from tandem_web.domain.risk import (
    Dashboard,
    ManagedProgramme,
    RiskFlag,
    RiskPage,
    RiskShown,
    risk_refusal,
)
from tandem_web.domain.sessions import WebSession
from tandem_web.service.home import ZONES, grants, section
from tandem_web.settings import WebSettings

# A manager is no member of the relationships they read: every member's name is shown.
NOBODY = uuid.UUID(int=0)


async def managed_programmes(
    settings: WebSettings, session: WebSession
) -> tuple[list[ManagedProgramme], bool]:
    """The programmes the token makes the viewer a manager of, named by matching; when
    matching does not answer, by id only (and True: the names are unavailable)."""
    managed = grants(session).manager
    try:
        named = dict(
            await matching_api.my_programmes(str(settings.matching_url), session.access_token)
        )
    except ServiceUnavailable:
        return [ManagedProgramme(p, None) for p in managed], True
    return [ManagedProgramme(p, named.get(p)) for p in managed], False


async def risk_page(
    settings: WebSettings,
    session: WebSession,
    programme_id: uuid.UUID,
    language: str,
    browser_zone: str | None,
) -> RiskPage:
    token = session.access_token
    analytics, matching = str(settings.analytics_url), str(settings.matching_url)
    zone = viewer_zone([], browser_zone, ZONES)

    async def flags() -> list[RiskFlag] | RiskShown:
        try:
            return await analytics_api.open_flags(analytics, token, programme_id, language)
        except Refused as refused:
            return risk_refusal(refused.status)
        except ServiceUnavailable:
            return RiskShown.UNAVAILABLE

    async def dashboard() -> Section[Dashboard]:
        try:
            return await section(lambda: analytics_api.dashboard(analytics, token, programme_id))
        except Refused:
            return Section.down()

    async def names() -> dict[uuid.UUID, tuple[str, ...]]:
        try:
            found = await matching_api.my_relationships(matching, token, programme_id, NOBODY)
        except (Refused, ServiceUnavailable):
            return {}
        return {r.id: r.others for r in found}

    async def name() -> str | None:
        try:
            return dict(await matching_api.my_programmes(matching, token)).get(programme_id)
        except ServiceUnavailable:
            return None

    listed, figures, members, called = await asyncio.gather(flags(), dashboard(), names(), name())
    if isinstance(listed, RiskShown):
        return RiskPage(listed, programme_id, zone, called)
    return RiskPage(RiskShown.SHOWN, programme_id, zone, called, tuple(listed), figures, members)


class NotDismissed(Exception):
    def __init__(self, status: int | None) -> None:
        super().__init__(status)
        self.status = status  # analytics' refusal (409: already cleared); None: down


async def dismiss_flag(
    settings: WebSettings,
    session: WebSession,
    programme_id: uuid.UUID,
    flag_id: uuid.UUID,
    reason: str,
    language: str,
) -> None:
    try:
        await analytics_api.dismiss(
            str(settings.analytics_url),
            session.access_token,
            programme_id,
            flag_id,
            reason,
            language,
        )
    except Refused as refused:
        raise NotDismissed(refused.status) from refused
    except ServiceUnavailable as down:
        raise NotDismissed(None) from down
