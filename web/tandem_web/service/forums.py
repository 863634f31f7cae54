"""Reading and writing a programme's forums with the session's token: the forums a viewer
reads, a forum's threads, a thread's posts, posting, reporting a post, and the managers'
moderation. Messaging decides who reads what; these only ask it and say why not."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable
from typing import TypeVar

from tandem_web.adapters import forums_api, reports_api
from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.domain.forums import (
    Forum,
    ForumShown,
    ForumsPage,
    ThreadPage,
    ThreadsPage,
    forum_refusal,
    thread_page,
)
from tandem_web.domain.participants import viewer_zone
from tandem_web.domain.sessions import WebSession
from tandem_web.service.home import ZONES, grants, my_profiles
from tandem_web.settings import WebSettings

T = TypeVar("T")


class NotDone(Exception):
    """Messaging refused a post, a report or a moderation: ``shown`` says why, and
    ``status`` is messaging's (None: it did not answer)."""

    def __init__(self, shown: ForumShown, status: int | None, code: str | None = None) -> None:
        super().__init__(shown)
        self.shown = shown
        self.status = status
        self.code = code


async def _done(call: Awaitable[T]) -> T:
    try:
        return await call
    except Refused as refused:
        raise NotDone(forum_refusal(refused.status), refused.status, refused.code) from refused
    except ServiceUnavailable as down:
        raise NotDone(ForumShown.UNAVAILABLE, None) from down


async def _viewer(
    settings: WebSettings, session: WebSession, browser_zone: str | None
) -> tuple[str, set[uuid.UUID]]:
    """The viewer's zone (their profile's, else the browser's) and participant ids."""
    profiles = (await my_profiles(settings, session)).value or []
    return viewer_zone(profiles, browser_zone, ZONES), {p.participant_id for p in profiles}


async def forums_page(
    settings: WebSettings, session: WebSession, programme_id: uuid.UUID, browser_zone: str | None
) -> ForumsPage:
    zone, _ = await _viewer(settings, session, browser_zone)
    url, token = str(settings.messaging_url), session.access_token
    try:
        found = await forums_api.forums(url, token, programme_id)
    except Refused as refused:
        return ForumsPage(forum_refusal(refused.status), programme_id, zone)
    except ServiceUnavailable:
        return ForumsPage(ForumShown.UNAVAILABLE, programme_id, zone)
    # The programme's own forum first, then the groups'.
    found.sort(key=lambda f: f.kind != "programme")
    return ForumsPage(ForumShown.SHOWN, programme_id, zone, tuple(found))


async def find_forum(
    settings: WebSettings, session: WebSession, forum_id: uuid.UUID
) -> Forum | None:
    """The forum among those messaging lists in the viewer's programmes (there is no
    "one forum" operation): its kind and programme, for the page's title and back link."""
    url, token = str(settings.messaging_url), session.access_token
    granted = grants(session)

    async def listed(programme_id: uuid.UUID) -> list[Forum]:
        try:
            return await forums_api.forums(url, token, programme_id)
        except (Refused, ServiceUnavailable):
            return []

    programmes = dict.fromkeys([*granted.participant, *granted.manager])
    every = await asyncio.gather(*(listed(p) for p in programmes))
    return next((f for forums in every for f in forums if f.id == forum_id), None)


def _moderates(session: WebSession, forum: Forum | None) -> bool:
    """A manager of the forum's programme: shown the lock and hide forms (messaging
    refuses them to anyone else)."""
    return forum is not None and forum.programme_id in grants(session).manager


async def threads_page(
    settings: WebSettings, session: WebSession, forum_id: uuid.UUID, browser_zone: str | None
) -> ThreadsPage:
    url, token = str(settings.messaging_url), session.access_token
    (zone, _), forum = await asyncio.gather(
        _viewer(settings, session, browser_zone), find_forum(settings, session, forum_id)
    )
    try:
        threads = await forums_api.threads(url, token, forum_id)
    except Refused as refused:
        return ThreadsPage(forum_refusal(refused.status), forum_id, zone)
    except ServiceUnavailable:
        return ThreadsPage(ForumShown.UNAVAILABLE, forum_id, zone)
    return ThreadsPage(
        ForumShown.SHOWN, forum_id, zone, forum, tuple(threads), _moderates(session, forum)
    )


async def read_thread(
    settings: WebSettings,
    session: WebSession,
    forum_id: uuid.UUID,
    thread_id: uuid.UUID,
    browser_zone: str | None,
) -> ThreadPage:
    url, token = str(settings.messaging_url), session.access_token
    (zone, me), forum = await asyncio.gather(
        _viewer(settings, session, browser_zone), find_forum(settings, session, forum_id)
    )
    try:
        thread, posts = await forums_api.thread(url, token, forum_id, thread_id, me)
    except Refused as refused:
        return ThreadPage(forum_refusal(refused.status), forum_id, zone)
    except ServiceUnavailable:
        return ThreadPage(ForumShown.UNAVAILABLE, forum_id, zone)
    return thread_page(forum_id, zone, thread, posts, _moderates(session, forum))


async def start_thread(
    settings: WebSettings, session: WebSession, forum_id: uuid.UUID, title: str, body: str
) -> uuid.UUID:
    url, token = str(settings.messaging_url), session.access_token
    return await _done(forums_api.start_thread(url, token, forum_id, title, body))


async def add_post(
    settings: WebSettings,
    session: WebSession,
    forum_id: uuid.UUID,
    thread_id: uuid.UUID,
    body: str,
    in_reply_to: uuid.UUID | None,
) -> uuid.UUID:
    url, token = str(settings.messaging_url), session.access_token
    return await _done(forums_api.post(url, token, forum_id, thread_id, body, in_reply_to))


async def report_post(
    settings: WebSettings,
    session: WebSession,
    forum_id: uuid.UUID,
    post_id: uuid.UUID,
    reason: str,
    note: str | None,
    include_excerpt: bool,
) -> None:
    url, token = str(settings.messaging_url), session.access_token
    await _done(
        reports_api.report_a_post(url, token, forum_id, post_id, reason, note, include_excerpt)
    )


async def lock_thread(
    settings: WebSettings,
    session: WebSession,
    forum_id: uuid.UUID,
    thread_id: uuid.UUID,
    locked: bool,
) -> None:
    url, token = str(settings.messaging_url), session.access_token
    await _done(forums_api.lock(url, token, forum_id, thread_id, locked))


async def hide_post(
    settings: WebSettings,
    session: WebSession,
    forum_id: uuid.UUID,
    post_id: uuid.UUID,
    hidden: bool,
) -> None:
    url, token = str(settings.messaging_url), session.access_token
    await _done(forums_api.hide(url, token, forum_id, post_id, hidden))
