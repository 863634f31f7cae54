"""What meetings does when a relationship starts or ends (matching's events).

Both run in the consumer's transaction, beside its inbox row: an event delivered twice is
dropped by the inbox, and a second ``relationship.started`` under another event id finds
the relationship's id taken. They need nothing from the directory, so they accept any
order with the programme's and participants' events.
"""

from __future__ import annotations

import logging
from collections.abc import Container
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.matching import RelationshipEnded, RelationshipStarted
from tandem_contracts.meetings import CancelledBy, CancelReason
from tandem_kit import directory
from tandem_meetings.adapters import meetings as meeting_repo
from tandem_meetings.adapters import relationships as repo
from tandem_meetings.domain.meetings import Meeting
from tandem_meetings.domain.relationships import (
    Member,
    Relationship,
    RelationshipStatus,
    end,
    unique_members,
)
from tandem_meetings.service import goal_seeding, plan_instances
from tandem_meetings.service.context import Context
from tandem_meetings.service.meetings import cancel_meeting
from tandem_meetings.service.sealing import RELATIONSHIP_KEY

log = logging.getLogger(__name__)


def new_relationship(ctx: Context, event: RelationshipStarted) -> Relationship:
    """The relationship a start makes (with a fresh data key), not stored yet."""
    return Relationship(
        id=event.relationship_id,
        programme_id=event.programme_id,
        format=event.format,
        starts_on=event.starts_on,
        agreed_end_date=event.agreed_end_date,
        status=RelationshipStatus.ACTIVE,
        cadence_days=None,
        wrapped_key=ctx.keyring.new_wrapped_key(RELATIONSHIP_KEY, event.relationship_id),
        started_at=ctx.now(),
        ended_at=None,
    )


def start_members(
    relationship: Relationship, event: RelationshipStarted, erased: Container[UUID]
) -> list[Member]:
    """The start's members, each once, but for those erased already."""
    return unique_members(
        [
            Member(relationship.id, m.participant_id, m.subject, m.role)
            for m in event.members
            if m.participant_id not in erased
        ]
    )


async def relationship_started(
    ctx: Context, session: AsyncSession, event: RelationshipStarted
) -> bool:
    """Keep the relationship (with a fresh data key) and its members, once.
    (``service/started_batches.py`` does the same for many starts at once.)"""
    relationship = new_relationship(ctx, event)
    if not await repo.add_if_new(session, relationship):
        log.info("relationship %s is already known", event.relationship_id)
        return False
    erased = await directory.erased_among(session, [m.participant_id for m in event.members])
    members = start_members(relationship, event, erased)
    await repo.add_members(session, members)
    await after_started(ctx, session, relationship, members)
    return True


async def after_started(
    ctx: Context, session: AsyncSession, relationship: Relationship, members: list[Member]
) -> None:
    """The programme's blended plan for this relationship, in the same transaction, with
    the first activity's proposed times, and the mentee's profile goals as its first."""
    people = await plan_instances.instantiate(ctx, session, relationship, members)
    await goal_seeding.seed_started(ctx, session, [(relationship, people)])


async def relationship_ended(
    ctx: Context, session: AsyncSession, event: RelationshipEnded
) -> list[Meeting]:
    """Mark it ended and cancel its meetings that have not started (reason
    ``relationship_ended``, by the system), each with its ``meeting.cancelled``."""
    relationship = await repo.by_id(session, event.relationship_id, for_update=True)
    if relationship is None:
        # Same key, same partition: started always comes first, unless it was dead-lettered.
        log.warning("relationship %s ended but is unknown here", event.relationship_id)
        return []
    now = ctx.now()
    ended = end(relationship, now)
    if ended != relationship:
        await repo.save_status(session, ended)
    cancelled = [
        await cancel_meeting(
            ctx, session, meeting, reason=CancelReason.RELATIONSHIP_ENDED, by=CancelledBy.SYSTEM
        )
        for meeting in await meeting_repo.future_scheduled(session, relationship.id, now)
    ]
    await after_ended(ctx, session, ended, cancelled)
    return cancelled


async def after_ended(
    ctx: Context, session: AsyncSession, relationship: Relationship, cancelled: list[Meeting]
) -> None:
    """HOOK: more to do once a relationship ended. Its members already got one
    cancellation mail (with the iCalendar CANCEL) per cancelled meeting, queued by
    ``cancel_meeting`` in this transaction."""
