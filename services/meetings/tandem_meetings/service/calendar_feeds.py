"""The ``calendar-feeds`` worker: fetch the external feeds that are due, keep their busy times.

Each tick claims a batch of due feeds under a lease (so two processes never fetch the
same feed), fetches each with a conditional GET outside any transaction, then stores
each outcome in a transaction of its own: on 200 the busy intervals read from the
body replace the feed's previous ones, on 304 they stand, on a failure the feed is
retried later, backing off. A feed whose URL changed or went while it was being
fetched stores nothing. Logs name the participant and the outcome, never the URL.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from tandem_kit import directory
from tandem_kit.runtime import Runtime
from tandem_kit.workers import PeriodicWorker
from tandem_meetings.adapters import calendar_sources as repo
from tandem_meetings.adapters.calendar_feeds import FeedFetcher
from tandem_meetings.domain.busy_feeds import UnreadableFeed, read_busy_feed
from tandem_meetings.domain.calendar_sources import (
    FailureReason,
    FeedClaim,
    FeedStatus,
    FetchResult,
    next_attempt,
)
from tandem_meetings.service.context import Context
from tandem_meetings.settings import MeetingsSettings

log = logging.getLogger(__name__)


def fetcher_of(settings: MeetingsSettings) -> FeedFetcher:
    return FeedFetcher(
        timeout=settings.calendar_feed_timeout_seconds,
        max_bytes=settings.calendar_feed_max_bytes,
        allow_private=settings.calendar_feed_allow_private,
    )


async def fetch_due_feeds(ctx: Context, now: datetime, fetcher: FeedFetcher | None = None) -> int:
    """One tick: fetch the due feeds of one batch; how many were claimed."""
    settings = ctx.settings
    fetcher = fetcher or fetcher_of(settings)
    lease_until = now + timedelta(seconds=settings.calendar_feed_lease_seconds)
    async with ctx.database.transaction() as session:
        claims = await repo.claim_due(session, now, lease_until, settings.calendar_feed_batch_size)
        people = await directory.participants_by_id(session, [c.participant_id for c in claims])
    for claim in claims:
        found = people.get(claim.participant_id)
        zone = found.contact.time_zone if found is not None else "UTC"
        await _fetch_one(ctx, fetcher, claim, zone)
    return len(claims)


async def _fetch_one(ctx: Context, fetcher: FeedFetcher, claim: FeedClaim, time_zone: str) -> None:
    if claim.url is None:  # its person was shredded; the erasure deletes the row
        result = FetchResult(FeedStatus.FAILED, failure_reason=FailureReason.CONNECTION_FAILED)
    else:
        result = await fetcher.fetch(claim.url, etag=claim.etag, last_modified=claim.last_modified)
    await _store(ctx, claim, result, time_zone)


async def _store(ctx: Context, claim: FeedClaim, result: FetchResult, time_zone: str) -> None:
    settings = ctx.settings
    now = ctx.now()
    interval = timedelta(seconds=settings.calendar_feed_fetch_interval_seconds)
    intervals, truncated = None, False
    if result.status is FeedStatus.OK:
        horizon = timedelta(days=settings.calendar_feed_horizon_days)
        try:
            feed = read_busy_feed(
                result.body or b"",
                horizon_start=now,
                horizon_end=now + horizon,
                time_zone=time_zone,
                max_intervals=settings.calendar_feed_max_intervals,
            )
            intervals, truncated = feed.intervals, feed.truncated
        except UnreadableFeed:
            result = FetchResult(
                FeedStatus.FAILED, failure_reason=FailureReason.NOT_A_CALENDAR, http_status=200
            )
    failures = claim.failures + 1 if result.status is FeedStatus.FAILED else 0
    async with ctx.database.transaction() as session:
        stored = await repo.record_fetch(
            session,
            claim,
            status=result.status,
            now=now,
            next_fetch_at=next_attempt(
                now,
                failures=failures,
                interval=interval,
                max_backoff=timedelta(seconds=settings.calendar_feed_max_backoff_seconds),
            ),
            failures=failures,
            failure_reason=result.failure_reason,
            http_status=result.http_status,
            validators=None
            if result.status is FeedStatus.FAILED
            else (result.etag, result.last_modified),
            intervals=intervals,
            truncated=truncated,
        )
    log.info(
        "calendar feed of participant %s: %s%s%s",
        claim.participant_id,
        result.status.value,
        f" ({result.failure_reason.value})" if result.failure_reason else "",
        "" if stored else "; not stored, its URL changed meanwhile",
    )


def calendar_feed_worker(runtime: Runtime[MeetingsSettings]) -> PeriodicWorker:
    """The kit loop around :func:`fetch_due_feeds`, at the runtime's clock."""
    ctx = Context.of(runtime)
    fetcher = fetcher_of(runtime.settings)
    return PeriodicWorker(
        "calendar-feeds",
        runtime.settings.calendar_feed_poll_interval_seconds,
        lambda now: fetch_due_feeds(ctx, now, fetcher),
        clock=ctx.clock,
    )
