"""A programme's forums as their pages show them: the forums a viewer reads, a forum's
threads, a thread's posts, and why a page cannot be shown. Forums are not private
conversations: their managers read and moderate the programme's forum (messaging
decides, and refuses a group's forum to them)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

# Messaging's limits (its settings' defaults): longer is refused here, before asking it.
MAX_TITLE = 200
MAX_BODY = 10_000


class ForumShown(StrEnum):
    """What a forum page can show: the forum, or the reason it cannot."""

    SHOWN = "shown"
    FORBIDDEN = "forbidden"  # messaging refuses: a manager at a group's forum
    MISSING = "missing"  # no such forum or thread, or not one of the viewer's programmes
    LOCKED = "locked"  # a locked thread, or an ended group's forum: posts are refused
    UNAVAILABLE = "unavailable"  # messaging is not answering


STATUS = {
    ForumShown.SHOWN: 200,
    ForumShown.FORBIDDEN: 403,
    ForumShown.MISSING: 404,
    ForumShown.LOCKED: 409,
    ForumShown.UNAVAILABLE: 503,
}


def forum_refusal(status: int) -> ForumShown:
    """What a refusal by messaging (its status) means for a forum page."""
    return {403: ForumShown.FORBIDDEN, 409: ForumShown.LOCKED}.get(status, ForumShown.MISSING)


@dataclass(frozen=True, slots=True)
class Forum:
    id: uuid.UUID
    programme_id: uuid.UUID
    kind: str  # programme | group
    thread_count: int


@dataclass(frozen=True, slots=True)
class Thread:
    id: uuid.UUID
    forum_id: uuid.UUID
    title: str
    author: str
    locked: bool
    post_count: int
    created_at: datetime
    last_post_at: datetime


@dataclass(frozen=True, slots=True)
class Post:
    id: uuid.UUID
    seq: int
    author: str
    body: str
    posted_at: datetime
    in_reply_to: uuid.UUID | None
    mine: bool
    hidden: bool  # hidden by a moderator: members see messaging's placeholder
    deleted: bool


@dataclass(frozen=True, slots=True)
class ForumsPage:
    shown: ForumShown
    programme_id: uuid.UUID
    zone: str
    forums: tuple[Forum, ...] = ()

    @property
    def status(self) -> int:
        return STATUS[self.shown]


@dataclass(frozen=True, slots=True)
class ThreadsPage:
    shown: ForumShown
    forum_id: uuid.UUID
    zone: str
    forum: Forum | None = None  # None: not among the viewer's programmes' listed forums
    threads: tuple[Thread, ...] = ()
    moderator: bool = False

    @property
    def status(self) -> int:
        return STATUS[self.shown]


@dataclass(frozen=True, slots=True)
class ThreadPage:
    shown: ForumShown
    forum_id: uuid.UUID
    zone: str
    thread: Thread | None = None
    posts: tuple[Post, ...] = ()
    moderator: bool = False
    by_id: dict[uuid.UUID, Post] = field(default_factory=dict)

    @property
    def status(self) -> int:
        return STATUS[self.shown]

    def post(self, post_id: uuid.UUID | None) -> Post | None:
        """One of the thread's posts (the one a reply answers), if shown here."""
        return self.by_id.get(post_id) if post_id is not None else None


def thread_page(
    forum_id: uuid.UUID, zone: str, thread: Thread, posts: list[Post], moderator: bool
) -> ThreadPage:
    return ThreadPage(
        ForumShown.SHOWN,
        forum_id,
        zone,
        thread,
        tuple(posts),
        moderator,
        {p.id: p for p in posts},
    )


def blank(text: str) -> bool:
    """Nothing but white space: refused here, with what was typed kept."""
    return not text.strip()
