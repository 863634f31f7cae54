"""Events messaging consumes, each mapped to its use case (run in the inbox's transaction):
matching's and the contacts topic (the kit's directory, re-matching offers), analytics'
risk flags."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.analytics import RelationshipAtRisk
from tandem_contracts.matching import RelationshipEnded, RelationshipStarted, RematchOffered
from tandem_kit.directory import Erasure, Participant, Programme, register_directory
from tandem_kit.kafka import HandlerContext, Handlers
from tandem_kit.runtime import Runtime
from tandem_messaging.service import (
    at_risk,
    participants,
    programmes,
    relationships,
    rematching,
)
from tandem_messaging.service.context import Context
from tandem_messaging.settings import MessagingSettings


def build_handlers(runtime: Runtime[MessagingSettings]) -> Handlers:
    ctx = Context.of(runtime)

    async def programme_described(session: AsyncSession, programme: Programme) -> None:
        await programmes.programme_described(session, ctx, programme)

    async def participant_recorded(session: AsyncSession, participant: Participant) -> None:
        await participants.participant_recorded(session, ctx, participant)

    async def participant_erased(session: AsyncSession, erasure: Erasure) -> None:
        await participants.erase(session, ctx, erasure)

    async def relationship_started(event: RelationshipStarted, hc: HandlerContext) -> None:
        await relationships.open_conversation(hc.session, ctx, event)

    async def relationship_ended(event: RelationshipEnded, hc: HandlerContext) -> None:
        await relationships.close_conversation(hc.session, ctx, event)

    # analytics flagged a relationship: the managers' mail, the members' nudge.
    async def relationship_at_risk(event: RelationshipAtRisk, hc: HandlerContext) -> None:
        await at_risk.relationship_at_risk(hc.session, ctx, event)

    # matching offered a mentee a new match: she is told how to answer.
    async def rematch_offered(event: RematchOffered, hc: HandlerContext) -> None:
        await rematching.rematch_offered(hc.session, ctx, event)

    # Programmes and participants go to the kit's directory; the hooks do messaging's part.
    directory = register_directory(
        Handlers(),
        clock=ctx.now,
        on_programme=programme_described,
        on_participant=participant_recorded,
        on_erased=participant_erased,
    )
    return (
        directory.on(RelationshipStarted, relationship_started)
        .on(RelationshipEnded, relationship_ended)
        .on(RelationshipAtRisk, relationship_at_risk)
        .on(RematchOffered, rematch_offered)
    )
