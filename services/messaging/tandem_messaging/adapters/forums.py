"""Forums, their threads and posts (titles and bodies sealed with the forum's key)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import exists, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.api import keyset
from tandem_kit.crypto import Sealed
from tandem_messaging.adapters.common import insert_unless_present
from tandem_messaging.adapters.tables import (
    conversation_members,
    conversations,
    forum_posts,
    forum_threads,
    forums,
)
from tandem_messaging.domain.forums import Author, Forum, Post, Thread


def _sealed(row: Any, prefix: str) -> Sealed | None:
    ciphertext = getattr(row, f"{prefix}_ciphertext")
    return Sealed(getattr(row, f"{prefix}_nonce"), ciphertext) if ciphertext is not None else None


def _author(row: Any) -> Author:
    return Author(
        row.author_subject,
        row.author_participant_id,
        row.author_role,
        row.author_erased,
    )


def _forum(row: Any) -> Forum:
    return Forum(
        row.id,
        row.programme_id,
        row.relationship_id,
        row.title,
        _sealed(row, "wrapped_key"),
        row.thread_seq,
        row.created_at,
    )


def _thread(row: Any) -> Thread:
    return Thread(
        row.id,
        row.forum_id,
        row.seq,
        _author(row),
        _sealed(row, "title"),
        row.locked,
        row.post_seq,
        row.created_at,
        row.last_post_at,
    )


def _post(row: Any) -> Post:
    return Post(
        row.id,
        row.thread_id,
        row.forum_id,
        row.seq,
        _author(row),
        row.in_reply_to,
        row.text_format,
        row.length,
        _sealed(row, "body"),
        row.hidden,
        row.posted_at,
        row.deleted_at,
    )


def _author_values(author: Author) -> dict[str, Any]:
    return {
        "author_subject": author.subject,
        "author_participant_id": author.participant_id,
        "author_role": author.role,
        "author_erased": False,
    }


async def add_if_new(session: AsyncSession, forum: Forum) -> bool:
    assert forum.wrapped_key is not None
    return await insert_unless_present(
        session,
        forums,
        {
            "id": forum.id,
            "programme_id": forum.programme_id,
            "relationship_id": forum.relationship_id,
            "title": forum.title,
            "wrapped_key_nonce": forum.wrapped_key.nonce,
            "wrapped_key_ciphertext": forum.wrapped_key.ciphertext,
            "thread_seq": 0,
            "created_at": forum.created_at,
        },
        ["id"],
    )


async def by_id(session: AsyncSession, forum_id: UUID) -> Forum | None:
    row = (await session.execute(select(forums).where(forums.c.id == forum_id))).first()
    return _forum(row) if row is not None else None


async def of_programme(session: AsyncSession, programme_id: UUID) -> list[Forum]:
    rows = (
        await session.execute(
            select(forums)
            .where(forums.c.programme_id == programme_id)
            .order_by(forums.c.created_at)
        )
    ).all()
    return [_forum(row) for row in rows]


async def visible_page(
    session: AsyncSession,
    programme_id: UUID,
    subject: str,
    *,
    every_forum: bool,
    cursor: str | None,
    limit: int,
) -> list[Forum]:
    """The programme's forums ``subject`` may read, oldest first, ``limit + 1`` rows.

    The programme forum is everyone's; a group's forum is its members' (or every forum,
    for whoever oversees the programme). Filtered in SQL, so that a page is always full.
    """
    query = select(forums).where(forums.c.programme_id == programme_id)
    if not every_forum:
        in_group = exists().where(
            conversations.c.relationship_id == forums.c.relationship_id,
            conversation_members.c.conversation_id == conversations.c.id,
            conversation_members.c.subject == subject,
        )
        query = query.where(or_(forums.c.relationship_id.is_(None), in_group))
    query = keyset(query, [forums.c.created_at, forums.c.id], cursor, limit)
    return [_forum(row) for row in (await session.execute(query)).all()]


async def next_thread_seq(session: AsyncSession, forum_id: UUID) -> int:
    seq = await session.scalar(
        update(forums)
        .where(forums.c.id == forum_id)
        .values(thread_seq=forums.c.thread_seq + 1)
        .returning(forums.c.thread_seq)
    )
    return int(seq or 0)


async def add_thread(session: AsyncSession, thread: Thread) -> None:
    assert thread.title is not None
    await session.execute(
        forum_threads.insert().values(
            id=thread.id,
            forum_id=thread.forum_id,
            seq=thread.seq,
            **_author_values(thread.author),
            title_nonce=thread.title.nonce,
            title_ciphertext=thread.title.ciphertext,
            locked=False,
            post_seq=0,
            created_at=thread.created_at,
            last_post_at=thread.last_post_at,
        )
    )


async def thread(session: AsyncSession, forum_id: UUID, thread_id: UUID) -> Thread | None:
    row = (
        await session.execute(
            select(forum_threads).where(
                forum_threads.c.forum_id == forum_id, forum_threads.c.id == thread_id
            )
        )
    ).first()
    return _thread(row) if row is not None else None


async def threads_page(
    session: AsyncSession, forum_id: UUID, *, cursor: str | None, limit: int
) -> list[Thread]:
    """Newest first; ``limit + 1`` rows so the caller knows whether more exist."""
    query = select(forum_threads).where(forum_threads.c.forum_id == forum_id)
    query = keyset(query, [forum_threads.c.seq], cursor, limit, descending=True)
    rows = (await session.execute(query)).all()
    return [_thread(row) for row in rows]


async def next_post_seq(session: AsyncSession, thread_id: UUID, now: datetime) -> int | None:
    """The next post number of an unlocked thread; None if it is locked."""
    seq = await session.scalar(
        update(forum_threads)
        .where(forum_threads.c.id == thread_id, forum_threads.c.locked.is_(False))
        .values(post_seq=forum_threads.c.post_seq + 1, last_post_at=now)
        .returning(forum_threads.c.post_seq)
    )
    return int(seq) if seq is not None else None


async def set_locked(session: AsyncSession, thread_id: UUID, locked: bool) -> None:
    await session.execute(
        update(forum_threads).where(forum_threads.c.id == thread_id).values(locked=locked)
    )


async def add_post(session: AsyncSession, post: Post) -> None:
    assert post.body is not None
    await session.execute(
        forum_posts.insert().values(
            id=post.id,
            thread_id=post.thread_id,
            forum_id=post.forum_id,
            seq=post.seq,
            **_author_values(post.author),
            in_reply_to=post.in_reply_to,
            text_format=post.text_format,
            length=post.length,
            body_nonce=post.body.nonce,
            body_ciphertext=post.body.ciphertext,
            hidden=False,
            posted_at=post.posted_at,
        )
    )


async def post(session: AsyncSession, forum_id: UUID, post_id: UUID) -> Post | None:
    row = (
        await session.execute(
            select(forum_posts).where(
                forum_posts.c.forum_id == forum_id, forum_posts.c.id == post_id
            )
        )
    ).first()
    return _post(row) if row is not None else None


async def posts_page(
    session: AsyncSession, thread_id: UUID, *, cursor: str | None, limit: int
) -> list[Post]:
    """Oldest first (a thread reads top to bottom)."""
    query = select(forum_posts).where(forum_posts.c.thread_id == thread_id)
    rows = (await session.execute(keyset(query, [forum_posts.c.seq], cursor, limit))).all()
    return [_post(row) for row in rows]


async def set_hidden(session: AsyncSession, post_id: UUID, hidden: bool, now: datetime) -> None:
    await session.execute(
        update(forum_posts)
        .where(forum_posts.c.id == post_id)
        .values(hidden=hidden, hidden_at=now if hidden else None)
    )


async def by_author(session: AsyncSession, subject: str) -> tuple[list[Thread], list[Post]]:
    threads = (
        await session.execute(
            select(forum_threads)
            .where(forum_threads.c.author_subject == subject)
            .order_by(forum_threads.c.created_at)
        )
    ).all()
    posts = (
        await session.execute(
            select(forum_posts)
            .where(forum_posts.c.author_subject == subject)
            .order_by(forum_posts.c.posted_at)
        )
    ).all()
    return [_thread(r) for r in threads], [_post(r) for r in posts]


async def erase_author(session: AsyncSession, participant_id: UUID, now: datetime) -> int:
    """Destroy the author's titles and bodies and unlink them; threads stay for the replies."""
    erased = {"author_subject": None, "author_participant_id": None, "author_erased": True}
    await session.execute(
        update(forum_threads)
        .where(forum_threads.c.author_participant_id == participant_id)
        .values(title_nonce=None, title_ciphertext=None, **erased)
    )
    result = await session.execute(
        update(forum_posts)
        .where(forum_posts.c.author_participant_id == participant_id)
        .values(
            body_nonce=None,
            body_ciphertext=None,
            deleted_at=func.coalesce(forum_posts.c.deleted_at, now),
            **erased,
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def purge_group_forum(session: AsyncSession, relationship_id: UUID, now: datetime) -> None:
    forum_ids = select(forums.c.id).where(forums.c.relationship_id == relationship_id)
    await session.execute(
        update(forum_posts)
        .where(forum_posts.c.forum_id.in_(forum_ids))
        .values(body_nonce=None, body_ciphertext=None, deleted_at=now)
    )
    await session.execute(
        update(forum_threads)
        .where(forum_threads.c.forum_id.in_(forum_ids))
        .values(title_nonce=None, title_ciphertext=None)
    )
    await session.execute(
        update(forums)
        .where(forums.c.relationship_id == relationship_id)
        .values(wrapped_key_nonce=None, wrapped_key_ciphertext=None)
    )
