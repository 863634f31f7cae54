"""The relationship life cycle, as pure transitions on records.

``proposed → active → completed`` (at the programme's end) or ``→ ended_early`` (by a
mentee, a mentor or a manager, with a reason); ``proposed → declined`` (one member
declines, or a member leaves the programme). A relationship starts when every member
accepted. Each transition checks the state it starts from and raises
:class:`TransitionRefused` (the service turns it into a 409 problem) when it may not
happen; nothing here reads a clock, a database or a token.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from uuid import UUID

from tandem_contracts.common import MentoringFormat, Role
from tandem_contracts.matching import EndedBy, EndReason


class RelationshipStatus(StrEnum):
    PROPOSED = "proposed"
    ACTIVE = "active"
    COMPLETED = "completed"
    DECLINED = "declined"
    ENDED_EARLY = "ended_early"


class MemberResponse(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"


# Statuses that occupy a participant: they are not waiting while in one.
OPEN_STATUSES = (RelationshipStatus.PROPOSED, RelationshipStatus.ACTIVE)
# Statuses after which the pair is not matched again.
REFUSED_STATUSES = (RelationshipStatus.DECLINED, RelationshipStatus.ENDED_EARLY)
# Reasons only the system gives; a person ending a relationship picks one of the others.
SYSTEM_REASONS = frozenset({EndReason.PROGRAMME_COMPLETED, EndReason.PARTICIPANT_ERASED})


@dataclass(frozen=True, slots=True)
class Relationship:
    id: UUID
    programme_id: UUID
    run_id: UUID | None
    request_id: UUID | None  # set when a mentee chose the mentor
    mentor_id: UUID
    format: MentoringFormat
    status: RelationshipStatus
    score: float
    created_at: dt.datetime
    updated_at: dt.datetime
    starts_on: dt.date | None
    agreed_end_date: dt.date
    ended_at: dt.datetime | None
    ended_by: EndedBy | None
    end_reason: EndReason | None


@dataclass(frozen=True, slots=True)
class Member:
    """One member of a relationship and their answer; the person's current public facts
    (``subject`` … ``linkedin_consent``) are filled when read with the participant."""

    relationship_id: UUID
    participant_id: UUID
    role: Role
    response: MemberResponse
    responded_at: dt.datetime | None
    # Mentees only: {"score": …, "criteria": […]}; nulled on erasure.
    explanation: Mapping[str, object] | None
    subject: str | None = None
    display_name: str | None = None
    linkedin_url: str | None = None
    linkedin_consent: bool = False
    # The person's IANA zone, so the other members can see their local time (not sealed).
    time_zone: str | None = None


class TransitionRefused(Exception):
    """The relationship is not in a state that allows this; ``code`` is the problem code."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class Responded:
    """A member's answer: the relationship and its members after it, and whether it started."""

    relationship: Relationship
    members: tuple[Member, ...]
    member: Member
    started: bool


def propose(
    *,
    relationship_id: UUID,
    programme_id: UUID,
    mentor_id: UUID,
    mentees: Sequence[tuple[UUID, Mapping[str, object] | None]],
    format: MentoringFormat,
    score: float,
    agreed_end_date: dt.date,
    at: dt.datetime,
    run_id: UUID | None = None,
    request_id: UUID | None = None,
    started_on: dt.date | None = None,
) -> tuple[Relationship, tuple[Member, ...]]:
    """A new relationship: ``proposed``, or ``active`` from ``started_on`` when every member
    already agreed (a mentor accepting a mentee's request)."""
    active = started_on is not None
    relationship = Relationship(
        id=relationship_id,
        programme_id=programme_id,
        run_id=run_id,
        request_id=request_id,
        mentor_id=mentor_id,
        format=format,
        status=RelationshipStatus.ACTIVE if active else RelationshipStatus.PROPOSED,
        score=score,
        created_at=at,
        updated_at=at,
        starts_on=started_on,
        agreed_end_date=agreed_end_date,
        ended_at=None,
        ended_by=None,
        end_reason=None,
    )
    response = MemberResponse.ACCEPTED if active else MemberResponse.PENDING
    responded_at = at if active else None
    members = [
        Member(relationship_id, mentor_id, Role.MENTOR, response, responded_at, None),
        *(
            Member(relationship_id, mentee_id, Role.MENTEE, response, responded_at, explained)
            for mentee_id, explained in mentees
        ),
    ]
    return relationship, tuple(members)


