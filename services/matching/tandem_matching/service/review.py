"""The manager's review of a draft: approve, move a mentee, swap two, publish.

Every edit is checked against the programme's hard rules and the mentors' free places
as they are *now* (not when the run started); a breach is a 422 whose ``errors`` name
each broken rule. Edited proposals go back to ``draft`` and need approving again.
Publishing turns the approved proposals into ``proposed`` relationships (one
``match.proposed`` each) and discards the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.matching import MatchProposed
from tandem_kit.auth import Principal
from tandem_kit.errors import Conflict, Unprocessable
from tandem_kit.outbox import add_events
from tandem_matching.adapters import match_runs as run_repo
from tandem_matching.adapters import proposals as repo
from tandem_matching.adapters import relationships as relationship_repo
from tandem_matching.domain.match_runs import MatchRun, MatchRunStatus
from tandem_matching.domain.proposals import LIVE_PROPOSALS, Proposal, ProposalStatus
from tandem_matching.domain.relationships import Member, Relationship
from tandem_matching.schemas.match_runs import (
    ApproveProposals,
    MatchRunPublic,
    MoveMentee,
    PublishResult,
    SwapMentees,
)
from tandem_matching.service import events
from tandem_matching.service.access import Caller, manager_in
from tandem_matching.service.context import Context
from tandem_matching.service.engine import ErrorEntry
from tandem_matching.service.match_runs import public, run_of
from tandem_matching.service.proposals import summarise
from tandem_matching.service.relationships import new_relationship
from tandem_matching.service.review_edits import Draft, breach, move, swap
from tandem_matching.service.roster import Roster, load_roster


@dataclass
class Review:
    caller: Caller
    run: MatchRun
    draft: Draft
    roster: Roster


async def _open_draft(
    session: AsyncSession, principal: Principal, programme_id: UUID, run_id: UUID
) -> Review:
    caller = await manager_in(session, principal, programme_id)
    run = await run_of(caller, session, run_id, for_update=True)
    if run.status is not MatchRunStatus.DRAFT:
        raise Conflict(
            f"The run is {run.status}; only a draft can be reviewed.", code="run_not_draft"
        )
    rows = [p for p in await repo.all_of_run(session, run_id) if p.status in LIVE_PROPOSALS]
    members = await repo.members_of(session, [p.id for p in rows])
    roster = await load_roster(session, caller.programme)
    return Review(caller, run, Draft(run, rows, members), roster)


async def _save(session: AsyncSession, review: Review) -> MatchRunPublic:
    for proposal_id in review.draft.deleted:
        await repo.delete_proposal(session, proposal_id)
    created = review.draft.created - review.draft.deleted
    await repo.insert_many(
        session,
        [review.draft.proposals[pid] for pid in created],
        [m for pid in created for m in review.draft.members[pid]],
    )
    for proposal_id in review.draft.changed - review.draft.deleted - created:
        await repo.replace_proposal(
            session, review.draft.proposals[proposal_id], review.draft.members[proposal_id]
        )
    summary = summarise(
        list(review.draft.proposals.values()),
        review.draft.all_members(),
        review.draft.unmatched,
        review.run.summary or {},
    )
    await run_repo.transition(session, review.run.id, (MatchRunStatus.DRAFT,), summary=summary)
    return public(replace(review.run, summary=summary))


async def approve(
    ctx: Context, principal: Principal, programme_id: UUID, run_id: UUID, body: ApproveProposals
) -> MatchRunPublic:
    async with ctx.database.transaction() as session:
        review = await _open_draft(session, principal, programme_id, run_id)
        ids = None if body.all else list(dict.fromkeys(body.proposal_ids))
        unknown = sorted(set(ids or ()) - set(review.draft.proposals))
        if unknown:
            raise Unprocessable(
                "These proposals are not in this draft.",
                code="unknown_proposals",
                errors=[{"proposal_id": str(pid)} for pid in unknown],
            )
        await repo.set_status(
            session, run_id, ids, ProposalStatus.APPROVED, from_status=(ProposalStatus.DRAFT,)
        )
    return public(review.run)


async def move_mentee(
    ctx: Context, principal: Principal, programme_id: UUID, run_id: UUID, body: MoveMentee
) -> MatchRunPublic:
    async with ctx.database.transaction() as session:
        review = await _open_draft(session, principal, programme_id, run_id)
        move(review.draft, review.roster, body.mentee_id, body.to_mentor_id)
        return await _save(session, review)


async def swap_mentees(
    ctx: Context, principal: Principal, programme_id: UUID, run_id: UUID, body: SwapMentees
) -> MatchRunPublic:
    async with ctx.database.transaction() as session:
        review = await _open_draft(session, principal, programme_id, run_id)
        swap(review.draft, review.roster, body.mentee_a, body.mentee_b)
        return await _save(session, review)


async def publish(
    ctx: Context, principal: Principal, programme_id: UUID, run_id: UUID, at: dt.datetime
) -> PublishResult:
    async with ctx.database.transaction() as session:
        review = await _open_draft(session, principal, programme_id, run_id)
        programme = review.caller.programme
        if programme.has_ended(programme.today(at)):
            raise Conflict("The programme has ended.", code="programme_ended")
        draft = review.draft
        approved = [p for p in draft.proposals.values() if p.status is ProposalStatus.APPROVED]
        if not approved:
            raise Unprocessable(
                "Approve at least one proposal before publishing.", code="nothing_approved"
            )
        stale = _stale(review.roster, approved, draft)
        if stale:
            raise Conflict(
                "Some approved proposals no longer hold; move or cancel them.",
                code="stale_proposals",
                errors=stale,
            )
        rows: list[Relationship] = []
        members: list[Member] = []
        proposed: list[MatchProposed] = []
        links: dict[UUID, UUID] = {}
        for p in approved:
            mentees = draft.members[p.id]
            row, rel_members = new_relationship(
                programme,
                mentor_id=p.mentor_id,
                format=p.format,
                score=p.score,
                mentees=[(m.mentee_id, m.explanation) for m in mentees],
                run_id=run_id,
                at=ctx.now(),
            )
            rows.append(row)
            members += rel_members
            proposed.append(
                events.match_proposed(
                    row, [m.mentee_id for m in mentees], [m.explanation for m in mentees]
                )
            )
            links[p.id] = row.id
        await relationship_repo.insert_many(session, rows, members)
        await add_events(session, proposed)
        await repo.mark_published(session, links)
        await repo.set_status(
            session, run_id, None, ProposalStatus.DISCARDED, from_status=(ProposalStatus.DRAFT,)
        )
        run = replace(review.run, status=MatchRunStatus.PUBLISHED, published_at=ctx.now())
        await run_repo.transition(
            session,
            run_id,
            (MatchRunStatus.DRAFT,),
            status=run.status,
            published_at=run.published_at,
        )
    return PublishResult(
        run=public(run),
        relationships_proposed=len(rows),
        discarded=len(draft.proposals) - len(approved),
    )


def _stale(roster: Roster, approved: Sequence[Proposal], draft: Draft) -> list[ErrorEntry]:
    """Approved proposals that no longer hold: someone left, got matched, or filled up.

    A group takes group places; a pair needs a one-to-one place (see :mod:`group_stage`)."""
    problems: list[ErrorEntry] = []
    places = {m: roster.places(m) for m in roster.remaining}
    for p in sorted(approved, key=lambda p: p.format != "group"):  # groups first
        mentees = [m.mentee_id for m in draft.members[p.id]]
        gone = [m for m in mentees if not roster.is_waiting(m)]
        reasons = [f"mentee {roster.named(m)} is no longer waiting" for m in gone]
        mentor = roster.named(p.mentor_id)
        loose, total = places.get(p.mentor_id, (0, 0))
        needed = len(mentees)
        if p.mentor_id not in places:
            reasons.append(f"mentor {mentor} is no longer taking part")
        elif total < needed or (p.format != "group" and loose < needed):
            left = total if p.format == "group" else min(loose, total)
            reasons.append(
                f"mentor {mentor} has {_places(left)} left and this proposal needs {needed}: "
                "move mentees to another mentor, or raise the mentor's capacity"
            )
        total -= needed
        loose = min(loose if p.format == "group" else loose - needed, total)
        places[p.mentor_id] = (loose, total)
        problems += [breach("stale", reason, p.id) for reason in reasons]
    return problems


def _places(n: int) -> str:
    return "no free place" if n <= 0 else "1 free place" if n == 1 else f"{n} free places"
