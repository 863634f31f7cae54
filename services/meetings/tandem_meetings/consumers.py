"""Events meetings consumes, each mapped to its use case (run in the inbox's transaction).

Programmes and participants go to the kit's directory (matching's topic and the
compacted contacts topic); relationships to their own use cases; agreements follow.
"""

from __future__ import annotations

from tandem_contracts.matching import RelationshipEnded, RelationshipStarted
from tandem_kit.directory import register_directory
from tandem_kit.kafka import HandlerContext, Handlers
from tandem_kit.runtime import Runtime
from tandem_meetings.service import relationships
from tandem_meetings.service.context import Context
from tandem_meetings.settings import MeetingsSettings


def build_handlers(runtime: Runtime[MeetingsSettings]) -> Handlers:
    ctx = Context.of(runtime)

    async def relationship_started(event: RelationshipStarted, hc: HandlerContext) -> None:
        await relationships.relationship_started(ctx, hc.session, event)

    async def relationship_ended(event: RelationshipEnded, hc: HandlerContext) -> None:
        await relationships.relationship_ended(ctx, hc.session, event)

    directory = register_directory(Handlers(), clock=ctx.now)
    return directory.on(RelationshipStarted, relationship_started).on(
        RelationshipEnded, relationship_ended
    )
