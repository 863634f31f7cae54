"""The match-run worker's transactions: claim, load, report progress, save, fail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any
from uuid import UUID

from tandem_kit.db import Database
from tandem_matching.adapters import match_runs as repo
from tandem_matching.adapters import programmes as programme_repo
from tandem_matching.adapters import proposals as proposal_repo
from tandem_matching.domain.match_runs import (
    LIVE_PROPOSALS,
    MatchRun,
    MatchRunStatus,
    ProposalStatus,
)
from tandem_matching.service.clock import new_id, now
from tandem_matching.service.roster import load_roster


async def claim_next(db: Database) -> MatchRun | None:
    """Take the oldest queued run, if another worker does not take it first."""
    async with db.transaction() as session:
        run = await repo.oldest_queued(session)
        if run is None:
            return None
        at = now()
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


async def load_job(db: Database, run: MatchRun) -> dict[str, Any]:
    """The engine's input, a snapshot of the programme as the run starts (picklable)."""
    async with db.transaction() as session:
        programme = await programme_repo.get_programme(session, run.programme_id)
        assert programme is not None
        roster = await load_roster(session, programme)
    return {
        "policy": roster.policy,
        "mentors": roster.mentors,
        "mentees": roster.mentees,
        "exclusions": roster.exclusions,
    }


async def report(db: Database, run_id: UUID, phase: str, progress: float) -> bool:
    """Record progress and a heartbeat; False when the run is no longer running (cancelled)."""
    async with db.transaction() as session:
        return await repo.transition(
            session,
            run_id,
            (MatchRunStatus.RUNNING,),
            phase=phase[:40],
            progress=min(1.0, max(0.0, progress)),
            heartbeat_at=now(),
        )


async def save_draft(
    db: Database, run_id: UUID, job: dict[str, Any], result: dict[str, Any]
) -> bool:
    """Store the proposals and the summary; False (nothing stored) if cancelled meanwhile."""
    async with db.transaction() as session:
        run = await repo.get(session, run_id, for_update=True)
        if run is None or run.status is not MatchRunStatus.RUNNING:
            return False
        proposals, members = _rows(run, result["proposals"])
        await proposal_repo.insert_many(session, proposals, members)
        summary = summarise(
            proposals,
            members,
            result["unmatched"],
            {
                "mentees_waiting": len(job["mentees"]),
                "mentors_available": len(job["mentors"]),
                "certified_gap": result["certified_gap"],
                "cardinality_certified": result.get("cardinality_certified"),
                "solver": result["solver"],
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
            finished_at=now(),
            heartbeat_at=now(),
        )


def _rows(
    run: MatchRun, proposed: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rows, members = [], []
    for p in proposed:
        pid = new_id()
        scores = [m["explanation"]["score"] for m in p["mentees"]]
        rows.append(
            {
                "id": pid,
                "run_id": run.id,
                "programme_id": run.programme_id,
                "mentor_id": p["mentor_id"],
                "format": p["format"],
                "score": sum(scores) / len(scores),
                "status": ProposalStatus.DRAFT,
                "position": 0,
                "relationship_id": None,
            }
        )
        members += [
            {
                "proposal_id": pid,
                "mentee_id": m["mentee_id"],
                "score": m["explanation"]["score"],
                "explanation": m["explanation"],
            }
            for m in p["mentees"]
        ]
    rows.sort(key=lambda r: (-r["score"], r["mentor_id"]))
    for position, row in enumerate(rows):
        row["position"] = position  # best first: the order the manager reviews in
    return rows, members


def summarise(
    proposals: list[dict[str, Any]],
    members: list[dict[str, Any]],
    unmatched: list[dict[str, Any]],
    base: Mapping[str, object],
) -> dict[str, Any]:
    """The run summary from the current proposals (recomputed after every review edit)."""
    live = {p["id"] for p in proposals if p["status"] in LIVE_PROPOSALS}
    scores = [m["score"] for m in members if m["proposal_id"] in live]
    return {
        **base,
        "matched": len(scores),
        # stored as JSON: the mentees' ids as text
        "unmatched": [{**u, "mentee_id": str(u["mentee_id"])} for u in unmatched],
        "average_score": round(sum(scores) / len(scores), 6) if scores else None,
    }


async def finish(db: Database, run_id: UUID, status: str, error: str | None) -> None:
    """``failed`` (with the error) or back to ``queued`` (the worker is shutting down)."""
    ending = MatchRunStatus(status)
    async with db.transaction() as session:
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
                finished_at=now(),
            )


async def fail_stale(db: Database, stale_before: dt.datetime) -> int:
    """Runs whose worker died without a word (no heartbeat): failed, so a new run can start."""
    async with db.transaction() as session:
        stale = await repo.stale_running(session, stale_before)
        for run_id in stale:
            await repo.transition(
                session,
                run_id,
                (MatchRunStatus.RUNNING,),
                status=MatchRunStatus.FAILED,
                error="the worker running it stopped unexpectedly",
                finished_at=now(),
            )
    return len(stale)
