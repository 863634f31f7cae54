"""The introduction and the meetings pages: who the viewer is (their participants and
zone), the relationship they ask about (matching names its members), and meetings'
answers, with the session's token. A refusal or a service not answering is
:class:`NotShown`, which the page renders in its own words and status."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable
from dataclasses import dataclass
from datetime import datetime

from tandem_web.adapters import introductions_api, meetings_api
from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.domain.meetings import (
    AttendanceView,
    Feed,
    Introduction,
    MeetingView,
    Refusal,
    Slots,
    Typed,
    refusal_of,
)
from tandem_web.domain.participants import Section, viewer_zone
from tandem_web.domain.sessions import WebSession
from tandem_web.service.home import ZONES, grants, my_profiles, section
from tandem_web.settings import WebSettings


class NotShown(Exception):
    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal)
        self.refusal = refusal


@dataclass(frozen=True, slots=True)
class Viewer:
    zone: str
    me: frozenset[uuid.UUID]


async def viewer(settings: WebSettings, session: WebSession, browser_zone: str | None) -> Viewer:
    profiles = (await my_profiles(settings, session)).value or []
    return Viewer(
        viewer_zone(profiles, browser_zone, ZONES), frozenset(p.participant_id for p in profiles)
    )


def _refused(error: Refused | ServiceUnavailable) -> NotShown:
    if isinstance(error, Refused):
        return NotShown(refusal_of(error.status, error.code))
    return NotShown(Refusal.UNAVAILABLE)


async def introduction(
    settings: WebSettings,
    session: WebSession,
    who: Viewer,
    relationship_id: uuid.UUID,
    programme_id: uuid.UUID | None = None,
) -> Introduction:
    """The relationship, from the programme given or else from any the token names (a
    page under /relationships/ carries no programme); NotShown when none shows it."""
    granted = grants(session)
    programmes = [programme_id] if programme_id else [*granted.participant, *granted.manager]
    url = str(settings.matching_url)
    for programme in dict.fromkeys(programmes):
        try:
            return await introductions_api.introduction(
                url, session.access_token, programme, relationship_id, who.me
            )
        except Refused:
            continue
        except ServiceUnavailable as down:
            raise NotShown(Refusal.UNAVAILABLE) from down
    raise NotShown(Refusal.NOT_FOUND)


async def respond(
    settings: WebSettings,
    session: WebSession,
    programme_id: uuid.UUID,
    relationship_id: uuid.UUID,
    *,
    accepting: bool,
) -> None:
    try:
        await introductions_api.respond(
            str(settings.matching_url),
            session.access_token,
            programme_id,
            relationship_id,
            accepting=accepting,
        )
    except (Refused, ServiceUnavailable) as error:
        raise _refused(error) from error


@dataclass(frozen=True, slots=True)
class MeetingsPage:
    introduction: Introduction
    meetings: Section[list[MeetingView]]
    feed: Section[Feed]


async def meetings_page(
    settings: WebSettings,
    session: WebSession,
    who: Viewer,
    relationship_id: uuid.UUID,
    feed: Feed | None = None,
) -> MeetingsPage:
    found = await introduction(settings, session, who, relationship_id)
    url, token = str(settings.meetings_url), session.access_token

    async def listed() -> Section[list[MeetingView]]:
        try:
            return Section(await meetings_api.views_of(url, token, relationship_id))
        except Refused:
            # Matching shows the relationship but meetings does not know it yet (not
            # started): there is nothing to list.
            return Section([])
        except ServiceUnavailable:
            return Section.down()

    async def feed_state() -> Section[Feed]:
        if feed is not None:
            return Section(feed)
        return await section(lambda: meetings_api.feed(url, token))

    meetings, feed_part = await asyncio.gather(listed(), feed_state())
    return MeetingsPage(found, meetings, feed_part)


async def calendar_feed(settings: WebSettings, session: WebSession, *, make: bool) -> Feed:
    """A new feed (``make``; its URL shown once) or the feed revoked."""
    url, token = str(settings.meetings_url), session.access_token
    try:
        if make:
            return await meetings_api.new_feed(url, token)
        await meetings_api.revoke_feed(url, token)
        return Feed(False, None)
    except (Refused, ServiceUnavailable) as error:
        raise _refused(error) from error


@dataclass(frozen=True, slots=True)
class MeetingPage:
    meeting: MeetingView
    introduction: Introduction
    attendance: Section[AttendanceView] | None  # None: not started, cancelled, or a manager


async def meeting_page(
    settings: WebSettings, session: WebSession, who: Viewer, meeting_id: uuid.UUID, now: datetime
) -> MeetingPage:
    url, token = str(settings.meetings_url), session.access_token
    try:
        found = await meetings_api.meeting(url, token, meeting_id)
    except (Refused, ServiceUnavailable) as error:
        raise _refused(error) from error
    members = await introduction(settings, session, who, found.relationship_id, found.programme_id)
    attendance: Section[AttendanceView] | None = None
    if found.member and not found.cancelled and found.started(now):
        try:
            attendance = Section(await meetings_api.attendance(url, token, meeting_id))
        except Refused:
            attendance = None
        except ServiceUnavailable:
            attendance = Section.down()
    return MeetingPage(found, members, attendance)


async def slots(
    settings: WebSettings, session: WebSession, relationship_id: uuid.UUID
) -> Section[Slots]:
    """The slots meetings proposes; none when it knows no plan for the relationship."""
    url, token = str(settings.meetings_url), session.access_token
    try:
        return Section(await meetings_api.slots(url, token, relationship_id))
    except Refused:
        return Section(Slots(None, None, None, 60))
    except ServiceUnavailable:
        return Section.down()


async def acting(call: Awaitable[object]) -> None:
    """Await a meetings write; its refusal or silence as NotShown."""
    try:
        await call
    except (Refused, ServiceUnavailable) as error:
        raise _refused(error) from error


async def schedule(
    settings: WebSettings,
    session: WebSession,
    relationship_id: uuid.UUID,
    typed: Typed,
    starts_at: datetime,
    minutes: int,
    activity: uuid.UUID | None,
) -> uuid.UUID:
    """A new meeting's id (NotShown: refused, e.g. a member busy then, or meetings down)."""
    try:
        made = await meetings_api.schedule(
            str(settings.meetings_url),
            session.access_token,
            relationship_id,
            starts_at=starts_at,
            duration_minutes=minutes,
            mode=typed.mode,
            place=(typed.place_name, typed.place_address),
            activity_id=activity,
        )
    except (Refused, ServiceUnavailable) as error:
        raise _refused(error) from error
    return made.id


