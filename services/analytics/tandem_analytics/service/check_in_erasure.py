"""Check-ins' and outcomes' part of an erasure (called from service/erasure.py)."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters import check_in_plans as plan_repo
from tandem_analytics.adapters import check_in_relationships as relationship_repo
from tandem_analytics.adapters import check_ins as check_in_repo
from tandem_analytics.adapters import outcomes as outcome_repo
from tandem_analytics.domain.check_in_plans import Consent


async def forget_participant(session: AsyncSession, participant_id: UUID) -> None:
    """Anonymous counts stay only in programmes whose consent is aggregate-only."""
    for programme_id in await check_in_repo.programmes_of(session, participant_id):
        plan = await plan_repo.of_programme(session, programme_id)
        keep = plan is None or plan.consent is Consent.AGGREGATE_ONLY
        await check_in_repo.forget_participant(session, participant_id, programme_id, keep=keep)
        await outcome_repo.forget_participant(session, participant_id, programme_id, keep=keep)
    await relationship_repo.forget_participant(session, participant_id)
