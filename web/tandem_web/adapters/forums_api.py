"""Messaging's forums, as the web app reads and writes them: the forums a viewer can
read, threads, posts, and the managers' moderation (locking a thread, hiding a post)."""

from __future__ import annotations

import uuid

from tandem_web.adapters.service_calls import Refused, authenticated, expect, reaching
from tandem_web.clients.messaging import AuthenticatedClient
from tandem_web.clients.messaging.api.forums import (
    create_post,
    create_thread,
    get_thread,
    list_forums,
    list_posts,
    list_threads,
)
from tandem_web.clients.messaging.api.moderation import hide_post, lock_thread
from tandem_web.clients.messaging.models import (
    ForumPublic,
    PageForumPublic,
    PagePostPublic,
    PageThreadPublic,
    PostCreate,
    PostPublic,
    PostVisibility,
    PostVisibilityPublic,
    ThreadCreate,
    ThreadLock,
    ThreadLockPublic,
    ThreadPublic,
)
from tandem_web.clients.messaging.types import UNSET
from tandem_web.domain.forums import Forum, Post, Thread

SERVICE = "messaging"
MAX_PAGES = 10
# A thread page shows its first posts; a thread longer than that is rare in a programme.
MAX_POSTS = 1000


def _client(url: str, token: str) -> AuthenticatedClient:
    return authenticated(AuthenticatedClient, url, token)


def refused_as_input(status: int, parsed: object) -> None:
    """Messaging's 422 (a reply to a post of another thread, text it rejects): a refusal
    the page explains, not an unavailable service."""
    if status == 422:
        code = getattr(parsed, "code", None)
        raise Refused(SERVICE, 422, code if isinstance(code, str) else None)


def _forum(item: ForumPublic) -> Forum:
    return Forum(item.id, item.programme_id, str(item.kind), item.thread_count)


def _thread(item: ThreadPublic) -> Thread:
    return Thread(
        item.id,
        item.forum_id,
        item.title,
        item.author.display_name,
        item.locked,
        item.post_count,
        item.created_at,
        item.last_post_at,
    )


def _post(item: PostPublic, me: set[uuid.UUID]) -> Post:
    return Post(
        item.id,
        item.seq,
        item.author.display_name,
        item.body,
        item.posted_at,
        item.in_reply_to if isinstance(item.in_reply_to, uuid.UUID) else None,
        mine=item.author.participant_id in me,
        hidden=item.hidden,
        deleted=item.deleted,
    )


async def forums(url: str, token: str, programme_id: uuid.UUID) -> list[Forum]:
    """The programme's forum and the viewer's groups' (a manager: every group's listed)."""
    found: list[Forum] = []
    cursor: str | None = None
    async with reaching(SERVICE), _client(url, token) as client:
        for _ in range(MAX_PAGES):
            answer = await list_forums.asyncio_detailed(
                programme_id, client=client, cursor=cursor or UNSET, limit=200
            )
            page = expect(SERVICE, answer.status_code, answer.parsed, PageForumPublic)
            found += [_forum(item) for item in page.items]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    return found


async def threads(url: str, token: str, forum_id: uuid.UUID) -> list[Thread]:
    """The forum's threads, newest first."""
    found: list[Thread] = []
    cursor: str | None = None
    async with reaching(SERVICE), _client(url, token) as client:
        for _ in range(MAX_PAGES):
            answer = await list_threads.asyncio_detailed(
                forum_id, client=client, cursor=cursor or UNSET, limit=200
            )
            page = expect(SERVICE, answer.status_code, answer.parsed, PageThreadPublic)
            found += [_thread(item) for item in page.items]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    return found


async def thread(
    url: str, token: str, forum_id: uuid.UUID, thread_id: uuid.UUID, me: set[uuid.UUID]
) -> tuple[Thread, list[Post]]:
    """The thread and its first MAX_POSTS posts, oldest first."""
    found: list[Post] = []
    cursor: str | None = None
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await get_thread.asyncio_detailed(forum_id, thread_id, client=client)
        head = expect(SERVICE, answer.status_code, answer.parsed, ThreadPublic)
        while len(found) < MAX_POSTS:
            listed = await list_posts.asyncio_detailed(
                forum_id, thread_id, client=client, cursor=cursor or UNSET, limit=200
            )
            page = expect(SERVICE, listed.status_code, listed.parsed, PagePostPublic)
            found += [_post(item, me) for item in page.items]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    return _thread(head), found[:MAX_POSTS]


async def start_thread(
    url: str, token: str, forum_id: uuid.UUID, title: str, body: str
) -> uuid.UUID:
    """A new thread with its first post; its id."""
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await create_thread.asyncio_detailed(
            forum_id, client=client, body=ThreadCreate(title=title, body=body)
        )
        refused_as_input(answer.status_code, answer.parsed)
        return expect(SERVICE, answer.status_code, answer.parsed, ThreadPublic, ok=201).id


async def post(
    url: str,
    token: str,
    forum_id: uuid.UUID,
    thread_id: uuid.UUID,
    body: str,
    in_reply_to: uuid.UUID | None,
) -> uuid.UUID:
    """A post in the thread (a reply to one of its posts); its id."""
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await create_post.asyncio_detailed(
            forum_id,
            thread_id,
            client=client,
            body=PostCreate(body=body, in_reply_to=in_reply_to if in_reply_to else UNSET),
        )
        refused_as_input(answer.status_code, answer.parsed)
        return expect(SERVICE, answer.status_code, answer.parsed, PostPublic, ok=201).id


async def lock(
    url: str, token: str, forum_id: uuid.UUID, thread_id: uuid.UUID, locked: bool
) -> None:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await lock_thread.asyncio_detailed(
            forum_id, thread_id, client=client, body=ThreadLock(locked=locked)
        )
        expect(SERVICE, answer.status_code, answer.parsed, ThreadLockPublic)


async def hide(url: str, token: str, forum_id: uuid.UUID, post_id: uuid.UUID, hidden: bool) -> None:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await hide_post.asyncio_detailed(
            forum_id, post_id, client=client, body=PostVisibility(hidden=hidden)
        )
        expect(SERVICE, answer.status_code, answer.parsed, PostVisibilityPublic)
