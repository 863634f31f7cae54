"""Proposals of a match run's draft: one per prospective relationship, members per mentee."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from uuid import UUID

from sqlalchemy import RowMapping, bindparam, delete, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import MentoringFormat
from tandem_kit.api import keyset
from tandem_matching.adapters.tables import proposal_members, proposals
from tandem_matching.domain.proposals import Proposal, ProposalMember, ProposalStatus


def _proposal(row: RowMapping) -> Proposal:
    return Proposal(
        id=row["id"],
        run_id=row["run_id"],
        programme_id=row["programme_id"],
        mentor_id=row["mentor_id"],
        format=MentoringFormat(row["format"]),
        score=row["score"],
        status=ProposalStatus(row["status"]),
        position=row["position"],
        relationship_id=row["relationship_id"],
    )


def _member(row: RowMapping) -> ProposalMember:
    explanation: Mapping[str, object] | None = row["explanation"]
    return ProposalMember(row["proposal_id"], row["mentee_id"], row["score"], explanation)


def _member_values(member: ProposalMember) -> dict[str, object]:
    values = asdict(member)
    if member.explanation is not None:
        values["explanation"] = dict(member.explanation)
    return values


async def insert_many(
    session: AsyncSession, rows: Sequence[Proposal], members: Sequence[ProposalMember]
) -> None:
    if rows:
        await session.execute(insert(proposals), [asdict(r) for r in rows])
    if members:
        await session.execute(insert(proposal_members), [_member_values(m) for m in members])


async def members_of(
    session: AsyncSession, proposal_ids: Sequence[UUID]
) -> dict[UUID, list[ProposalMember]]:
    out: dict[UUID, list[ProposalMember]] = {pid: [] for pid in proposal_ids}
    chunk = 500  # keeps the IN list under every driver's parameter limit
    for lo in range(0, len(proposal_ids), chunk):
        query = (
            select(proposal_members)
            .where(proposal_members.c.proposal_id.in_(list(proposal_ids[lo : lo + chunk])))
            .order_by(proposal_members.c.proposal_id, proposal_members.c.mentee_id)
        )
        for row in (await session.execute(query)).mappings():
            out[row["proposal_id"]].append(_member(row))
    return out


async def page(
    session: AsyncSession,
    run_id: UUID,
    *,
    status: ProposalStatus | None,
    cursor: str | None,
    limit: int,
) -> list[Proposal]:
    """In the engine's order (best first); cursor = (position, id); ``limit + 1`` rows."""
    query = select(proposals).where(proposals.c.run_id == run_id)
    if status is not None:
        query = query.where(proposals.c.status == status)
    query = keyset(query, [proposals.c.position, proposals.c.id], cursor, limit)
    return [_proposal(r) for r in (await session.execute(query)).mappings()]


async def all_of_run(session: AsyncSession, run_id: UUID) -> list[Proposal]:
    query = (
        select(proposals)
        .where(proposals.c.run_id == run_id)
        .order_by(proposals.c.position, proposals.c.id)
    )
    return [_proposal(r) for r in (await session.execute(query)).mappings()]


async def set_status(
    session: AsyncSession,
    run_id: UUID,
    proposal_ids: Sequence[UUID] | None,
    status: ProposalStatus,
    *,
    from_status: Sequence[ProposalStatus],
) -> None:
    query = update(proposals).where(
        proposals.c.run_id == run_id, proposals.c.status.in_(list(from_status))
    )
    if proposal_ids is not None:
        query = query.where(proposals.c.id.in_(list(proposal_ids)))
    await session.execute(query.values(status=status))


async def replace_proposal(
    session: AsyncSession, proposal: Proposal, members: Sequence[ProposalMember]
) -> None:
    """Rewrite one proposal (mentor, score, format, status) and its members after a review edit."""
    pid = proposal.id
    await session.execute(delete(proposal_members).where(proposal_members.c.proposal_id == pid))
    await session.execute(
        update(proposals)
        .where(proposals.c.id == pid)
        .values(
            mentor_id=proposal.mentor_id,
            score=proposal.score,
            format=proposal.format,
            status=proposal.status,
        )
    )
    if members:
        await session.execute(insert(proposal_members), [_member_values(m) for m in members])


async def delete_proposal(session: AsyncSession, proposal_id: UUID) -> None:
    await session.execute(
        delete(proposal_members).where(proposal_members.c.proposal_id == proposal_id)
    )
    await session.execute(delete(proposals).where(proposals.c.id == proposal_id))


async def mark_published(session: AsyncSession, links: Mapping[UUID, UUID]) -> None:
    """``links``: proposal id → the id of the relationship it became."""
    if links:
        statement = (
            update(proposals)
            .where(proposals.c.id == bindparam("proposal_id"))
            .values(status=ProposalStatus.PUBLISHED, relationship_id=bindparam("rel_id"))
        )
        await session.execute(
            statement, [{"proposal_id": pid, "rel_id": rid} for pid, rid in links.items()]
        )


async def of_participant(session: AsyncSession, participant_id: UUID) -> list[Proposal]:
    as_mentee = select(proposal_members.c.proposal_id).where(
        proposal_members.c.mentee_id == participant_id
    )
    query = (
        select(proposals)
        .where(or_(proposals.c.mentor_id == participant_id, proposals.c.id.in_(as_mentee)))
        .order_by(proposals.c.run_id, proposals.c.position)
    )
    return [_proposal(r) for r in (await session.execute(query)).mappings()]


async def forget_explanations(session: AsyncSession, participant_id: UUID) -> None:
    as_mentor = select(proposals.c.id).where(proposals.c.mentor_id == participant_id)
    await session.execute(
        update(proposal_members)
        .where(
            or_(
                proposal_members.c.mentee_id == participant_id,
                proposal_members.c.proposal_id.in_(as_mentor),
            )
        )
        .values(explanation=None)
    )