def respond(
    relationship: Relationship,
    members: Sequence[Member],
    participant_id: UUID,
    *,
    accept: bool,
    today: dt.date,
    programme_starts_on: dt.date,
    programme_ends_on: dt.date,
    at: dt.datetime,
) -> Responded:
    """A member accepts or declines a proposed relationship. One decline declines it; the
    last acceptance starts it, on ``today`` or the programme's start, whichever is later."""
    if relationship.status is not RelationshipStatus.PROPOSED:
        raise TransitionRefused(
            f"The relationship is {relationship.status}, not proposed.",
            "relationship_not_proposed",
        )
    mine = next(m for m in members if m.participant_id == participant_id)
    if mine.response is not MemberResponse.PENDING:
        raise TransitionRefused(
            f"You already {mine.response} this relationship.", "already_responded"
        )
    if today > programme_ends_on:
        raise TransitionRefused("The programme has ended.", "programme_ended")
    answer = MemberResponse.ACCEPTED if accept else MemberResponse.DECLINED
    answered = replace(mine, response=answer, responded_at=at)
    after = tuple(answered if m.participant_id == participant_id else m for m in members)
    started = accept and all(m.response is MemberResponse.ACCEPTED for m in after)
    if not accept:
        relationship = replace(relationship, status=RelationshipStatus.DECLINED, updated_at=at)
    elif started:
        relationship = replace(
            relationship,
            status=RelationshipStatus.ACTIVE,
            starts_on=max(today, programme_starts_on),
            updated_at=at,
        )
    else:
        relationship = replace(relationship, updated_at=at)
    return Responded(relationship, after, answered, started)


def end_early(
    relationship: Relationship, by: EndedBy, reason: EndReason, at: dt.datetime
) -> Relationship:
    """An active relationship ends before the programme does."""
    if relationship.status is not RelationshipStatus.ACTIVE:
        raise TransitionRefused(
            f"The relationship is {relationship.status}, not active.", "relationship_not_active"
        )
    return _ended(relationship, RelationshipStatus.ENDED_EARLY, by, reason, at)


def complete(relationship: Relationship, at: dt.datetime) -> Relationship:
    """An active relationship completes because its programme ended (the system's act)."""
    if relationship.status is not RelationshipStatus.ACTIVE:
        raise TransitionRefused(
            f"The relationship is {relationship.status}, not active.", "relationship_not_active"
        )
    return _ended(
        relationship,
        RelationshipStatus.COMPLETED,
        EndedBy.SYSTEM,
        EndReason.PROGRAMME_COMPLETED,
        at,
    )


def close(
    relationship: Relationship, by: EndedBy, reason: EndReason, at: dt.datetime
) -> Relationship:
    """A member leaves the programme: an active relationship ends early, a proposed one is
    declined (on the leaving member's behalf)."""
    if relationship.status is RelationshipStatus.ACTIVE:
        return end_early(relationship, by, reason, at)
    if relationship.status is RelationshipStatus.PROPOSED:
        return replace(relationship, status=RelationshipStatus.DECLINED, updated_at=at)
    raise TransitionRefused(
        f"The relationship is {relationship.status}, not open.", "relationship_not_open"
    )


def ender(members: Sequence[Member], participant_id: UUID | None) -> EndedBy:
    """Who ends it: the caller's role when a member, else their manager."""
    mine = next((m for m in members if m.participant_id == participant_id), None)
    return EndedBy(mine.role.value) if mine else EndedBy.MANAGER


def _ended(
    relationship: Relationship,
    status: RelationshipStatus,
    by: EndedBy,
    reason: EndReason,
    at: dt.datetime,
) -> Relationship:
    return replace(
        relationship, status=status, ended_at=at, ended_by=by, end_reason=reason, updated_at=at
    )
