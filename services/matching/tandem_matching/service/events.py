"""Contract events built from rows: only ids, facts and the contacts consumers need."""

from __future__ import annotations

import datetime as dt
from typing import Any
from uuid import UUID

from tandem_contracts.common import Contact, MentoringFormat, Role
from tandem_contracts.matching import (
    EndedBy,
    EndReason,
    MatchProposed,
    Member,
    ParticipantErased,
    ParticipantRegistered,
    ParticipantUpdated,
    ParticipantWithdrawn,
    ProgrammeCreated,
    RelationshipEnded,
    RelationshipStarted,
)


def programme_created(row: dict[str, Any], managers: list[dict[str, Any]]) -> ProgrammeCreated:
    formats = (
        [MentoringFormat.PAIR, MentoringFormat.GROUP]
        if row["formats"] == "both"
        else [MentoringFormat(row["formats"])]
    )
    return ProgrammeCreated(
        programme_id=UUID(row["id"]),
        organisation_id=UUID(row["organisation_id"]),
        name=row["name"],
        countries=row["countries"],
        languages=row["languages"],
        starts_on=row["starts_on"],
        ends_on=row["ends_on"],
        formats=formats,
        managers=[_contact(m) for m in managers],
    )


def _contact(row: dict[str, Any]) -> Contact:
    return Contact(
        subject=row["subject"],
        display_name=row["display_name"],
        email=row["email"],
        preferred_language=row["preferred_language"],
        time_zone=row["time_zone"],
    )


def participant_facts(
    row: dict[str, Any], *, updated: bool = False
) -> ParticipantRegistered | ParticipantUpdated:
    """The profile facts other services act on; LinkedIn only with consent.

    Built with ``model_validate`` from plain data: validation runs in pydantic's core and
    is faster than constructing the nested models in Python (imports build thousands).
    """
    cls = ParticipantUpdated if updated else ParticipantRegistered
    return cls.model_validate(
        {
            "programme_id": row["programme_id"],
            "participant_id": row["id"],
            "role": row["role"],
            "contact": {
                "subject": row["subject"],
                "display_name": row["display_name"],
                "email": row["email"],
                "preferred_language": row["preferred_language"],
                "time_zone": row["time_zone"],
            },
            "country": row["country"],
            "languages": row["languages"],
            "availability": row["availability"],
            "linkedin_url": row["linkedin_url"] if row["linkedin_consent"] else None,
        }
    )


def participant_withdrawn(row: dict[str, Any]) -> ParticipantWithdrawn:
    return ParticipantWithdrawn(
        programme_id=UUID(row["programme_id"]), participant_id=UUID(row["id"])
    )


def participant_erased(row: dict[str, Any], subject: str) -> ParticipantErased:
    return ParticipantErased(
        programme_id=UUID(row["programme_id"]), participant_id=UUID(row["id"]), subject=subject
    )


def match_proposed(rel: dict[str, Any], mentee_ids: list[str]) -> MatchProposed:
    return MatchProposed(
        programme_id=UUID(rel["programme_id"]),
        relationship_id=UUID(rel["id"]),
        match_run_id=UUID(rel["run_id"]) if rel["run_id"] else None,
        mentor_id=UUID(rel["mentor_id"]),
        mentee_ids=[UUID(m) for m in mentee_ids],
        format=MentoringFormat(rel["format"]),
        score=min(1.0, max(0.0, rel["score"])),
    )


def relationship_started(
    rel: dict[str, Any], members: list[dict[str, Any]], starts_on: dt.date
) -> RelationshipStarted:
    """``members`` carry participant_id, subject and role."""
    return RelationshipStarted(
        programme_id=UUID(rel["programme_id"]),
        relationship_id=UUID(rel["id"]),
        format=MentoringFormat(rel["format"]),
        members=[
            Member(
                participant_id=UUID(m["participant_id"]), subject=m["subject"], role=Role(m["role"])
            )
            for m in members
        ],
        starts_on=starts_on,
        agreed_end_date=rel["agreed_end_date"],
    )


def relationship_ended(
    rel: dict[str, Any], outcome: str, ended_by: EndedBy, reason: EndReason
) -> RelationshipEnded:
    return RelationshipEnded(
        programme_id=UUID(rel["programme_id"]),
        relationship_id=UUID(rel["id"]),
        outcome=outcome,
        ended_by=ended_by,
        reason=reason,
    )
