"""Programme and group forums: threads and posts, sealed with the forum's key."""

from __future__ import annotations

from uuid import UUID, uuid4

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit import directory
from tandem_kit.api import Page, keyset_page, page_of
from tandem_kit.auth import Principal
from tandem_kit.errors import Conflict, NotFound, PayloadTooLarge, Unprocessable
from tandem_kit.outbox import add_event
from tandem_messaging.adapters import conversations, forums
from tandem_messaging.domain.content import (
    DELETED_TEXT,
    FORMER_MEMBER,
    ContentRejected,
    ContentTooLong,
    TextFormat,
    normalised_body,
)
from tandem_messaging.domain.conversations import ConversationStatus
from tandem_messaging.domain.forums import Author, Forum, Post, Thread
from tandem_messaging.schemas.common import Person
from tandem_messaging.schemas.forums import (
    ForumPublic,
    PostCreate,
    PostPublic,
    ThreadCreate,
    ThreadPublic,
)
from tandem_messaging.service import events
from tandem_messaging.service.access import ForumSeat, forum_reader, oversees, programme_member
from tandem_messaging.service.context import Context
from tandem_messaging.service.messages import checked_body
from tandem_messaging.service.sealing import forum_key, open_item, seal_item

THREAD, POST = "thread", "post"
HIDDEN_TEXT = "[hidden]"


def _forum_view(forum: Forum) -> ForumPublic:
    return ForumPublic(
        id=forum.id,
        programme_id=forum.programme_id,
        relationship_id=forum.relationship_id,
        kind="group" if forum.relationship_id else "programme",
        title=forum.title,
        thread_count=forum.thread_count,
    )


async def _names(session: AsyncSession, forum: Forum, authors: list[Author]) -> dict[str, str]:
    """Display names by author subject (participants and managers)."""
    known = await directory.participants_by_id(
        session, {a.participant_id for a in authors if a.participant_id}
    )
    names = {p.contact.subject: p.contact.display_name for p in known.values()}
    names.update(
        {
            m.subject: m.display_name
            for m in await directory.managers_of(session, forum.programme_id)
        }
    )
    return names


def _person(author: Author, names: dict[str, str]) -> Person:
    if author.erased:
        return Person(participant_id=None, role=None, display_name=FORMER_MEMBER)
    return Person(
        participant_id=author.participant_id,
        role=author.role,
        display_name=names.get(author.subject or "", author.role or "member"),
    )


def _thread_view(key: bytes, thread: Thread, names: dict[str, str]) -> ThreadPublic:
    title = open_item(key, THREAD, thread.forum_id, thread.id, thread.title, part="title")
    return ThreadPublic(
        id=thread.id,
        forum_id=thread.forum_id,
        seq=thread.seq,
        title=title if title is not None else DELETED_TEXT,
        author=_person(thread.author, names),
        locked=thread.locked,
        post_count=thread.post_count,
        created_at=thread.created_at,
        last_post_at=thread.last_post_at,
    )


def _post_view(key: bytes, post: Post, names: dict[str, str], moderator: bool) -> PostPublic:
    body = open_item(key, POST, post.forum_id, post.id, post.body)
    shown = DELETED_TEXT if body is None else HIDDEN_TEXT if post.hidden and not moderator else body
    return PostPublic(
        id=post.id,
        thread_id=post.thread_id,
        forum_id=post.forum_id,
        seq=post.seq,
        author=_person(post.author, names),
        body=shown,
        format=TextFormat(post.text_format),
        in_reply_to=post.in_reply_to,
        posted_at=post.posted_at,
        hidden=post.hidden,
        deleted=body is None,
    )


def _title(ctx: Context, text: str) -> str:
    try:
        return normalised_body(text, ctx.settings.max_title_chars, what="title")
    except ContentTooLong as error:
        raise PayloadTooLarge(error.detail, code=error.code) from error
    except ContentRejected as error:
        raise Unprocessable(error.detail, code=error.code) from error


async def _writable(session: AsyncSession, forum: Forum) -> None:
    if forum.relationship_id is None:
        return
    conversation = await conversations.by_relationship(session, forum.relationship_id)
    if conversation is None or conversation.status != ConversationStatus.OPEN:
        raise Conflict(
            "The group's relationship has ended; its forum is read-only.", code="forum_read_only"
        )


async def list_forums(
    ctx: Context, principal: Principal, programme_id: UUID, *, cursor: str | None, limit: int
) -> Page[ForumPublic]:
    async with ctx.database.transaction() as session:
        await programme_member(session, principal, programme_id)
        rows = await forums.visible_page(
            session,
            programme_id,
            principal.subject,
            every_forum=oversees(principal, programme_id),
            cursor=cursor,
            limit=limit,
        )
    return keyset_page(rows, limit, key=lambda f: (f.created_at, str(f.id)), item=_forum_view)


