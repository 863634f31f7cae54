"""What a mentee or mentor sees of their mentoring, as records the pages render: built
by the adapters from the services' answers, combined here by pure rules."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

T = TypeVar("T")

# The roles a token grants in a programme (tandem_kit's claim: "mentee:<programme id>").
PARTICIPANT_ROLES = ("mentor", "mentee")


@dataclass(frozen=True, slots=True)
class Grants:
    """The programmes a token makes its bearer a participant or a manager of."""

    participant: tuple[uuid.UUID, ...] = ()
    manager: tuple[uuid.UUID, ...] = ()


def grants_of(claims: Mapping[str, object]) -> Grants:
    """The ``tandem_roles`` claim read into programmes; anything unreadable is ignored
    (the services verify the token and decide; this only chooses what to ask them)."""
    roles = claims.get("tandem_roles")
    participant: list[uuid.UUID] = []
    manager: list[uuid.UUID] = []
    for grant in roles if isinstance(roles, list) else []:
        role, _, programme = str(grant).partition(":")
        try:
            programme_id = uuid.UUID(programme)
        except ValueError:
            continue
        if role in PARTICIPANT_ROLES and programme_id not in participant:
            participant.append(programme_id)
        elif role == "manager" and programme_id not in manager:
            manager.append(programme_id)
    return Grants(tuple(participant), tuple(manager))


@dataclass(frozen=True, slots=True)
class Profile:
    """The viewer's own participant record in one programme (matching's)."""

    participant_id: uuid.UUID
    programme_id: uuid.UUID
    role: str
    time_zone: str | None


@dataclass(frozen=True, slots=True)
class Relationship:
    id: uuid.UUID
    programme_id: uuid.UUID
    status: str
    # The other members' names (the viewer left out), as matching shows them.
    others: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Conversation:
    id: uuid.UUID
    relationship_id: uuid.UUID
    unread: int
    read_only: bool
    others: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Meeting:
    id: uuid.UUID
    relationship_id: uuid.UUID
    starts_at: datetime
    ends_at: datetime
    mode: str
    cancelled: bool
    # The viewer's own answer to the invitation (None: not invited).
    my_answer: str | None


@dataclass(frozen=True, slots=True)
class Agreement:
    relationship_id: uuid.UUID
    status: str
    waiting_for_me: bool


@dataclass(frozen=True, slots=True)
class Message:
    id: uuid.UUID
    author: str
    body: str
    posted_at: datetime
    mine: bool
    deleted: bool
    in_reply_to: uuid.UUID | None = None  # the message this one answers
    edited_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Section(Generic[T]):
    """One service's part of a page: its value, or that the service did not answer
    (the page says so in that section instead of failing whole)."""

    value: T | None
    unavailable: bool = False

    @classmethod
    def down(cls) -> Section[T]:
        return cls(None, unavailable=True)


def others_than(
    me: Iterable[uuid.UUID], members: Iterable[tuple[uuid.UUID, str | None]]
) -> tuple[str, ...]:
    """The names of the members who are not the viewer (an unnamed one stays unnamed)."""
    mine = set(me)
    return tuple(name or "?" for member, name in members if member not in mine)


def upcoming(meetings: Iterable[Meeting], now: datetime) -> list[Meeting]:
    """Scheduled meetings that have not ended, soonest first."""
    return sorted(
        (m for m in meetings if not m.cancelled and m.ends_at > now), key=lambda m: m.starts_at
    )


def next_meeting(meetings: Iterable[Meeting], now: datetime) -> Meeting | None:
    found = upcoming(meetings, now)
    return found[0] if found else None


def rsvps_waiting(meetings: Iterable[Meeting], now: datetime) -> list[Meeting]:
    """Upcoming meetings the viewer has not answered yet."""
    return [m for m in upcoming(meetings, now) if m.my_answer == "needs_action"]


def viewer_zone(profiles: Sequence[Profile], browser: str | None, known: frozenset[str]) -> str:
    """The zone times are shown in: the viewer's profile's, else the browser's, else UTC
    (a zone not in the tz database is never used)."""
    for candidate in [*(p.time_zone for p in profiles), browser]:
        if candidate and candidate in known:
            return candidate
    return "UTC"
