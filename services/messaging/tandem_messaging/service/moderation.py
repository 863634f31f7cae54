"""Managers moderate their programme's forums: hide a post, lock a thread.

Works by id on group forums too, so a reported post can be hidden without the
manager reading the group's forum.
"""

from __future__ import annotations

from uuid import UUID

from tandem_kit.auth import Principal
from tandem_kit.errors import NotFound
from tandem_messaging.adapters import forums
from tandem_messaging.schemas.moderation import (
    PostVisibility,
    PostVisibilityPublic,
    ThreadLock,
    ThreadLockPublic,
)
from tandem_messaging.service.access import forum_moderator
from tandem_messaging.service.context import Context


async def lock_thread(
    ctx: Context, principal: Principal, forum_id: UUID, thread_id: UUID, change: ThreadLock
) -> ThreadLockPublic:
    async with ctx.database.transaction() as session:
        await forum_moderator(session, principal, forum_id)
        if await forums.thread(session, forum_id, thread_id) is None:
            raise NotFound("No such thread in this forum.", code="thread_not_found")
        await forums.set_locked(session, thread_id, change.locked)
    return ThreadLockPublic(thread_id=thread_id, locked=change.locked)


async def hide_post(
    ctx: Context, principal: Principal, forum_id: UUID, post_id: UUID, change: PostVisibility
) -> PostVisibilityPublic:
    async with ctx.database.transaction() as session:
        await forum_moderator(session, principal, forum_id)
        if await forums.post(session, forum_id, post_id) is None:
            raise NotFound("No such post in this forum.", code="post_not_found")
        await forums.set_hidden(session, post_id, change.hidden, ctx.now())
    return PostVisibilityPublic(post_id=post_id, hidden=change.hidden)
