"""Moderation by the programme's managers: lock threads, hide posts."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_kit.auth import CurrentPrincipal
from tandem_messaging.api.deps import Ctx, problems
from tandem_messaging.schemas.moderation import (
    PostVisibility,
    PostVisibilityPublic,
    ThreadLock,
    ThreadLockPublic,
)
from tandem_messaging.service import moderation as use

router = APIRouter(prefix="/v1/forums/{forum_id}", tags=["moderation"])


@router.put(
    "/threads/{thread_id}/lock",
    summary="Lock or unlock a thread (manager)",
    description="A locked thread keeps its posts; new posts get 409.",
    responses=problems(403, 404),
)
async def lock_thread(
    forum_id: UUID, thread_id: UUID, body: ThreadLock, principal: CurrentPrincipal, ctx: Ctx
) -> ThreadLockPublic:
    return await use.lock_thread(ctx, principal, forum_id, thread_id, body)


@router.put(
    "/posts/{post_id}/visibility",
    summary="Hide or show a post (manager)",
    description="Members see '[hidden]' in its place; moderators still see it.",
    responses=problems(403, 404),
)
async def hide_post(
    forum_id: UUID, post_id: UUID, body: PostVisibility, principal: CurrentPrincipal, ctx: Ctx
) -> PostVisibilityPublic:
    return await use.hide_post(ctx, principal, forum_id, post_id, body)
