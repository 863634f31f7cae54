"""Consumers' use cases for check-ins: relationships, members and countries as matching
announces them (in the inbox's transaction). Dates come from the events: the start and
agreed end as matching set them, the end from ``relationship.ended``'s envelope time."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters import check_in_relationships as repo
from tandem_analytics.domain.check_in_relationships import Member
from tandem_analytics.domain.readmodels import ERASED
from tandem_contracts.matching import (
    ParticipantRegistered,
    ParticipantUpdated,
    RelationshipEnded,
    RelationshipStarted,
)
from tandem_kit import directory


async def relationship_started(session: AsyncSession, event: RelationshipStarted) -> None:
    erased = await directory.erased_among(session, [m.participant_id for m in event.members])
    members = [
        Member(m.participant_id, m.subject, m.role.value)
        for m in event.members
        # an erasure that overtook the start, or one the stored event already carries
        # (a rebuild replays the store, where an erased member is the nil UUID)
        if m.participant_id not in erased and m.participant_id != ERASED
    ]
    await repo.started(
        session,
        event.relationship_id,
        event.programme_id,
        event.starts_on,
        event.agreed_end_date,
        members,
    )


async def relationship_ended(
    session: AsyncSession, event: RelationshipEnded, occurred_at: datetime
) -> None:
    await repo.ended(
        session, event.relationship_id, event.programme_id, occurred_at.date(), event.outcome
    )


async def profile_stated(
    session: AsyncSession, event: ParticipantRegistered | ParticipantUpdated
) -> None:
    if event.participant_id == ERASED or await directory.is_erased(session, event.participant_id):
        return
    await repo.country_stated(session, event.participant_id, event.country)
