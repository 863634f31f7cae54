"""Use cases: a programme's check-in plan, set and read by its managers."""

from __future__ import annotations

from uuid import UUID

from tandem_analytics.adapters import check_in_plans as repo
from tandem_analytics.domain.check_in_plans import CheckInPlan, PlanInvalid, check_plan
from tandem_analytics.schemas.check_in_plans import CheckInPlanUpdate
from tandem_analytics.service.check_in_access import manager_of, no_programme
from tandem_analytics.service.context import Context
from tandem_kit import directory
from tandem_kit.auth import Principal
from tandem_kit.errors import NotFound, Unprocessable


async def put_plan(
    ctx: Context, principal: Principal, programme_id: UUID, body: CheckInPlanUpdate
) -> CheckInPlan:
    manager_of(principal, programme_id)
    async with ctx.database.transaction() as session:
        programme = await directory.programme(session, programme_id)
        if programme is None or programme.name is None:
            raise no_programme()  # its creation has not reached analytics (yet)
        try:
            plan = check_plan(body.record(programme_id, programme.languages), programme.languages)
        except PlanInvalid as error:
            raise Unprocessable(
                str(error),
                code="check_in_plan_invalid",
                errors=[{"loc": f"body.{error.field}", "msg": str(error), "type": "plan"}],
            ) from None
        await repo.save(session, plan, ctx.now())
    return plan


async def get_plan(ctx: Context, principal: Principal, programme_id: UUID) -> CheckInPlan:
    manager_of(principal, programme_id)
    async with ctx.database.transaction() as session:
        plan = await repo.of_programme(session, programme_id)
    if plan is None:
        raise NotFound("The programme has no check-in plan yet.", code="check_in_plan_not_found")
    return plan
