"""The match-run worker's transactions: claim, load, report progress, save, fail."""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from tandem_matching.adapters import match_runs as repo
from tandem_matching.adapters import programmes as programme_repo
from tandem_matching.adapters import proposals as proposal_repo
from tandem_matching.domain.match_runs import Job, MatchRun, MatchRunStatus, Solution
from tandem_matching.service.context import Context
from tandem_matching.service.proposals import draft_rows, summarise
from tandem_matching.service.roster import load_roster


async def claim_next(ctx: Context) -> MatchRun | None:
    """Take the oldest queued run, if another worker does not take it first."""
    async with ctx.database.transaction() as session:
        run = await repo.oldest_queued(session)
        if run is None:
            return None
        at = ctx.now()
        claimed = await repo.transition(
            session,
            run.id,
            (MatchRunStatus.QUEUED,),
            status=MatchRunStatus.RUNNING,
            phase="loading",
            progress=0.0,
            started_at=at,
            heartbeat_at=at,
        )
    return run if claimed else None


async def load_job(ctx: Context, run: MatchRun) -> Job:
    """The engine's input, a snapshot of the programme as the run starts (picklable)."""
    async with ctx.database.transaction() as session:
        programme = await programme_repo.get_programme(session, run.programme_id)
        assert programme is not None
        roster = await load_roster(session, programme)
    return Job(
        policy=roster.policy,
        mentors=tuple(roster.mentors),
        mentees=tuple(roster.mentees),
        exclusions=frozenset(roster.exclusions),
    )


async def report(ctx: Context, run_id: UUID, phase: str, progress: float) -> bool:
    """Record progress and a heartbeat; False when the run is no longer running (cancelled)."""
    async with ctx.database.transaction() as session:
        return await repo.transition(
            session,
            run_id,
            (MatchRunStatus.RUNNING,),
            phase=phase[:40],
            progress=min(1.0, max(0.0, progress)),
            heartbeat_at=ctx.now(),
        )


async def save_draft(ctx: Context, run_id: UUID, job: Job, result: Solution) -> bool:
    """Store the proposals and the summary; False (nothing stored) if cancelled meanwhile."""
    async with ctx.database.transaction() as session:
        run = await repo.get(session, run_id, for_update=True)
        if run is None or run.status is not MatchRunStatus.RUNNING:
            return False
        proposals, members = draft_rows(run, result.proposals)
        await proposal_repo.insert_many(session, proposals, members)
        summary = summarise(
            proposals,
            members,
            result.unmatched,
            {
                "mentees_waiting": len(job.mentees),
                "mentors_available": len(job.mentors),
                "certified_gap": result.certified_gap,
                "cardinality_certified": result.cardinality_certified,
                "solver": result.solver,
                "not_grouped": [n.json() for n in result.not_grouped],
            },
        )
        return await repo.transition(
            session,
            run_id,
            (MatchRunStatus.RUNNING,),
            status=MatchRunStatus.DRAFT,
            phase="done",
            progress=1.0,
            summary=summary,
            finished_at=ctx.now(),
            heartbeat_at=ctx.now(),
        )


async def finish(ctx: Context, run_id: UUID, status: str, error: str | None) -> None:
    """``failed`` (with the error) or back to ``queued`` (the worker is shutting down)."""
    ending = MatchRunStatus(status)
    async with ctx.database.transaction() as session:
        if ending is MatchRunStatus.QUEUED:
            await repo.transition(
                session,
                run_id,
                (MatchRunStatus.RUNNING,),
                status=ending,
                error=error,
                phase="queued",
                progress=0.0,
                started_at=None,
                heartbeat_at=None,
            )
        else:
            await repo.transition(
                session,
                run_id,
                (MatchRunStatus.RUNNING,),
                status=ending,
                error=error,
                finished_at=ctx.now(),
            )


async def fail_stale(ctx: Context, stale_before: dt.datetime) -> int:
    """Runs whose worker died without a word (no heartbeat): failed, so a new run can start."""
    async with ctx.database.transaction() as session:
        stale = await repo.stale_running(session, stale_before)
        for run_id in stale:
            await repo.transition(
                session,
                run_id,
                (MatchRunStatus.RUNNING,),
                status=MatchRunStatus.FAILED,
                error="the worker running it stopped unexpectedly",
                finished_at=ctx.now(),
            )
    return len(stale)
