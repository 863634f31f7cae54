"""Forums, threads, posts and their authors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from tandem_messaging.domain.content import Ciphertext


@dataclass(frozen=True, slots=True)
class Author:
    subject: str | None
    participant_id: UUID | None
    role: str | None
    erased: bool = False


@dataclass(frozen=True, slots=True)
class Forum:
    id: UUID
    programme_id: UUID
    relationship_id: UUID | None
    title: str
    wrapped_key: Ciphertext | None
    thread_count: int
    created_at: datetime  # orders a programme's forums (oldest, the programme's, first)


@dataclass(frozen=True, slots=True)
class Thread:
    id: UUID
    forum_id: UUID
    seq: int
    author: Author
    title: Ciphertext | None
    locked: bool
    post_count: int
    created_at: datetime
    last_post_at: datetime


@dataclass(frozen=True, slots=True)
class Post:
    id: UUID
    thread_id: UUID
    forum_id: UUID
    seq: int
    author: Author
    in_reply_to: UUID | None
    text_format: str
    length: int
    body: Ciphertext | None
    hidden: bool
    posted_at: datetime
    deleted_at: datetime | None = None
