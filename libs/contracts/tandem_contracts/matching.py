"""Events published by the matching service on ``tandem.matching.v1``."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import ClassVar
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from tandem_contracts.base import Event
from tandem_contracts.common import (
    AvailabilityWindow,
    Contact,
    CountryCode,
    GoalToken,
    LanguageCode,
    MailOverrides,
    MentoringFormat,
    Modality,
    Reach,
    Role,
)

_REACH = (
    "How far apart the members of a face-to-face relationship may live (the programme's "
    "matching policy): face-to-face places are suggested only within it."
)


class MatchingEvent(Event):
    producer: ClassVar = "matching"


class ProgrammeCreated(MatchingEvent):
    event_type: ClassVar = "tandem.programme.created.v1"

    organisation_id: UUID
    name: str
    countries: list[CountryCode]
    languages: list[LanguageCode]
    starts_on: date
    ends_on: date
    formats: list[MentoringFormat]
    managers: list[Contact] = Field(description="Who manages the programme (for their mails).")
    mail_overrides: MailOverrides = Field(
        default_factory=dict,
        description="The programme's own wording of mail templates, per template id and "
        "language; services that mail apply it over their catalogs.",
    )
    time_zone: str = Field(
        default="UTC",
        description="The programme's reference IANA time zone, e.g. Europe/Berlin: its weeks, "
        "deadlines and digests are in it, and its end date ends at midnight there.",
    )
    face_to_face_reach: Reach = Field(default=Reach.SAME_CITY, description=_REACH)


class ProgrammeUpdated(MatchingEvent):
    """A programme's name, mail wording, reference time zone or face-to-face reach
    changed: its current state, not a difference."""

    event_type: ClassVar = "tandem.programme.updated.v1"

    name: str
    languages: list[LanguageCode]
    mail_overrides: MailOverrides = Field(default_factory=dict)
    time_zone: str = Field(default="UTC", description="The programme's reference IANA time zone.")
    face_to_face_reach: Reach = Field(default=Reach.SAME_CITY, description=_REACH)


class ParticipantProfileFacts(MatchingEvent):
    """The facts of a profile that other services act on (scheduling, statistics).

    Ids and facts only: how to reach the person (name, e-mail, ...) travels as a
    :class:`tandem_contracts.contacts.ParticipantContact` on the compacted contacts
    topic, which erasure tombstones. (v1 of these types carried the contact here,
    where it stayed for the topic's whole retention after an erasure.)
    """

    participant_id: UUID
    subject: str = Field(description="The person's identity: the bearer token's `sub`.")
    role: Role
    country: CountryCode
    languages: list[LanguageCode]
    availability: list[AvailabilityWindow]
    modality: Modality = Field(
        default=Modality.EITHER,
        description="How the person can meet: an online-only member makes a relationship's "
        "face-to-face activities online.",
    )
    goals: list[GoalToken] = Field(
        default_factory=list,
        description="A mentee's employment goals as matching's tokens (e.g. cv, interviews, "
        "networking), never free text: a relationship's goals start from them. Empty for "
        "mentors.",
    )


class ParticipantRegistered(ParticipantProfileFacts):
    event_type: ClassVar = "tandem.participant.registered.v2"


class ParticipantUpdated(ParticipantProfileFacts):
    event_type: ClassVar = "tandem.participant.updated.v2"


class ParticipantWithdrawn(MatchingEvent):
    event_type: ClassVar = "tandem.participant.withdrawn.v1"

    participant_id: UUID


class ParticipantErased(MatchingEvent):
    """Every service deletes or shreds what it holds about this participant."""

    event_type: ClassVar = "tandem.participant.erased.v1"

    participant_id: UUID
    subject: str


class MatchProposed(MatchingEvent):
    event_type: ClassVar = "tandem.match.proposed.v1"

    relationship_id: UUID
    match_run_id: UUID | None
    mentor_id: UUID
    mentee_ids: list[UUID]
    format: MentoringFormat
    score: float = Field(ge=0, le=1)
    criterion_scores: dict[str, float] | None = Field(
        default=None,
        description="Each soft criterion's own score (0-1, before its weight; a group's "
        "mean over its mentees), so that analytics can learn which criteria go with "
        "completion. Absent from older producers.",
    )


class Member(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    participant_id: UUID
    subject: str
    role: Role


class RelationshipStarted(MatchingEvent):
    event_type: ClassVar = "tandem.relationship.started.v1"

    relationship_id: UUID
    format: MentoringFormat
    members: list[Member]
    starts_on: date
    agreed_end_date: date


class EndedBy(StrEnum):
    MENTEE = "mentee"
    MENTOR = "mentor"
    MANAGER = "manager"
    SYSTEM = "system"


class EndReason(StrEnum):
    PROGRAMME_COMPLETED = "programme_completed"
    GOALS_REACHED = "goals_reached"
    NO_TIME = "no_time"
    POOR_FIT = "poor_fit"
    FOUND_EMPLOYMENT = "found_employment"
    MISCONDUCT = "misconduct"
    PARTICIPANT_WITHDREW = "participant_withdrew"
    PARTICIPANT_ERASED = "participant_erased"
    OTHER = "other"


class RelationshipEnded(MatchingEvent):
    event_type: ClassVar = "tandem.relationship.ended.v1"

    relationship_id: UUID
    outcome: str = Field(pattern="^(completed|ended_early)$")
    ended_by: EndedBy
    reason: EndReason


class RematchOffered(MatchingEvent):
    """A mentee whose relationship ended early is offered a new match (messaging tells her;
    she accepts or declines through matching's API). Ids and facts only."""

    event_type: ClassVar = "tandem.rematch.offered.v1"

    relationship_id: UUID = Field(description="The relationship that ended early.")
    offer_id: UUID = Field(description="GET/POST /v1/programmes/{pid}/rematching-offers/{id}")
    mentee_id: UUID
    offered_at: datetime
