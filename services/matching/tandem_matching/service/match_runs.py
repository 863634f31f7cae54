"""Match runs as the manager sees them: start, follow, cancel, read the draft.

A run is queued by the API and solved by the match-run worker in a child process
(:mod:`tandem_matching.service.match_worker`): ``queued → running → draft``, or
``failed``/``cancelled``. A draft is reviewed (:mod:`.review`) and then published.
At most one run per programme is open (queued, running or draft) at a time, so two
drafts never propose the same mentee.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.api import Page, next_cursor
from tandem_kit.auth import Principal
from tandem_kit.errors import Conflict, NotFound
from tandem_matching.adapters import match_runs as repo
from tandem_matching.adapters import proposals as proposal_repo
from tandem_matching.domain.match_runs import OPEN_RUNS, MatchRun, MatchRunStatus
from tandem_matching.domain.proposals import LIVE_PROPOSALS, ProposalStatus
from tandem_matching.schemas.match_runs import MatchRunPublic
from tandem_matching.service.access import Caller, manager_in
from tandem_matching.service.context import Context
from tandem_matching.service.ids import new_id


def public(run: MatchRun) -> MatchRunPublic:
    return MatchRunPublic.model_validate(run, from_attributes=True)


async def run_of(
    caller: Caller, session: AsyncSession, run_id: UUID, *, for_update: bool = False
) -> MatchRun:
    row = await repo.get(session, run_id, programme_id=caller.programme.id, for_update=for_update)
    if row is None:
        raise NotFound(f"Match run {run_id} not found.", code="match_run_not_found")
    return row


async def create_run(
    ctx: Context, principal: Principal, programme_id: UUID, at: dt.datetime
) -> MatchRunPublic:
    async with ctx.database.transaction() as session:
        caller = await manager_in(session, principal, programme_id)
        if caller.programme.has_ended(caller.programme.today(at)):
            raise Conflict("The programme has ended.", code="programme_ended")
        current = await repo.open_run(session, programme_id)
        if current is not None:
            raise Conflict(
                f"Run {current.id} is still {current.status}; publish or cancel it first.",
                code="run_in_progress",
            )
        run = MatchRun(
            id=new_id(),
            programme_id=programme_id,
            status=MatchRunStatus.QUEUED,
            phase="queued",
            progress=0.0,
            requested_by=principal.subject,
            cancel_requested=False,
            error=None,
            summary=None,
            created_at=ctx.now(),
            started_at=None,
            heartbeat_at=None,
            finished_at=None,
            published_at=None,
        )
        await repo.insert_run(session, run)
    return public(run)


async def get_run(
    ctx: Context, principal: Principal, programme_id: UUID, run_id: UUID
) -> MatchRunPublic:
    async with ctx.database.transaction() as session:
        caller = await manager_in(session, principal, programme_id)
        return public(await run_of(caller, session, run_id))


async def list_runs(
    ctx: Context,
    principal: Principal,
    programme_id: UUID,
    *,
    status: MatchRunStatus | None,
    cursor: str | None,
    limit: int,
) -> Page[MatchRunPublic]:
    async with ctx.database.transaction() as session:
        await manager_in(session, principal, programme_id)
        rows = await repo.list_page(
            session, programme_id, status=status, cursor=cursor, limit=limit
        )
    return Page[MatchRunPublic](
        items=[public(r) for r in rows[:limit]],
        next_cursor=next_cursor(rows, limit, lambda r: (r.created_at, r.id)),
    )


async def cancel_run(
    ctx: Context, principal: Principal, programme_id: UUID, run_id: UUID
) -> MatchRunPublic:
    """Queued, running or draft runs become ``cancelled`` at once; a running child process
    is stopped by the worker at its next progress check (its result is thrown away)."""
    async with ctx.database.transaction() as session:
        caller = await manager_in(session, principal, programme_id)
        run = await run_of(caller, session, run_id, for_update=True)
        cancelled = replace(
            run, status=MatchRunStatus.CANCELLED, cancel_requested=True, finished_at=ctx.now()
        )
        if not await repo.transition(
            session,
            run_id,
            OPEN_RUNS,
            status=cancelled.status,
            cancel_requested=True,
            finished_at=cancelled.finished_at,
        ):
            raise Conflict(
                f"The run is {run.status}; only open runs can be cancelled.", code="run_not_open"
            )
        if run.status is MatchRunStatus.DRAFT:
            await proposal_repo.set_status(
                session, run_id, None, ProposalStatus.DISCARDED, from_status=LIVE_PROPOSALS
            )
    return public(cancelled)
