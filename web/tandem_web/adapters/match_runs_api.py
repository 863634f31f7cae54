"""Matching's match runs, as the manager's run and review pages call them: start,
follow, cancel and list runs; the draft's proposals, their approval, a mentee moved or
two swapped, and publishing. A review edit matching refuses (a rule broken, the run no
longer a draft) raises EditRefused with matching's words."""

from __future__ import annotations

import uuid
from typing import Any

from tandem_web.adapters.service_calls import authenticated, expect, reaching
from tandem_web.clients.matching import AuthenticatedClient
from tandem_web.clients.matching.api.match_runs import (
    approve,
    cancel_run,
    create_run,
    get_run,
    list_proposals,
    list_runs,
    move,
    publish,
    swap,
)
from tandem_web.clients.matching.api.participants import list_participants
from tandem_web.clients.matching.models import (
    ApproveProposals,
    MatchRunPublic,
    MoveMentee,
    PageMatchRunPublic,
    PageParticipantPublic,
    PageProposalPublic,
    ProblemDetails,
    ProposalPublic,
    PublishResult,
    SwapMentees,
)
from tandem_web.clients.matching.types import UNSET, Response
from tandem_web.domain.match_runs import (
    EditRefused,
    Line,
    Person,
    Proposal,
    ProposedMentee,
    Run,
    Summary,
    Unmatched,
    breaches_of,
)

SERVICE = "matching"
MAX_PAGES = 10
# What a review edit's refusal may be: gone (404), not a draft any more or stale (409),
# a rule broken or a choice that makes no sense (422).
EDIT_REFUSALS = frozenset({404, 409, 422})


def _client(url: str, token: str) -> AuthenticatedClient:
    return authenticated(AuthenticatedClient, url, token)


def _run(item: MatchRunPublic) -> Run:
    summary = item.summary
    return Run(
        id=item.id,
        status=str(item.status),
        phase=item.phase,
        progress=item.progress,
        error=item.error if isinstance(item.error, str) else None,
        created_at=item.created_at,
        finished_at=item.finished_at,
        published_at=item.published_at,
        summary=None
        if summary is None
        else Summary(
            summary.mentees_waiting,
            summary.mentors_available,
            summary.matched,
            tuple(Unmatched(u.mentee_id, u.code, tuple(u.reasons)) for u in summary.unmatched),
            summary.average_score,
        ),
    )


def _proposal(item: ProposalPublic) -> Proposal:
    return Proposal(
        id=item.id,
        mentor_id=item.mentor_id,
        format=str(item.format_),
        score=item.score,
        status=str(item.status),
        mentees=tuple(
            ProposedMentee(
                m.mentee_id,
                m.score,
                tuple(
                    Line(c.criterion, c.contribution, c.detail)
                    for c in (m.explanation if isinstance(m.explanation, list) else [])
                ),
            )
            for m in item.mentees
        ),
    )


def _edited(answer: Response[Any], wanted: type[Any]) -> Any:
    """The answer's body, or matching's refusal of the edit in its own words."""
    parsed = answer.parsed
    if answer.status_code in EDIT_REFUSALS and isinstance(parsed, ProblemDetails):
        errors = [e.to_dict() for e in parsed.errors] if isinstance(parsed.errors, list) else []
        raise EditRefused(answer.status_code, parsed.code, parsed.detail, breaches_of(errors))
    return expect(SERVICE, answer.status_code, parsed, wanted)


async def start(url: str, token: str, programme_id: uuid.UUID) -> Run:
    """A new run (raises EditRefused: 409 while another is open or after the programme)."""
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await create_run.asyncio_detailed(programme_id, client=client)
    parsed = answer.parsed
    if answer.status_code in (409, 422) and isinstance(parsed, ProblemDetails):
        raise EditRefused(answer.status_code, parsed.code, parsed.detail)
    return _run(expect(SERVICE, answer.status_code, parsed, MatchRunPublic, ok=202))


async def run(url: str, token: str, programme_id: uuid.UUID, run_id: uuid.UUID) -> Run:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await get_run.asyncio_detailed(programme_id, run_id, client=client)
        return _run(expect(SERVICE, answer.status_code, answer.parsed, MatchRunPublic))


