"""Match runs: start, follow, cancel; the draft's proposals and their review; publishing."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, status

from tandem_kit.api import Page, PageCursor, PageLimit, problems
from tandem_kit.auth import CurrentPrincipal
from tandem_kit.guard import NO_BODY_OR_EMPTY_OBJECT
from tandem_matching.api.deps import Ctx
from tandem_matching.domain.match_runs import MatchRunStatus
from tandem_matching.domain.proposals import ProposalStatus
from tandem_matching.schemas.match_runs import (
    ApproveProposals,
    MatchRunPublic,
    MoveMentee,
    ProposalPublic,
    PublishResult,
    SwapMentees,
)
from tandem_matching.service import match_runs as use
from tandem_matching.service import proposals as proposal_use
from tandem_matching.service import review

router = APIRouter(prefix="/v1/programmes/{programme_id}/match-runs", tags=["match-runs"])
RUN = "/{run_id}"
BREACH = (
    "A change that breaks a hard rule or a mentor's capacity is refused with 422 "
    "`constraint_breach`; `errors` names each breach (constraint, reason, mentee, "
    "mentor). The edited proposals need approving again."
)


@router.post(
    "",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Start a match run for every waiting mentee (manager)",
    description="Queued, then solved off the request path by a worker process. "
    "Poll the run for `phase` and `progress`; it ends as `draft` (or "
    "`failed`/`cancelled`). One open run per programme. Takes no body (or `{}`): "
    "any other body is refused with 422 `unexpected_body` and starts nothing.",
    responses=problems(403, 404, 409, 422),
    openapi_extra=NO_BODY_OR_EMPTY_OBJECT,  # the kit's guard refuses any other body
)
async def create_run(programme_id: UUID, principal: CurrentPrincipal, ctx: Ctx) -> MatchRunPublic:
    return await use.create_run(ctx, principal, programme_id, ctx.now())


@router.get("", summary="List match runs (manager)", responses=problems(403, 400, 404))
async def list_runs(
    programme_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    status: MatchRunStatus | None = None,
    cursor: PageCursor = None,
    limit: PageLimit = 50,
) -> Page[MatchRunPublic]:
    return await use.list_runs(
        ctx, principal, programme_id, status=status, cursor=cursor, limit=limit
    )


@router.get(
    RUN,
    summary="Follow a match run: status, phase, progress, summary (manager)",
    responses=problems(403, 404),
)
async def get_run(
    programme_id: UUID, run_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> MatchRunPublic:
    return await use.get_run(ctx, principal, programme_id, run_id)


@router.post(
    RUN + "/cancel",
    summary="Cancel a queued, running or draft run (manager)",
    responses=problems(403, 404, 409),
)
async def cancel_run(
    programme_id: UUID, run_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> MatchRunPublic:
    return await use.cancel_run(ctx, principal, programme_id, run_id)


@router.get(
    RUN + "/proposals",
    summary="The run's proposals, best first (manager)",
    description="Each with its mentees' scores and per-criterion explanations.",
    responses=problems(403, 400, 404),
)
async def list_proposals(
    programme_id: UUID,
    run_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    status: ProposalStatus | None = None,
    cursor: PageCursor = None,
    limit: PageLimit = 50,
) -> Page[ProposalPublic]:
    return await proposal_use.list_proposals(
        ctx, principal, programme_id, run_id, status=status, cursor=cursor, limit=limit
    )


@router.post(
    RUN + "/approvals",
    summary="Approve all or some proposals of the draft (manager)",
    responses=problems(403, 404, 409),
)
async def approve(
    programme_id: UUID, run_id: UUID, body: ApproveProposals, principal: CurrentPrincipal, ctx: Ctx
) -> MatchRunPublic:
    return await review.approve(ctx, principal, programme_id, run_id, body)


@router.post(
    RUN + "/moves",
    summary="Move a mentee to another mentor (manager)",
    description=BREACH + " An unmatched mentee of the draft can be moved too.",
    responses=problems(403, 404, 409),
)
async def move(
    programme_id: UUID, run_id: UUID, body: MoveMentee, principal: CurrentPrincipal, ctx: Ctx
) -> MatchRunPublic:
    return await review.move_mentee(ctx, principal, programme_id, run_id, body)


@router.post(
    RUN + "/swaps",
    summary="Swap the mentors of two mentees (manager)",
    description=BREACH,
    responses=problems(403, 404, 409),
)
async def swap(
    programme_id: UUID, run_id: UUID, body: SwapMentees, principal: CurrentPrincipal, ctx: Ctx
) -> MatchRunPublic:
    return await review.swap_mentees(ctx, principal, programme_id, run_id, body)


@router.post(
    RUN + "/publish",
    summary="Publish the approved proposals (manager)",
    description="Each approved proposal becomes a relationship in status `proposed` "
    "(emits `match.proposed`); the others are discarded. Proposals that "
    "no longer hold (someone left or was matched meanwhile) → 409 "
    "`stale_proposals`, nothing written.",
    responses=problems(403, 404, 409),
)
async def publish(
    programme_id: UUID, run_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> PublishResult:
    return await review.publish(ctx, principal, programme_id, run_id, ctx.now())
