"""A draft's proposals: written from the engine's solution, read page by page, summarised.

Proposals belong to a match run (the API serves them under ``…/match-runs/{run_id}``);
the manager's edits of them are :mod:`.review`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from uuid import UUID

from tandem_kit.api import Page, next_cursor
from tandem_kit.auth import Principal
from tandem_matching.adapters import proposals as repo
from tandem_matching.domain.match_runs import MatchRun
from tandem_matching.domain.proposals import (
    LIVE_PROPOSALS,
    DraftProposal,
    Proposal,
    ProposalMember,
    ProposalStatus,
    UnmatchedMentee,
    mean_score,
)
from tandem_matching.schemas.match_runs import ProposalPublic
from tandem_matching.service.access import manager_in
from tandem_matching.service.context import Context
from tandem_matching.service.ids import new_id
from tandem_matching.service.match_runs import run_of


def draft_rows(
    run: MatchRun, proposed: Sequence[DraftProposal]
) -> tuple[list[Proposal], list[ProposalMember]]:
    """The engine's proposals as rows, best first (the order the manager reviews in)."""
    drafted: list[tuple[Proposal, list[ProposalMember]]] = []
    for p in proposed:
        pid = new_id()
        members = [ProposalMember.of(pid, m) for m in p.mentees]
        row = Proposal(
            id=pid,
            run_id=run.id,
            programme_id=run.programme_id,
            mentor_id=p.mentor_id,
            format=p.format,
            score=mean_score(members),
            status=ProposalStatus.DRAFT,
            position=0,
            relationship_id=None,
        )
        drafted.append((row, members))
    drafted.sort(key=lambda d: (-d[0].score, d[0].mentor_id))
    rows = [replace(row, position=n) for n, (row, _) in enumerate(drafted)]
    return rows, [m for _, members in drafted for m in members]


def summarise(
    proposals: Sequence[Proposal],
    members: Sequence[ProposalMember],
    unmatched: Sequence[UnmatchedMentee],
    base: Mapping[str, object],
) -> dict[str, object]:
    """The run summary (schemas.match_runs.RunSummary, as JSON) from the current proposals;
    recomputed after every review edit."""
    live = {p.id for p in proposals if p.status in LIVE_PROPOSALS}
    scores = [m.score for m in members if m.proposal_id in live]
    return {
        **base,
        "matched": len(scores),
        "unmatched": [u.json() for u in unmatched],
        "average_score": round(sum(scores) / len(scores), 6) if scores else None,
    }


async def list_proposals(
    ctx: Context,
    principal: Principal,
    programme_id: UUID,
    run_id: UUID,
    *,
    status: ProposalStatus | None,
    cursor: str | None,
    limit: int,
) -> Page[ProposalPublic]:
    """The draft's proposals, best first, each with its members' scores and explanations."""
    async with ctx.database.transaction() as session:
        caller = await manager_in(session, principal, programme_id)
        await run_of(caller, session, run_id)
        rows = await repo.page(session, run_id, status=status, cursor=cursor, limit=limit)
        kept = rows[:limit]
        members = await repo.members_of(session, [r.id for r in kept])
    return Page[ProposalPublic](
        items=[ProposalPublic.of(r, members[r.id]) for r in kept],
        next_cursor=next_cursor(rows, limit, lambda r: (r.position, r.id)),
    )
