"""Contract events built from rows: ids and facts on the matching topic; how to reach a
participant only in :func:`participant_contact`, for the compacted contacts topic."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from uuid import UUID

from tandem_contracts import Event
from tandem_contracts.common import Contact, MailOverride, MentoringFormat
from tandem_contracts.contacts import ParticipantContact
from tandem_contracts.matching import (
    MatchProposed,
    ParticipantErased,
    ParticipantRegistered,
    ParticipantUpdated,
    ParticipantWithdrawn,
    ProgrammeCreated,
    ProgrammeUpdated,
    RelationshipEnded,
    RelationshipStarted,
    RematchOffered,
)
from tandem_contracts.matching import Member as EventMember
from tandem_kit import privacy
from tandem_matching.domain.participants import Participant
from tandem_matching.domain.profiles import FormatsOffered, Modality
from tandem_matching.domain.programmes import Manager, Programme
from tandem_matching.domain.relationships import Member, Relationship
from tandem_matching.domain.rematching import RematchOffer


def programme_created(programme: Programme, managers: Sequence[Manager]) -> ProgrammeCreated:
    formats = (
        [MentoringFormat.PAIR, MentoringFormat.GROUP]
        if programme.formats is FormatsOffered.BOTH
        else [MentoringFormat(programme.formats.value)]
    )
    return ProgrammeCreated(
        programme_id=programme.id,
        organisation_id=programme.organisation_id,
        name=programme.name,
        countries=list(programme.countries),
        languages=list(programme.languages),
        starts_on=programme.starts_on,
        ends_on=programme.ends_on,
        formats=formats,
        managers=[_contact(m) for m in managers],
        mail_overrides=_overrides(programme),
        time_zone=programme.time_zone,
        face_to_face_reach=programme.face_to_face_reach,
    )


def programme_updated(programme: Programme) -> ProgrammeUpdated:
    return ProgrammeUpdated(
        programme_id=programme.id,
        name=programme.name,
        languages=list(programme.languages),
        mail_overrides=_overrides(programme),
        time_zone=programme.time_zone,
        face_to_face_reach=programme.face_to_face_reach,
    )


def _overrides(programme: Programme) -> dict[str, dict[str, MailOverride]]:
    return {
        template: {
            language: MailOverride(subject=o.subject, text=o.text)
            for language, o in by_language.items()
        }
        for template, by_language in programme.mail_overrides.items()
    }


def _contact(manager: Manager) -> Contact:
    return Contact(
        subject=manager.subject,
        display_name=manager.display_name,
        email=manager.email,
        preferred_language=manager.preferred_language,
        time_zone=manager.time_zone,
    )


def participant_facts(
    participant: Participant, *, updated: bool = False
) -> ParticipantRegistered | ParticipantUpdated:
    """The profile facts other services act on: ids and facts, no contact details
    (those go to the contacts topic, :func:`participant_contact`).

    Built with ``model_validate`` from plain data: validation runs in pydantic's core and
    is faster than constructing the nested models in Python (imports build thousands).
    """
    p = participant
    cls = ParticipantUpdated if updated else ParticipantRegistered
    return cls.model_validate(
        {
            "programme_id": p.programme_id,
            "participant_id": p.id,
            "subject": p.subject,
            "role": p.role,
            "country": p.country,
            "languages": p.languages,
            "availability": [
                {"weekday": w.weekday, "start": w.start, "end": w.end} for w in p.availability or ()
            ],
            # Facts the meetings act on: an online-only member, a mentee's goal tokens.
            "modality": p.modality or Modality.EITHER,
            "goals": list(p.goals or ()),
        }
    )


def participant_contact(participant: Participant) -> ParticipantContact:
    """How to reach the participant, for the compacted contacts topic; LinkedIn only
    with consent. Published with every registration and update (compaction keeps the
    latest); erasure publishes its tombstone instead (:func:`contact_tombstone_key`)."""
    p = participant
    return ParticipantContact.model_validate(
        {
            "programme_id": p.programme_id,
            "participant_id": p.id,
            "role": p.role,
            "contact": {
                "subject": p.subject,
                "display_name": p.display_name,
                "email": p.email,
                "preferred_language": p.preferred_language,
                "time_zone": p.time_zone,
            },
            "linkedin_url": p.shared_linkedin_url,
            "city": p.city,
        }
    )


def whose_contact(event: Event) -> str | None:
    """The person whose contact an event carries (its outbox row is sealed for them)."""
    return (
        privacy.participant(event.participant_id) if isinstance(event, ParticipantContact) else None
    )


def contact_tombstone_key(participant: Participant) -> str:
    """The key whose contact erasure tombstones (the participant id, as the value's key)."""
    return str(UUID(str(participant.id)))


def participant_withdrawn(participant: Participant) -> ParticipantWithdrawn:
    return ParticipantWithdrawn(
        programme_id=participant.programme_id, participant_id=participant.id
    )


def participant_erased(participant: Participant, subject: str) -> ParticipantErased:
    return ParticipantErased(
        programme_id=participant.programme_id,
        participant_id=participant.id,
        subject=subject,
    )


def criterion_scores(
    explanations: Sequence[Mapping[str, object] | None],
) -> dict[str, float] | None:
    """Each criterion's raw score (before its weight) from the engine's explanations
    (``{"criteria": [{"criterion", "raw", ...}]}``), a group's the mean over its
    mentees; None when no mentee's explanation is known."""
    sums: dict[str, list[float]] = {}
    for explanation in explanations:
        lines = explanation.get("criteria") if explanation else None
        for line in lines if isinstance(lines, list) else ():
            if isinstance(line, dict) and isinstance(line.get("raw"), int | float):
                sums.setdefault(str(line["criterion"]), []).append(float(line["raw"]))
    if not sums:
        return None
    return {name: round(sum(raws) / len(raws), 6) for name, raws in sorted(sums.items())}


def match_proposed(
    rel: Relationship,
    mentee_ids: Sequence[UUID],
    explanations: Sequence[Mapping[str, object] | None] = (),
) -> MatchProposed:
    return MatchProposed(
        programme_id=rel.programme_id,
        relationship_id=rel.id,
        match_run_id=rel.run_id,
        mentor_id=rel.mentor_id,
        mentee_ids=list(mentee_ids),
        format=rel.format,
        score=min(1.0, max(0.0, rel.score)),
        criterion_scores=criterion_scores(explanations),
    )


def relationship_started(rel: Relationship, members: Sequence[Member]) -> RelationshipStarted:
    """``members`` carry their subjects; ``rel`` is active, with its start date."""
    assert rel.starts_on is not None
    return RelationshipStarted(
        programme_id=rel.programme_id,
        relationship_id=rel.id,
        format=rel.format,
        members=[
            EventMember(participant_id=m.participant_id, subject=_subject(m), role=m.role)
            for m in members
        ],
        starts_on=rel.starts_on,
        agreed_end_date=rel.agreed_end_date,
    )


def _subject(member: Member) -> str:
    if member.subject is None:  # an erased member's relationship never starts
        raise ValueError(f"member {member.participant_id} has no subject")
    return member.subject


def relationship_ended(rel: Relationship) -> RelationshipEnded:
    """``rel`` after it ended: completed, or ended early, with who ended it and why."""
    assert rel.ended_by is not None
    assert rel.end_reason is not None
    return RelationshipEnded(
        programme_id=rel.programme_id,
        relationship_id=rel.id,
        outcome=rel.status.value,
        ended_by=rel.ended_by,
        reason=rel.end_reason,
    )


def rematch_offered(offer: RematchOffer) -> RematchOffered:
    """An offer just made: messaging mails the mentee how to answer it."""
    return RematchOffered(
        programme_id=offer.programme_id,
        relationship_id=offer.relationship_id,
        offer_id=offer.id,
        mentee_id=offer.mentee_id,
        offered_at=offer.created_at,
    )
