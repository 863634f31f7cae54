"""The participant's home page, "what next", as one record: each part is the section of
the service it comes from, so a service that is down blanks its sections only."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from tandem_web.domain.check_ins import CheckIn
from tandem_web.domain.goals import Goal
from tandem_web.domain.participants import (
    Agreement,
    Conversation,
    Meeting,
    Relationship,
    Section,
    next_meeting,
    rsvps_waiting,
)
from tandem_web.domain.rematching import Offer

# Relationships whose members have something to do together (a proposed one waits for
# acceptance in matching; a declined one is over before it began).
STARTED = frozenset({"active", "completed", "ended_early"})


@dataclass(frozen=True, slots=True)
class ParticipantHome:
    zone: str
    relationships: Section[list[Relationship]]
    conversations: Section[list[Conversation]]
    meetings: Section[list[Meeting]]
    agreements: Section[list[Agreement]]
    # A mentee's re-matching offers waiting for her answer (a relationship ended early).
    offers: Section[list[Offer]]
    # The viewer's check-ins waiting for an answer (analytics), and open goals whose
    # target date has come (meetings).
    check_ins: Section[list[CheckIn]]
    goals_due: Section[list[tuple[uuid.UUID, Goal]]]
    # relationship id -> the other members' names, from whichever service knew them
    names: Mapping[uuid.UUID, tuple[str, ...]]
    now: datetime

    @property
    def unread(self) -> int:
        return sum(c.unread for c in self.conversations.value or [])

    @property
    def next_meeting(self) -> Meeting | None:
        return next_meeting(self.meetings.value or [], self.now)

    @property
    def rsvps_waiting(self) -> list[Meeting]:
        return rsvps_waiting(self.meetings.value or [], self.now)

    @property
    def agreements_waiting(self) -> list[Agreement]:
        return [a for a in self.agreements.value or [] if a.waiting_for_me]

    def with_whom(self, relationship_id: uuid.UUID) -> str:
        return ", ".join(self.names.get(relationship_id, ()))


def started_relationships(
    relationships: Iterable[Relationship], conversations: Iterable[Conversation]
) -> list[uuid.UUID]:
    """The relationships to ask meetings and agreements about: matching's started ones,
    and any messaging has a conversation for (when matching did not answer)."""
    ids = [r.id for r in relationships if r.status in STARTED]
    ids += [c.relationship_id for c in conversations if c.relationship_id not in ids]
    return ids


def names_of(
    relationships: Iterable[Relationship], conversations: Iterable[Conversation]
) -> dict[uuid.UUID, tuple[str, ...]]:
    names = {c.relationship_id: c.others for c in conversations}
    names |= {r.id: r.others for r in relationships}  # matching's names win
    return names