async def list_threads(
    ctx: Context, principal: Principal, forum_id: UUID, *, cursor: str | None, limit: int
) -> Page[ThreadPublic]:
    async with ctx.database.transaction() as session:
        seat = await forum_reader(session, principal, forum_id)
        rows = await forums.threads_page(session, forum_id, cursor=cursor, limit=limit)
        names = await _names(session, seat.forum, [t.author for t in rows])
    key = forum_key(ctx.keyring, seat.forum)
    views = [_thread_view(key, t, names) for t in rows]
    return page_of(views, limit, (views[limit - 1].seq,) if len(views) > limit else None)


async def _thread_of(session: AsyncSession, seat: ForumSeat, thread_id: UUID) -> Thread:
    thread = await forums.thread(session, seat.forum.id, thread_id)
    if thread is None:
        raise NotFound("No such thread in this forum.", code="thread_not_found")
    return thread


async def get_thread(
    ctx: Context, principal: Principal, forum_id: UUID, thread_id: UUID
) -> ThreadPublic:
    async with ctx.database.transaction() as session:
        seat = await forum_reader(session, principal, forum_id)
        thread = await _thread_of(session, seat, thread_id)
        names = await _names(session, seat.forum, [thread.author])
    return _thread_view(forum_key(ctx.keyring, seat.forum), thread, names)


async def list_posts(
    ctx: Context,
    principal: Principal,
    forum_id: UUID,
    thread_id: UUID,
    *,
    cursor: str | None,
    limit: int,
) -> Page[PostPublic]:
    """Oldest first, as a thread reads."""
    async with ctx.database.transaction() as session:
        seat = await forum_reader(session, principal, forum_id)
        thread = await _thread_of(session, seat, thread_id)
        rows = await forums.posts_page(session, thread.id, cursor=cursor, limit=limit)
        names = await _names(session, seat.forum, [p.author for p in rows])
    key = forum_key(ctx.keyring, seat.forum)
    views = [_post_view(key, p, names, seat.moderator) for p in rows]
    return page_of(views, limit, (views[limit - 1].seq,) if len(views) > limit else None)


async def _add_post(
    session: AsyncSession,
    ctx: Context,
    principal: Principal,
    seat: ForumSeat,
    thread: Thread,
    body: str,
    text_format: TextFormat,
    in_reply_to: UUID | None,
) -> Post:
    now = ctx.now()
    seq = await forums.next_post_seq(session, thread.id, now)
    if seq is None:
        raise Conflict("The thread is locked.", code="thread_locked")
    post_id = uuid4()
    author = Author(principal.subject, seat.participant_id, seat.role)
    post = Post(
        post_id,
        thread.id,
        seat.forum.id,
        seq,
        author,
        in_reply_to,
        text_format.value,
        len(body),
        seal_item(forum_key(ctx.keyring, seat.forum), POST, seat.forum.id, post_id, body),
        False,
        now,
    )
    await forums.add_post(session, post)
    await add_event(session, events.forum_post_created(seat, thread, post))
    return post


async def create_thread(
    ctx: Context, principal: Principal, forum_id: UUID, draft: ThreadCreate
) -> ThreadPublic:
    title = _title(ctx, draft.title)
    body = checked_body(ctx, draft.body)
    async with ctx.database.transaction() as session:
        seat = await forum_reader(session, principal, forum_id)
        await _writable(session, seat.forum)
        now = ctx.now()
        thread_id = uuid4()
        key = forum_key(ctx.keyring, seat.forum)
        thread = Thread(
            thread_id,
            forum_id,
            await forums.next_thread_seq(session, forum_id),
            Author(principal.subject, seat.participant_id, seat.role),
            seal_item(key, THREAD, forum_id, thread_id, title, part="title"),
            False,
            0,
            now,
            now,
        )
        await forums.add_thread(session, thread)
        await _add_post(session, ctx, principal, seat, thread, body, draft.format, None)
        stored = await _thread_of(session, seat, thread_id)
        names = await _names(session, seat.forum, [thread.author])
    return _thread_view(key, stored, names)


async def create_post(
    ctx: Context, principal: Principal, forum_id: UUID, thread_id: UUID, draft: PostCreate
) -> PostPublic:
    body = checked_body(ctx, draft.body)
    async with ctx.database.transaction() as session:
        seat = await forum_reader(session, principal, forum_id)
        await _writable(session, seat.forum)
        thread = await _thread_of(session, seat, thread_id)
        if draft.in_reply_to is not None:
            target = await forums.post(session, forum_id, draft.in_reply_to)
            if target is None or target.thread_id != thread.id:
                raise Unprocessable(
                    "`in_reply_to` is not a post of this thread.", code="unknown_reply_target"
                )
        post = await _add_post(
            session, ctx, principal, seat, thread, body, draft.format, draft.in_reply_to
        )
        names = await _names(session, seat.forum, [post.author])
    return _post_view(forum_key(ctx.keyring, seat.forum), post, names, seat.moderator)
