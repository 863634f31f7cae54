"""The viewer's open check-ins (analytics) and the employment outcome a mentee is asked
for after her relationship ended (matching's ended relationships of her mentee records)."""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime

from tandem_web.adapters import check_ins_api, matching_api
from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.domain.check_ins import (
    ENDED,
    CheckIn,
    CheckInsPage,
    OutcomeAsked,
    open_check_ins,
)
from tandem_web.domain.sessions import WebSession
from tandem_web.service.shown import Viewer, done, viewer
from tandem_web.settings import WebSettings


async def open_ones(
    settings: WebSettings, session: WebSession, now: datetime
) -> list[CheckIn] | None:
    """The viewer's open check-ins; None when analytics does not answer."""
    url = str(settings.analytics_url)
    try:
        return open_check_ins(await check_ins_api.mine(url, session.access_token), now)
    except (Refused, ServiceUnavailable):
        return None


async def check_ins_page(
    settings: WebSettings, session: WebSession, browser_zone: str | None, now: datetime
) -> tuple[Viewer, CheckInsPage]:
    who = await viewer(settings, session, browser_zone)
    url, token = str(settings.matching_url), session.access_token

    async def outcomes() -> list[OutcomeAsked] | None:
        mentee = [p for p in who.profiles if p.role == "mentee"]
        try:
            found = await asyncio.gather(
                *(
                    matching_api.my_relationships(url, token, p.programme_id, p.participant_id)
                    for p in mentee
                )
            )
        except (Refused, ServiceUnavailable):
            return None
        return [OutcomeAsked(r.id, r.others) for rs in found for r in rs if r.status in ENDED]

    listed, asked = await asyncio.gather(open_ones(settings, session, now), outcomes())
    return who, CheckInsPage(tuple(listed or ()), tuple(asked or ()), listed is None, asked is None)


async def answer(
    settings: WebSettings, session: WebSession, check_in_id: uuid.UUID, answers: dict[str, int]
) -> None:
    url = str(settings.analytics_url)
    await done(lambda: check_ins_api.answer(url, session.access_token, check_in_id, answers))


async def record_outcome(
    settings: WebSettings, session: WebSession, relationship_id: uuid.UUID, status: str
) -> None:
    url = str(settings.analytics_url)
    await done(lambda: check_ins_api.outcome(url, session.access_token, relationship_id, status))
