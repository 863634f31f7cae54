"""The SQL of external calendar feeds and their busy intervals.

The URL is sealed here, under the participant's key (``tandem_kit.privacy``): it is
opened only for its owner and for the fetcher, and an erasure's shred leaves the
ciphertext unreadable wherever a copy of it lies.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import and_, delete, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit.privacy import participant, vault_of
from tandem_meetings.adapters.tables import busy_intervals as intervals_table
from tandem_meetings.adapters.tables import calendar_sources as sources_table
from tandem_meetings.domain.busy_feeds import BusyInterval
from tandem_meetings.domain.calendar_sources import (
    CalendarSource,
    FailureReason,
    FeedClaim,
    FeedStatus,
)

URL_FIELD = "calendar_feed_url"
_s = sources_table


async def _open_url(session: AsyncSession, participant_id: UUID, sealed: bytes) -> str | None:
    return await vault_of(session).open(session, participant(participant_id), URL_FIELD, sealed)


async def source_of(session: AsyncSession, participant_id: UUID) -> CalendarSource | None:
    row = (await session.execute(select(_s).where(_s.c.participant_id == participant_id))).first()
    if row is None:
        return None
    return CalendarSource(
        participant_id=row.participant_id,
        programme_id=row.programme_id,
        url=await _open_url(session, row.participant_id, row.url_sealed),
        status=FeedStatus(row.status),
        failure_reason=None if row.failure_reason is None else FailureReason(row.failure_reason),
        http_status=row.http_status,
        busy_intervals=row.busy_count,
        truncated=row.truncated,
        last_fetched_at=row.last_fetched_at,
        last_success_at=row.last_success_at,
        next_fetch_at=row.next_fetch_at,
        updated_at=row.updated_at,
    )


async def save_source(
    session: AsyncSession, participant_id: UUID, programme_id: UUID, url: str, now: datetime
) -> None:
    """Set the participant's feed URL: a new version, due at once, with no intervals yet
    (those of the previous URL are not this calendar's)."""
    sealed = await vault_of(session).seal(session, participant(participant_id), URL_FIELD, url)
    assert sealed is not None
    fresh: dict[str, Any] = {
        "programme_id": programme_id,
        "url_sealed": sealed,
        "etag": None,
        "last_modified": None,
        "status": FeedStatus.PENDING.value,
        "failure_reason": None,
        "http_status": None,
        "failures": 0,
        "busy_count": 0,
        "truncated": False,
        "next_fetch_at": now,
        "lease_until": None,
        "last_fetched_at": None,
        "last_success_at": None,
        "updated_at": now,
    }
    changed = await session.execute(
        update(_s)
        .where(_s.c.participant_id == participant_id)
        .values(version=_s.c.version + 1, **fresh)
    )
    if not getattr(changed, "rowcount", 0):
        await session.execute(
            insert(_s).values(participant_id=participant_id, version=1, created_at=now, **fresh)
        )
    await _delete_intervals(session, participant_id)


async def delete_source(session: AsyncSession, participant_id: UUID) -> bool:
    """Remove the feed and its busy intervals; whether there was one."""
    await _delete_intervals(session, participant_id)
    result = await session.execute(delete(_s).where(_s.c.participant_id == participant_id))
    return bool(getattr(result, "rowcount", 0))


async def _delete_intervals(session: AsyncSession, participant_id: UUID) -> None:
    await session.execute(
        delete(intervals_table).where(intervals_table.c.participant_id == participant_id)
    )


def _due(now: datetime) -> Any:
    return and_(_s.c.next_fetch_at <= now, or_(_s.c.lease_until.is_(None), _s.c.lease_until <= now))


async def claim_due(
    session: AsyncSession, now: datetime, lease_until: datetime, limit: int
) -> list[FeedClaim]:
    """Claim up to ``limit`` due feeds under a lease, earliest due first, with their
    URLs opened. A feed another process holds is skipped."""
    candidates = (
        select(_s.c.participant_id).where(_due(now)).order_by(_s.c.next_fetch_at).limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        candidates = candidates.with_for_update(skip_locked=True)
    ids = list((await session.scalars(candidates)).all())
    if not ids:
        return []
    # Only where still due: on SQLite (no row locks) a claimer that read the same ids a
    # moment later claims nothing.
    rows = (
        await session.execute(
            update(_s)
            .where(_s.c.participant_id.in_(ids), _due(now))
            .values(lease_until=lease_until)
            .returning(*_s.c)
        )
    ).all()
    claims = []
    for row in sorted(rows, key=lambda r: r.next_fetch_at):
        claims.append(
            FeedClaim(
                participant_id=row.participant_id,
                version=row.version,
                url=await _open_url(session, row.participant_id, row.url_sealed),
                etag=row.etag,
                last_modified=row.last_modified,
                failures=row.failures,
                lease_until=lease_until,
            )
        )
    return claims


async def record_fetch(
    session: AsyncSession,
    claim: FeedClaim,
    *,
    status: FeedStatus,
    now: datetime,
    next_fetch_at: datetime,
    failures: int,
    failure_reason: FailureReason | None = None,
    http_status: int | None = None,
    validators: tuple[str | None, str | None] | None = None,
    intervals: Sequence[BusyInterval] | None = None,
    truncated: bool = False,
) -> bool:
    """Store a fetch's outcome and release the lease, if the feed is still the claimed
    version; ``intervals`` (given on a 200) replace the feed's previous ones in this
    transaction. False: the URL changed or went meanwhile, nothing was stored."""
    values: dict[str, Any] = {
        "status": status.value,
        "failure_reason": None if failure_reason is None else failure_reason.value,
        "http_status": http_status,
        "failures": failures,
        "next_fetch_at": next_fetch_at,
        "lease_until": None,
        "last_fetched_at": now,
        "updated_at": now,
    }
    if status in (FeedStatus.OK, FeedStatus.NOT_MODIFIED):
        values["last_success_at"] = now
    if validators is not None:
        values["etag"], values["last_modified"] = validators
    if intervals is not None:
        values["busy_count"] = len(intervals)
        values["truncated"] = truncated
    result = await session.execute(
        update(_s)
        .where(_s.c.participant_id == claim.participant_id, _s.c.version == claim.version)
        .values(**values)
    )
    if not getattr(result, "rowcount", 0):
        return False
    if intervals is not None:
        await _delete_intervals(session, claim.participant_id)
        if intervals:
            await session.execute(
                insert(intervals_table),
                [
                    {"participant_id": claim.participant_id, "starts_at": i.start, "ends_at": i.end}
                    for i in intervals
                ],
            )
    return True


async def busy_between(
    session: AsyncSession, participant_ids: Iterable[UUID], start: datetime, end: datetime
) -> dict[UUID, list[tuple[datetime, datetime]]]:
    """Each participant's feed intervals overlapping ``[start, end)``, in order."""
    ids = list(set(participant_ids))
    found: dict[UUID, list[tuple[datetime, datetime]]] = {pid: [] for pid in ids}
    if not ids:
        return found
    t = intervals_table
    rows = await session.execute(
        select(t.c.participant_id, t.c.starts_at, t.c.ends_at)
        .where(t.c.participant_id.in_(ids), t.c.starts_at < end, t.c.ends_at > start)
        .order_by(t.c.participant_id, t.c.starts_at)
    )
    for row in rows:
        found[row.participant_id].append((row.starts_at, row.ends_at))
    return found


async def forget(session: AsyncSession, participant_id: UUID) -> None:
    """Delete the participant's feed and busy intervals (erasure)."""
    await delete_source(session, participant_id)
