"""The participant's home: what each service says about the viewer's mentoring, asked
concurrently with the session's token; a service that does not answer blanks its own
sections (the adapters' ServiceUnavailable), never the page."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TypeVar
from zoneinfo import available_timezones

import jwt

from tandem_web.adapters import (
    check_ins_api,
    goals_api,
    matching_api,
    meetings_api,
    messaging_api,
)
from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.domain.check_ins import CheckIn, open_check_ins
from tandem_web.domain.goals import Goal, due
from tandem_web.domain.home import ParticipantHome, names_of, started_relationships
from tandem_web.domain.participants import (
    Agreement,
    Grants,
    Meeting,
    Profile,
    Relationship,
    Section,
    grants_of,
    viewer_zone,
)
from tandem_web.domain.rematching import Offer
from tandem_web.domain.sessions import WebSession
from tandem_web.settings import WebSettings

T = TypeVar("T")
ZONES = frozenset(available_timezones())


def grants(session: WebSession) -> Grants:
    """What the session's token grants. Read unverified: the services verify it on every
    call; this only decides which programmes to ask them about."""
    claims = jwt.decode(session.access_token, options={"verify_signature": False})
    return grants_of(claims)


async def section(call: Callable[[], Awaitable[T]]) -> Section[T]:
    try:
        return Section(await call())
    except ServiceUnavailable:
        return Section.down()


async def my_profiles(settings: WebSettings, session: WebSession) -> Section[list[Profile]]:
    """The viewer's participant in each programme their token names (one they are not
    registered in, or no longer see, is left out)."""
    url, token = str(settings.matching_url), session.access_token

    async def one(programme: uuid.UUID) -> Profile | None:
        try:
            return await matching_api.my_profile(url, token, programme)
        except Refused:
            return None

    async def every() -> list[Profile]:
        found = await asyncio.gather(*(one(p) for p in grants(session).participant))
        return [p for p in found if p is not None]

    return await section(every)


async def _each(calls: list[Awaitable[T]]) -> list[T]:
    """Every call's answer; one refused (an ended relationship no longer shown) is skipped."""
    found: list[T] = []
    for result in await asyncio.gather(*calls, return_exceptions=True):
        if isinstance(result, Refused):
            continue
        if isinstance(result, BaseException):
            raise result  # ServiceUnavailable blanks the section; anything else is a bug
        found.append(result)
    return found


async def _goals_of(
    url: str, token: str, relationship_id: uuid.UUID
) -> tuple[uuid.UUID, list[Goal]]:
    return relationship_id, await goals_api.goals(url, token, relationship_id)


async def participant_home(
    settings: WebSettings, session: WebSession, browser_zone: str | None, now: datetime
) -> ParticipantHome:
    token = session.access_token
    profiles = await my_profiles(settings, session)
    mine = profiles.value or []
    me = {p.participant_id for p in mine}

    async def relationships() -> list[Relationship]:
        url = str(settings.matching_url)
        found = await _each(
            [
                matching_api.my_relationships(url, token, p.programme_id, p.participant_id)
                for p in mine
            ]
        )
        return [r for rs in found for r in rs]

    async def relationships_section() -> Section[list[Relationship]]:
        # Matching down: its profiles did not answer, so neither would its relationships.
        return Section.down() if profiles.unavailable else await section(relationships)

    relationships_part, conversations_part = await asyncio.gather(
        relationships_section(),
        section(lambda: messaging_api.my_conversations(str(settings.messaging_url), token, me)),
    )
    ids = started_relationships(relationships_part.value or [], conversations_part.value or [])

    async def meetings() -> list[Meeting]:
        url = str(settings.meetings_url)
        found = await _each([meetings_api.meetings_of(url, token, r, me) for r in ids])
        return [m for ms in found for m in ms]

    async def agreements() -> list[Agreement]:
        url = str(settings.messaging_url)
        found = await _each([messaging_api.agreement(url, token, r, me) for r in ids])
        return [a for a in found if a is not None]

    async def offers() -> list[Offer]:
        url = str(settings.matching_url)
        mentee_of = [p.programme_id for p in mine if p.role == "mentee"]
        found = await _each([matching_api.open_offers(url, token, p) for p in mentee_of])
        return [o for os in found for o in os]

    async def offers_section() -> Section[list[Offer]]:
        return Section.down() if profiles.unavailable else await section(offers)

    async def check_ins() -> list[CheckIn]:
        found = await check_ins_api.mine(str(settings.analytics_url), token)
        return open_check_ins(found, now)

    async def goals_due() -> list[tuple[uuid.UUID, Goal]]:
        url = str(settings.meetings_url)
        found = await _each([_goals_of(url, token, r) for r in ids])
        return [(r, g) for r, gs in found for g in due(gs, now.date())]

    meetings_part, agreements_part, offers_part, check_ins_part, goals_part = await asyncio.gather(
        section(meetings),
        section(agreements),
        offers_section(),
        section(check_ins),
        section(goals_due),
    )
    return ParticipantHome(
        zone=viewer_zone(mine, browser_zone, ZONES),
        relationships=relationships_part,
        conversations=conversations_part,
        meetings=meetings_part,
        agreements=agreements_part,
        offers=offers_part,
        check_ins=check_ins_part,
        goals_due=goals_part,
        names=names_of(relationships_part.value or [], conversations_part.value or []),
        now=now,
    )
