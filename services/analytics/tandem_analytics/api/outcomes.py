"""Employment outcomes: each mentee's status at closure and 3 and 6 months after;
managers read them by country, small groups suppressed."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from tandem_analytics.api.deps import Ctx
from tandem_analytics.domain.check_ins import MIN_GROUP
from tandem_analytics.schemas.outcomes import (
    CountryFiguresPublic,
    OutcomeInput,
    OutcomePublic,
    OutcomeSummaryPublic,
)
from tandem_analytics.service import outcomes as use
from tandem_kit.api import problems
from tandem_kit.auth import CurrentPrincipal

router = APIRouter(tags=["outcomes"])


@router.put(
    "/v1/me/outcomes/{relationship_id}",
    summary="Your employment status after the relationship (its mentee)",
    responses=problems(403, 404, 409, 422),
)
async def put_my_outcome(
    relationship_id: UUID, body: OutcomeInput, principal: CurrentPrincipal, ctx: Ctx
) -> OutcomePublic:
    view = await use.record(ctx, principal, relationship_id, body.status, body.stage)
    return OutcomePublic(
        relationship_id=view.relationship_id,
        stage=view.stage,
        due_on=view.due_on,
        status=view.status,
        recorded_at=view.recorded_at,
    )


@router.get(
    "/v1/programmes/{programme_id}/outcomes",
    summary="Employment outcomes by country and stage (managers)",
    responses=problems(403, 404),
)
async def outcome_summary(
    programme_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> OutcomeSummaryPublic:
    figures = await use.summary(ctx, principal, programme_id)
    return OutcomeSummaryPublic(
        programme_id=programme_id,
        min_group=MIN_GROUP,
        countries=[CountryFiguresPublic.from_record(f) for f in figures],
    )
