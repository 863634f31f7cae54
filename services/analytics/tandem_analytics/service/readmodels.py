"""Use cases: each consumed event kept and folded into the read models, in the inbox's
transaction (so a read never scans events, and a redelivery changes nothing).

Every figure takes its time from the event: the envelope's ``time`` for starts, ends and
profile facts; the event's own timestamps (``posted_at``, ``recorded_at``, …) elsewhere.
An event naming an erased participant is scrubbed before anything else sees it, so a
late event of an erased person lands exactly where the erasure put their earlier ones.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters import readmodels as repo
from tandem_analytics.domain.readmodels import ERASED, digest, people_in, schedule_version, scrub
from tandem_analytics.service import event_store, message_facts
from tandem_contracts import Envelope, Event, parse_event
from tandem_contracts.matching import (
    MatchProposed,
    ParticipantRegistered,
    ParticipantUpdated,
    ProgrammeCreated,
    RelationshipEnded,
    RelationshipStarted,
)
from tandem_contracts.meetings import (
    AttendanceOutcome,
    GoalProgressed,
    MeetingAttendanceRecorded,
    MeetingCancelled,
    MeetingRescheduled,
    MeetingScheduled,
)
from tandem_contracts.messaging import (
    AgreementAccepted,
    ForumPostCreated,
    MessagePosted,
    SenderRole,
)
from tandem_kit import directory

# (session, the envelope, the event, the facts' digest: last-writer-wins' tie-break)
Apply = Callable[[AsyncSession, Envelope, Any, UUID], Awaitable[None]]


async def consume(session: AsyncSession, envelope: Envelope, event: Event) -> None:
    """Keep the event (scrubbed of erased people) and apply it to the read models."""
    data = json.loads(envelope.data)
    if envelope.type == ProgrammeCreated.event_type:
        # The managers' contacts and the mail wording are the directory's, never stored.
        data = {**data, "managers": [], "mail_overrides": {}}
        event = parse_event(envelope.type, json.dumps(data))
    people = people_in(data) - {ERASED}
    erased = await directory.erased_among(session, people) if people else set()
    if erased:
        data = scrub(data, erased)
        event = parse_event(envelope.type, json.dumps(data))
    if not await event_store.keep(session, envelope, data, people - erased):
        return  # the same event id under another delivery: already applied
    await APPLY[envelope.type](session, envelope, event, digest(data))


async def _programme(
    session: AsyncSession, envelope: Envelope, event: ProgrammeCreated, facts: UUID
) -> None:
    await repo.know_programme(session, event.programme_id, event.organisation_id)


async def _started(
    session: AsyncSession, envelope: Envelope, event: RelationshipStarted, facts: UUID
) -> None:
    await repo.know_relationship(session, event.relationship_id, event.programme_id)
    await repo.relationship_started(
        session,
        event.relationship_id,
        format=event.format.value,
        starts_on=event.starts_on,
        agreed_end_date=event.agreed_end_date,
        started_at=envelope.time,
    )
    for member in event.members:
        await repo.member(session, event.relationship_id, member.participant_id, member.role.value)
        if member.participant_id != ERASED:
            await repo.know_participant(session, member.participant_id, event.programme_id)


async def _ended(
    session: AsyncSession, envelope: Envelope, event: RelationshipEnded, facts: UUID
) -> None:
    await repo.know_relationship(session, event.relationship_id, event.programme_id)
    await repo.relationship_ended(
        session,
        event.relationship_id,
        ended_at=envelope.time,
        outcome=event.outcome,
        ended_by=event.ended_by.value,
        reason=event.reason.value,
    )


async def _agreement(
    session: AsyncSession, envelope: Envelope, event: AgreementAccepted, facts: UUID
) -> None:
    await repo.know_relationship(session, event.relationship_id, event.programme_id)
    await repo.agreement_accepted(
        session,
        event.relationship_id,
        version=event.version,
        response_hours=event.response_time_hours,
        cadence_days=event.meeting_cadence_days,
        accepted_at=event.accepted_at,
    )


async def _posted(
    session: AsyncSession, envelope: Envelope, event: MessagePosted, facts: UUID
) -> None:
    await repo.know_relationship(session, event.relationship_id, event.programme_id)
    sender = event.sender_participant_id
    if sender is None or event.sender_role is SenderRole.MANAGER:
        return  # the manager's messages are not a member's contact
    await message_facts.message_posted(session, event, sender)


async def _forum_post(
    session: AsyncSession, envelope: Envelope, event: ForumPostCreated, facts: UUID
) -> None:
    author = event.author_participant_id
    if author is None or author == ERASED or event.author_role is SenderRole.MANAGER:
        return
    await repo.know_participant(session, author, event.programme_id)
    await repo.participant_active(session, author, posted_at=event.posted_at)


async def _schedule(
    session: AsyncSession,
    envelope: Envelope,
    event: MeetingScheduled | MeetingRescheduled | MeetingCancelled,
    facts: UUID,
) -> None:
    kind = {
        MeetingScheduled.event_type: "scheduled",
        MeetingRescheduled.event_type: "rescheduled",
        MeetingCancelled.event_type: "cancelled",
    }[event.event_type]
    await repo.know_relationship(session, event.relationship_id, event.programme_id)
    await repo.know_meeting(session, event.meeting_id, event.relationship_id, event.programme_id)
    await repo.meeting_schedule(
        session,
        event.meeting_id,
        version=schedule_version(event.sequence, kind),
        tie=facts,
        mode=event.mode.value,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        cancelled=kind == "cancelled",
        planned_activity_id=event.planned_activity_id,
    )


async def _attendance(
    session: AsyncSession, envelope: Envelope, event: MeetingAttendanceRecorded, facts: UUID
) -> None:
    await repo.know_relationship(session, event.relationship_id, event.programme_id)
    await repo.know_meeting(session, event.meeting_id, event.relationship_id, event.programme_id)
    await repo.meeting_attendance(
        session,
        event.meeting_id,
        recorded_at=event.recorded_at,
        tie=facts,
        outcome=event.outcome.value,
        mode=event.mode.value,
        attendees=len(event.attended),
        duration_minutes=event.duration_minutes,
    )
    if event.outcome is not AttendanceOutcome.HELD:
        return
    # The record's time stands for the meeting's: it is in the event, whatever the order.
    await repo.meeting_held(session, event.relationship_id, event.recorded_at)
    for attendee in event.attended:
        if attendee.participant_id == ERASED:
            continue
        await repo.know_participant(session, attendee.participant_id, event.programme_id)
        await repo.participant_active(
            session,
            attendee.participant_id,
            contact_at=event.recorded_at,
            meeting_at=event.recorded_at,
        )


async def _goal(
    session: AsyncSession, envelope: Envelope, event: GoalProgressed, facts: UUID
) -> None:
    await repo.know_relationship(session, event.relationship_id, event.programme_id)
    await repo.goal_progressed(
        session,
        event.goal_id,
        relationship_id=event.relationship_id,
        programme=event.programme_id,
        state=event.state.value,
        milestones_total=event.milestones_total,
        milestones_done=event.milestones_done,
        progressed_at=event.progressed_at,
        tie=facts,
    )


async def _profile(
    session: AsyncSession,
    envelope: Envelope,
    event: ParticipantRegistered | ParticipantUpdated,
    facts: UUID,
) -> None:
    if event.participant_id == ERASED:
        return
    await repo.know_participant(session, event.participant_id, event.programme_id)
    await repo.participant_facts(
        session,
        event.participant_id,
        role=event.role.value,
        country=event.country,
        modality=event.modality.value,
        at=envelope.time,
        tie=facts,
    )


async def _kept_only(session: AsyncSession, envelope: Envelope, event: Event, facts: UUID) -> None:
    """Kept in the store for the features that learn from it (match scores); no figure."""


APPLY: dict[str, Apply] = {
    ProgrammeCreated.event_type: _programme,
    RelationshipStarted.event_type: _started,
    RelationshipEnded.event_type: _ended,
    AgreementAccepted.event_type: _agreement,
    MessagePosted.event_type: _posted,
    ForumPostCreated.event_type: _forum_post,
    MeetingScheduled.event_type: _schedule,
    MeetingRescheduled.event_type: _schedule,
    MeetingCancelled.event_type: _schedule,
    MeetingAttendanceRecorded.event_type: _attendance,
    GoalProgressed.event_type: _goal,
    ParticipantRegistered.event_type: _profile,
    ParticipantUpdated.event_type: _profile,
    MatchProposed.event_type: _kept_only,
}

# The event classes consumers.py registers for consume(), one per type in APPLY
# (programme.created goes to the directory first, then here).
CONSUMED: tuple[type[Event], ...] = (
    RelationshipStarted,
    RelationshipEnded,
    AgreementAccepted,
    MessagePosted,
    ForumPostCreated,
    MeetingScheduled,
    MeetingRescheduled,
    MeetingCancelled,
    MeetingAttendanceRecorded,
    GoalProgressed,
    ParticipantRegistered,
    ParticipantUpdated,
    MatchProposed,
)
