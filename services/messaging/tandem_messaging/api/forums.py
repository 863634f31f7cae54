"""Forums: a programme's (its participants and managers) and each group's (its members)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, status

from tandem_kit.api import Page, PageCursor, PageLimit
from tandem_kit.auth import CurrentPrincipal
from tandem_messaging.api.deps import Ctx, problems
from tandem_messaging.schemas.forums import (
    ForumPublic,
    PostCreate,
    PostPublic,
    ThreadCreate,
    ThreadPublic,
)
from tandem_messaging.service import forums as use

router = APIRouter(prefix="/v1", tags=["forums"])


@router.get(
    "/programmes/{programme_id}/forums",
    summary="Forums you can read",
    description="The programme forum, and the forums of your groups. Managers also "
    "see groups' forums listed (to moderate reported posts by id).",
    responses=problems(400, 404),
)
async def list_forums(
    programme_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    cursor: PageCursor = None,
    limit: PageLimit = 50,
) -> Page[ForumPublic]:
    return await use.list_forums(ctx, principal, programme_id, cursor=cursor, limit=limit)


@router.get(
    "/forums/{forum_id}/threads",
    summary="Threads, newest first",
    responses=problems(400, 403, 404),
)
async def list_threads(
    forum_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    cursor: PageCursor = None,
    limit: PageLimit = 50,
) -> Page[ThreadPublic]:
    return await use.list_threads(ctx, principal, forum_id, cursor=cursor, limit=limit)


@router.post(
    "/forums/{forum_id}/threads",
    status_code=status.HTTP_201_CREATED,
    summary="Start a thread (with its first post)",
    description="Emits `forum.post.created` for the first post.",
    responses=problems(403, 404, 409, 413),
)
async def create_thread(
    forum_id: UUID, body: ThreadCreate, principal: CurrentPrincipal, ctx: Ctx
) -> ThreadPublic:
    return await use.create_thread(ctx, principal, forum_id, body)


@router.get(
    "/forums/{forum_id}/threads/{thread_id}", summary="One thread", responses=problems(403, 404)
)
async def get_thread(
    forum_id: UUID, thread_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> ThreadPublic:
    return await use.get_thread(ctx, principal, forum_id, thread_id)


@router.get(
    "/forums/{forum_id}/threads/{thread_id}/posts",
    summary="Posts, oldest first",
    responses=problems(400, 403, 404),
)
async def list_posts(
    forum_id: UUID,
    thread_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    cursor: PageCursor = None,
    limit: PageLimit = 50,
) -> Page[PostPublic]:
    return await use.list_posts(ctx, principal, forum_id, thread_id, cursor=cursor, limit=limit)


@router.post(
    "/forums/{forum_id}/threads/{thread_id}/posts",
    status_code=status.HTTP_201_CREATED,
    summary="Post in a thread (or reply to a post)",
    description="409 when the thread is locked. Emits `forum.post.created`.",
    responses=problems(403, 404, 409, 413),
)
async def create_post(
    forum_id: UUID, thread_id: UUID, body: PostCreate, principal: CurrentPrincipal, ctx: Ctx
) -> PostPublic:
    return await use.create_post(ctx, principal, forum_id, thread_id, body)
