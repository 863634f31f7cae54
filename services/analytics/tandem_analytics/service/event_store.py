"""Analytics' own store of what it consumed: kept in the inbox's transaction, rewritten
on erasure, read back in order by a rebuild.

Only service-topic events are kept (ids and facts: the topics carry no content); the
contacts topic's records never are (the directory keeps the latest contact, and erasure
removes it). An erased participant's id becomes ERASED in every stored event that
named them, and a token subject beside it ``erased:``.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterable, Sequence
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters import event_store as repo
from tandem_analytics.domain.event_store import StoredEvent
from tandem_analytics.domain.readmodels import scrub
from tandem_contracts import Envelope


def _encode(data: object) -> bytes:
    return json.dumps(data, separators=(",", ":"), sort_keys=True).encode()


async def keep(
    session: AsyncSession, envelope: Envelope, data: object, people: Iterable[UUID]
) -> bool:
    """Store the consumed event; False when its id is already stored."""
    stored = StoredEvent(
        envelope.id, envelope.type, envelope.source, envelope.key, envelope.time, _encode(data)
    )
    return await repo.append(session, stored, people)


async def keep_many(
    session: AsyncSession, kept: Sequence[tuple[Envelope, object, Iterable[UUID]]]
) -> list[bool]:
    """:func:`keep` for a run of (envelope, data, people), in order: which were new."""
    return await repo.append_many(
        session,
        [
            (
                StoredEvent(e.id, e.type, e.source, e.key, e.time, _encode(data)),
                people,
            )
            for e, data, people in kept
        ],
    )


async def forget(session: AsyncSession, participant_id: UUID) -> None:
    """Rewrite every stored event that names the participant, then drop the index."""
    for event_id, data in await repo.naming(session, participant_id):
        await repo.rewrite(session, event_id, _encode(scrub(json.loads(data), {participant_id})))
    await repo.forget_person(session, participant_id)


async def size(session: AsyncSession) -> tuple[int, int]:
    """Stored events and the bytes of their JSON."""
    return await repo.count(session), await repo.stored_bytes(session)


def replay(session: AsyncSession) -> AsyncIterator[StoredEvent]:
    return repo.in_order(session)
