"""Events messaging consumes, each mapped to its use case (run in the inbox's transaction)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from tandem_contracts.matching import (
    ParticipantErased,
    ParticipantRegistered,
    ParticipantUpdated,
    ProgrammeCreated,
    RelationshipEnded,
    RelationshipStarted,
)
from tandem_kit.kafka import HandlerContext, Handlers
from tandem_kit.runtime import Runtime
from tandem_messaging.service import participants, programmes, relationships
from tandem_messaging.service.context import Context, utc_now


def build_handlers(runtime: Runtime, clock: Callable[[], datetime] = utc_now) -> Handlers:
    ctx = Context.of(runtime, clock)

    async def programme_created(event: ProgrammeCreated, hc: HandlerContext) -> None:
        await programmes.record_programme(hc.session, ctx, event)

    async def participant_registered(event: ParticipantRegistered, hc: HandlerContext) -> None:
        await participants.record_participant(hc.session, ctx, event)

    async def participant_updated(event: ParticipantUpdated, hc: HandlerContext) -> None:
        await participants.record_participant(hc.session, ctx, event)

    async def participant_erased(event: ParticipantErased, hc: HandlerContext) -> None:
        await participants.on_erased(hc.session, ctx, event)

    async def relationship_started(event: RelationshipStarted, hc: HandlerContext) -> None:
        await relationships.open_conversation(hc.session, ctx, event)

    async def relationship_ended(event: RelationshipEnded, hc: HandlerContext) -> None:
        await relationships.close_conversation(hc.session, ctx, event)

    return (
        Handlers()
        .on(ProgrammeCreated, programme_created)
        .on(ParticipantRegistered, participant_registered)
        .on(ParticipantUpdated, participant_updated)
        .on(ParticipantErased, participant_erased)
        .on(RelationshipStarted, relationship_started)
        .on(RelationshipEnded, relationship_ended)
    )