async def runs(url: str, token: str, programme_id: uuid.UUID) -> list[Run]:
    """The programme's runs, newest first."""
    found: list[Run] = []
    cursor: str | None = None
    async with reaching(SERVICE), _client(url, token) as client:
        for _ in range(MAX_PAGES):
            answer = await list_runs.asyncio_detailed(
                programme_id, client=client, cursor=cursor or UNSET, limit=200
            )
            page = expect(SERVICE, answer.status_code, answer.parsed, PageMatchRunPublic)
            found += [_run(item) for item in page.items]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    return sorted(found, key=lambda r: r.created_at, reverse=True)


async def cancel(url: str, token: str, programme_id: uuid.UUID, run_id: uuid.UUID) -> Run:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await cancel_run.asyncio_detailed(programme_id, run_id, client=client)
    return _run(_edited(answer, MatchRunPublic))


async def proposals(
    url: str, token: str, programme_id: uuid.UUID, run_id: uuid.UUID
) -> list[Proposal]:
    """The run's proposals, best first."""
    found: list[Proposal] = []
    cursor: str | None = None
    async with reaching(SERVICE), _client(url, token) as client:
        for _ in range(MAX_PAGES):
            answer = await list_proposals.asyncio_detailed(
                programme_id, run_id, client=client, cursor=cursor or UNSET, limit=200
            )
            page = expect(SERVICE, answer.status_code, answer.parsed, PageProposalPublic)
            found += [_proposal(item) for item in page.items]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    return found


async def people(url: str, token: str, programme_id: uuid.UUID) -> list[Person]:
    """Every participant of the programme with their name and role (a manager's list)."""
    found: list[Person] = []
    cursor: str | None = None
    async with reaching(SERVICE), _client(url, token) as client:
        for _ in range(MAX_PAGES):
            answer = await list_participants.asyncio_detailed(
                programme_id, client=client, cursor=cursor or UNSET, limit=200
            )
            page = expect(SERVICE, answer.status_code, answer.parsed, PageParticipantPublic)
            found += [
                Person(
                    p.id,
                    p.display_name if isinstance(p.display_name, str) else str(p.id),
                    str(p.role),
                )
                for p in page.items
            ]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    return found


async def approve_proposals(
    url: str,
    token: str,
    programme_id: uuid.UUID,
    run_id: uuid.UUID,
    proposal_id: uuid.UUID | None,
) -> Run:
    """Approve one proposal, or (None) every proposal of the draft."""
    body = (
        ApproveProposals(all_=True)
        if proposal_id is None
        else ApproveProposals(proposal_ids=[proposal_id])
    )
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await approve.asyncio_detailed(programme_id, run_id, client=client, body=body)
    return _run(_edited(answer, MatchRunPublic))


async def move_mentee(
    url: str,
    token: str,
    programme_id: uuid.UUID,
    run_id: uuid.UUID,
    mentee_id: uuid.UUID,
    mentor_id: uuid.UUID,
) -> Run:
    body = MoveMentee(mentee_id=mentee_id, to_mentor_id=mentor_id)
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await move.asyncio_detailed(programme_id, run_id, client=client, body=body)
    return _run(_edited(answer, MatchRunPublic))


async def swap_mentees(
    url: str,
    token: str,
    programme_id: uuid.UUID,
    run_id: uuid.UUID,
    mentee_a: uuid.UUID,
    mentee_b: uuid.UUID,
) -> Run:
    body = SwapMentees(mentee_a=mentee_a, mentee_b=mentee_b)
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await swap.asyncio_detailed(programme_id, run_id, client=client, body=body)
    return _run(_edited(answer, MatchRunPublic))


async def publish_draft(
    url: str, token: str, programme_id: uuid.UUID, run_id: uuid.UUID
) -> tuple[Run, int]:
    """The published run and how many relationships it proposed."""
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await publish.asyncio_detailed(programme_id, run_id, client=client)
    result: PublishResult = _edited(answer, PublishResult)
    return _run(result.run), result.relationships_proposed
