"""Programme and group forums: threads and posts."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, Field

from tandem_kit.api import RequestModel
from tandem_messaging.domain.content import TextFormat
from tandem_messaging.schemas.common import Person, examples

_FORUM = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"
_THREAD = "6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918"
_AUTHOR = {
    "participant_id": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
    "role": "mentee",
    "display_name": "Ana Pérez",
}


class ForumPublic(BaseModel):
    model_config = examples(
        {
            "id": _FORUM,
            "programme_id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
            "relationship_id": None,
            "kind": "programme",
            "title": "Programme forum",
            "thread_count": 4,
        }
    )

    id: UUID
    programme_id: UUID
    relationship_id: UUID | None = Field(description="Set for a group's own forum.")
    kind: Literal["programme", "group"]
    title: str
    thread_count: int


class ThreadCreate(RequestModel):
    model_config = examples(
        {
            "title": "Interview tips for career changers",
            "body": "What helped you most when you **changed sectors**?",
            "format": "markdown",
        }
    )

    title: str = Field(min_length=1, description="At most the configured length (200) → 413.")
    body: str = Field(description="The first post; plain text or Markdown source.")
    format: TextFormat = TextFormat.PLAIN


class ThreadPublic(BaseModel):
    model_config = examples(
        {
            "id": _THREAD,
            "forum_id": _FORUM,
            "seq": 4,
            "title": "Interview tips for career changers",
            "author": _AUTHOR,
            "locked": False,
            "post_count": 3,
            "created_at": "2026-03-02T08:00:00Z",
            "last_post_at": "2026-03-02T10:30:00Z",
        }
    )

    id: UUID
    forum_id: UUID
    seq: int
    title: str = Field(description="'[deleted]' once its author was erased.")
    author: Person
    locked: bool
    post_count: int
    created_at: datetime
    last_post_at: datetime


class PostCreate(RequestModel):
    model_config = examples(
        {"body": "Practise the *why this sector* answer out loud.", "format": "markdown"}
    )

    body: str
    format: TextFormat = TextFormat.PLAIN
    in_reply_to: UUID | None = Field(default=None, description="A post of the same thread.")


class PostPublic(BaseModel):
    model_config = examples(
        {
            "id": "4d3c2b1a-0f9e-4d8c-b7a6-958473625140",
            "thread_id": _THREAD,
            "forum_id": _FORUM,
            "seq": 2,
            "author": _AUTHOR,
            "body": "Practise the *why this sector* answer out loud.",
            "format": "markdown",
            "in_reply_to": None,
            "posted_at": "2026-03-02T10:30:00Z",
            "hidden": False,
            "deleted": False,
        }
    )

    id: UUID
    thread_id: UUID
    forum_id: UUID
    seq: int
    author: Person
    body: str = Field(
        description="'[hidden]' for members when a moderator hid it; "
        "'[deleted]' once its author was erased."
    )
    format: TextFormat
    in_reply_to: UUID | None
    posted_at: datetime
    hidden: bool
    deleted: bool
