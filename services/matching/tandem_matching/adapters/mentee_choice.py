"""Mentor requests: a mentee asks a mentor directly (mentee-choice programmes).

The mentee's message is free text that may name people: it is sealed under the
mentee's key (:mod:`tandem_kit.privacy`), shredded with it on erasure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from uuid import UUID

from sqlalchemy import RowMapping, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit import privacy
from tandem_kit.api import keyset
from tandem_kit.privacy import vault_of
from tandem_matching.adapters.tables import mentor_requests
from tandem_matching.domain.mentee_choice import MentorRequest, RequestStatus


async def _record(session: AsyncSession, row: RowMapping) -> MentorRequest:
    message = await vault_of(session).open(
        session, privacy.participant(row["mentee_id"]), "request_message", row["message"]
    )
    return MentorRequest(**{**row, "status": RequestStatus(row["status"]), "message": message})


async def insert_request(session: AsyncSession, request: MentorRequest) -> None:
    message = await vault_of(session).seal(
        session, privacy.participant(request.mentee_id), "request_message", request.message
    )
    await session.execute(insert(mentor_requests).values({**asdict(request), "message": message}))


async def get(
    session: AsyncSession, programme_id: UUID, request_id: UUID, *, for_update: bool = False
) -> MentorRequest | None:
    query = select(mentor_requests).where(
        mentor_requests.c.id == request_id, mentor_requests.c.programme_id == programme_id
    )
    if for_update:
        query = query.with_for_update()
    row = (await session.execute(query)).mappings().first()
    return await _record(session, row) if row else None


async def pending_of_mentee(session: AsyncSession, mentee_id: UUID) -> MentorRequest | None:
    row = (
        (
            await session.execute(
                select(mentor_requests).where(
                    mentor_requests.c.mentee_id == mentee_id,
                    mentor_requests.c.status == RequestStatus.PENDING,
                )
            )
        )
        .mappings()
        .first()
    )
    return await _record(session, row) if row else None


async def list_page(
    session: AsyncSession,
    programme_id: UUID,
    *,
    involving: UUID | None,
    status: RequestStatus | None,
    cursor: str | None,
    limit: int,
) -> list[MentorRequest]:
    query = select(mentor_requests).where(mentor_requests.c.programme_id == programme_id)
    if involving is not None:
        query = query.where(
            or_(mentor_requests.c.mentee_id == involving, mentor_requests.c.mentor_id == involving)
        )
    if status is not None:
        query = query.where(mentor_requests.c.status == status)
    query = keyset(query, [mentor_requests.c.created_at, mentor_requests.c.id], cursor, limit)
    return [await _record(session, r) for r in (await session.execute(query)).mappings()]


async def decide(
    session: AsyncSession,
    request_id: UUID,
    status: RequestStatus,
    at: dt.datetime,
    relationship_id: UUID | None = None,
) -> None:
    await session.execute(
        update(mentor_requests)
        .where(mentor_requests.c.id == request_id)
        .values(status=status, decided_at=at, relationship_id=relationship_id)
    )


async def of_participant(session: AsyncSession, participant_id: UUID) -> list[MentorRequest]:
    query = (
        select(mentor_requests)
        .where(
            or_(
                mentor_requests.c.mentee_id == participant_id,
                mentor_requests.c.mentor_id == participant_id,
            )
        )
        .order_by(mentor_requests.c.created_at, mentor_requests.c.id)
    )
    return [await _record(session, r) for r in (await session.execute(query)).mappings()]


async def close_pending_of(session: AsyncSession, participant_id: UUID, at: dt.datetime) -> None:
    """A leaving participant's pending requests: withdrawn (as mentee) or declined (as mentor)."""
    for column, status in (
        (mentor_requests.c.mentee_id, RequestStatus.WITHDRAWN),
        (mentor_requests.c.mentor_id, RequestStatus.DECLINED),
    ):
        await session.execute(
            update(mentor_requests)
            .where(
                column == participant_id,
                mentor_requests.c.status == RequestStatus.PENDING,
            )
            .values(status=status, decided_at=at)
        )


async def forget_personal(session: AsyncSession, participant_id: UUID) -> None:
    """Messages and explanations quote people; erased with either side's profile."""
    await session.execute(
        update(mentor_requests)
        .where(
            or_(
                mentor_requests.c.mentee_id == participant_id,
                mentor_requests.c.mentor_id == participant_id,
            ),
        )
        .values(message=None, explanation=None)
    )
