"""Events meetings consumes, each mapped to its use case (run in the inbox's transaction).

Programmes and participants go to the kit's directory (matching's topic and the
compacted contacts topic); participants' runs (a roster import) and relationships' starts
in batches too (``service/participants.py``, ``service/started_batches.py``); relationships
to their own use cases;
messaging's agreements to the plans.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.contacts import ParticipantContact
from tandem_contracts.matching import (
    ParticipantRegistered,
    ParticipantUpdated,
    RelationshipEnded,
    RelationshipStarted,
)
from tandem_contracts.messaging import AgreementAccepted
from tandem_kit.directory import Erasure, Participant, register_directory
from tandem_kit.kafka import BatchContext, HandlerContext, Handlers
from tandem_kit.runtime import Runtime
from tandem_meetings.service import (
    erasure,
    participants,
    plan_instances,
    profiles,
    relationships,
    started_batches,
)
from tandem_meetings.service.context import Context
from tandem_meetings.settings import MeetingsSettings


def build_handlers(runtime: Runtime[MeetingsSettings]) -> Handlers:
    ctx = Context.of(runtime)

    async def relationship_started(event: RelationshipStarted, hc: HandlerContext) -> None:
        await relationships.relationship_started(ctx, hc.session, event)

    # Runs of starts in one transaction (the same result as one by one, far fewer statements).
    async def relationships_started(
        events: Sequence[RelationshipStarted], bc: BatchContext
    ) -> None:
        await started_batches.relationships_started(ctx, bc.session, events)

    async def relationship_ended(event: RelationshipEnded, hc: HandlerContext) -> None:
        await relationships.relationship_ended(ctx, hc.session, event)

    # Availability: matching's profile facts, and their part of an erasure.
    async def profile_stated(
        event: ParticipantRegistered | ParticipantUpdated, hc: HandlerContext
    ) -> None:
        await profiles.profile_stated(hc.session, ctx, event)
        await plan_instances.member_known(ctx, hc.session, event.participant_id)

    # Runs of profiles or contacts (a roster import): the same, one transaction per run.
    async def profiles_stated(
        events: Sequence[ParticipantRegistered | ParticipantUpdated], bc: BatchContext
    ) -> None:
        await participants.profiles_stated(ctx, bc.session, events)

    async def contacts_stated(events: Sequence[ParticipantContact], bc: BatchContext) -> None:
        await participants.contacts_stated(ctx, bc.session, events)

    # A contact (time zone, city) known: the member's plans follow.
    async def participant_known(session: AsyncSession, participant: Participant) -> None:
        await plan_instances.member_known(ctx, session, participant.participant_id)

    async def participant_erased(session: AsyncSession, erased: Erasure) -> None:
        await erasure.participant_erased(session, erased)

    # messaging's agreements: the relationship's meeting cadence from then on.
    async def agreement_accepted(event: AgreementAccepted, hc: HandlerContext) -> None:
        await plan_instances.agreement_accepted(ctx, hc.session, event)

    directory = register_directory(
        Handlers(),
        clock=ctx.now,
        on_participant=participant_known,
        on_erased=participant_erased,
    )
    return (
        directory.on(RelationshipStarted, relationship_started)
        .on_batch(RelationshipStarted, relationships_started)
        .on(RelationshipEnded, relationship_ended)
        .on(ParticipantRegistered, profile_stated)
        .on_batch(ParticipantRegistered, profiles_stated)
        .on(ParticipantUpdated, profile_stated)
        .on_batch(ParticipantUpdated, profiles_stated)
        .on_batch(ParticipantContact, contacts_stated)
        .on(AgreementAccepted, agreement_accepted)
    )
