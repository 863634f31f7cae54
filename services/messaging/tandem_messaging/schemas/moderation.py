"""Moderation of forums: locking threads, hiding posts."""

from __future__ import annotations

from uuid import UUID

from tandem_kit.api import RequestModel
from tandem_messaging.schemas.common import examples


class ThreadLock(RequestModel):
    model_config = examples({"locked": True})

    locked: bool


class ThreadLockPublic(ThreadLock):
    thread_id: UUID


class PostVisibility(RequestModel):
    model_config = examples({"hidden": True})

    hidden: bool


class PostVisibilityPublic(PostVisibility):
    post_id: UUID
