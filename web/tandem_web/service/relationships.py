"""A programme's relationships for its manager: matching's list (members, state) beside
analytics' open at-risk flags (their reasons in the reader's language). Analytics not
answering blanks the flags only."""

from __future__ import annotations

import asyncio
import uuid

from tandem_web.adapters import analytics_api, relationships_api
from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.domain.manager_pages import Shown, refusal
from tandem_web.domain.relationships import RelationshipsPage, in_order, latest_flags
from tandem_web.domain.risk import RiskFlag
from tandem_web.domain.sessions import WebSession
from tandem_web.service.manager_pages import may_manage, programme_name, zone_of
from tandem_web.settings import WebSettings


async def relationships_page(
    settings: WebSettings,
    session: WebSession,
    programme_id: uuid.UUID,
    language: str,
    browser_zone: str | None,
) -> RelationshipsPage:
    zone = zone_of(browser_zone)
    if not may_manage(session, programme_id):
        return RelationshipsPage(Shown.FORBIDDEN, programme_id, zone)
    token = session.access_token

    async def flags() -> list[RiskFlag] | None:
        try:
            return await analytics_api.open_flags(
                str(settings.analytics_url), token, programme_id, language
            )
        except (Refused, ServiceUnavailable):
            return None

    try:
        found, open_flags, name = await asyncio.gather(
            relationships_api.every_relationship(str(settings.matching_url), token, programme_id),
            flags(),
            programme_name(settings, session, programme_id),
        )
    except Refused as refused:
        return RelationshipsPage(refusal(refused.status), programme_id, zone)
    except ServiceUnavailable:
        return RelationshipsPage(Shown.UNAVAILABLE, programme_id, zone)
    return RelationshipsPage(
        Shown.SHOWN,
        programme_id,
        zone,
        name,
        in_order(found),
        None if open_flags is None else latest_flags(open_flags),
    )
