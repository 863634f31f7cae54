"""Proposals of a match run's draft: one per prospective relationship, members per mentee."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import bindparam, delete, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.api import keyset, next_cursor
from tandem_matching.adapters.tables import proposal_members, proposals


async def insert_many(
    session: AsyncSession, rows: Sequence[dict[str, Any]], members: Sequence[dict[str, Any]]
) -> None:
    if rows:
        await session.execute(insert(proposals), list(rows))
    if members:
        await session.execute(insert(proposal_members), list(members))


async def members_of(
    session: AsyncSession, proposal_ids: Sequence[UUID]
) -> dict[UUID, list[dict[str, Any]]]:
    out: dict[UUID, list[dict[str, Any]]] = {pid: [] for pid in proposal_ids}
    chunk = 500
    for lo in range(0, len(proposal_ids), chunk):
        query = (
            select(proposal_members)
            .where(proposal_members.c.proposal_id.in_(list(proposal_ids[lo : lo + chunk])))
            .order_by(proposal_members.c.proposal_id, proposal_members.c.mentee_id)
        )
        for row in (await session.execute(query)).mappings():
            out[row["proposal_id"]].append(dict(row))
    return out


async def page(
    session: AsyncSession, run_id: UUID, *, status: str | None, cursor: str | None, limit: int
) -> tuple[list[dict[str, Any]], str | None]:
    """A page in the engine's order (best first); cursor = (position, id)."""
    query = select(proposals).where(proposals.c.run_id == run_id)
    if status is not None:
        query = query.where(proposals.c.status == status)
    query = keyset(query, [proposals.c.position, proposals.c.id], cursor, limit)
    rows = [dict(r) for r in (await session.execute(query)).mappings()]
    following = next_cursor(rows, limit, lambda r: (r["position"], r["id"]))
    return rows[:limit], following


async def all_of_run(session: AsyncSession, run_id: UUID) -> list[dict[str, Any]]:
    query = (
        select(proposals)
        .where(proposals.c.run_id == run_id)
        .order_by(proposals.c.position, proposals.c.id)
    )
    return [dict(r) for r in (await session.execute(query)).mappings()]


async def set_status(
    session: AsyncSession,
    run_id: UUID,
    proposal_ids: Sequence[UUID] | None,
    status: str,
    *,
    from_status: Sequence[str],
) -> None:
    query = update(proposals).where(
        proposals.c.run_id == run_id, proposals.c.status.in_(list(from_status))
    )
    if proposal_ids is not None:
        query = query.where(proposals.c.id.in_(list(proposal_ids)))
    await session.execute(query.values(status=status))


async def replace_proposal(
    session: AsyncSession, proposal: dict[str, Any], members: Sequence[dict[str, Any]]
) -> None:
    """Rewrite one proposal (mentor, score, format, status) and its members after a review edit."""
    pid = proposal["id"]
    await session.execute(delete(proposal_members).where(proposal_members.c.proposal_id == pid))
    await session.execute(
        update(proposals)
        .where(proposals.c.id == pid)
        .values(
            mentor_id=proposal["mentor_id"],
            score=proposal["score"],
            format=proposal["format"],
            status=proposal["status"],
        )
    )
    if members:
        await session.execute(
            insert(proposal_members), [{**m, "proposal_id": pid} for m in members]
        )


async def delete_proposal(session: AsyncSession, proposal_id: UUID) -> None:
    await session.execute(
        delete(proposal_members).where(proposal_members.c.proposal_id == proposal_id)
    )
    await session.execute(delete(proposals).where(proposals.c.id == proposal_id))


async def mark_published(session: AsyncSession, links: Sequence[dict[str, str]]) -> None:
    """``links``: {"id": proposal id, "relationship_id": …} for each published proposal."""
    if links:
        statement = (
            update(proposals)
            .where(proposals.c.id == bindparam("proposal_id"))
            .values(status="published", relationship_id=bindparam("rel_id"))
        )
        await session.execute(
            statement,
            [{"proposal_id": link["id"], "rel_id": link["relationship_id"]} for link in links],
        )


async def of_participant(session: AsyncSession, participant_id: UUID) -> list[dict[str, Any]]:
    as_mentee = select(proposal_members.c.proposal_id).where(
        proposal_members.c.mentee_id == participant_id
    )
    query = (
        select(proposals)
        .where(or_(proposals.c.mentor_id == participant_id, proposals.c.id.in_(as_mentee)))
        .order_by(proposals.c.run_id, proposals.c.position)
    )
    return [dict(r) for r in (await session.execute(query)).mappings()]


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