def reschedule(
    settings: WebSettings,
    session: WebSession,
    meeting_id: uuid.UUID,
    typed: Typed,
    starts_at: datetime,
    minutes: int,
) -> Awaitable[object]:
    return meetings_api.reschedule(
        str(settings.meetings_url),
        session.access_token,
        meeting_id,
        starts_at=starts_at,
        duration_minutes=minutes,
        mode=typed.mode,
        place=(typed.place_name, typed.place_address),
    )


def cancel(
    settings: WebSettings, session: WebSession, meeting_id: uuid.UUID, reason: str, note: str
) -> Awaitable[object]:
    return meetings_api.cancel(
        str(settings.meetings_url), session.access_token, meeting_id, reason, note
    )


def answer(
    settings: WebSettings, session: WebSession, meeting_id: uuid.UUID, response: str
) -> Awaitable[object]:
    return meetings_api.answer(
        str(settings.meetings_url), session.access_token, meeting_id, response
    )


def record(
    settings: WebSettings,
    session: WebSession,
    meeting_id: uuid.UUID,
    marks: list[tuple[uuid.UUID, str]],
    mode: str,
    minutes: int,
) -> Awaitable[object]:
    return meetings_api.record(
        str(settings.meetings_url), session.access_token, meeting_id, marks, mode, minutes
    )
