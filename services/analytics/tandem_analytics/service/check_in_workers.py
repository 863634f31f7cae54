"""Check-ins' background work (``main.py`` declares where it runs): the due check-ins and
outcome requests, mailed through the mail outbox, and the relay that delivers it."""

from __future__ import annotations

from datetime import datetime

from tandem_analytics.service import check_ins, outcomes
from tandem_analytics.service.context import Context
from tandem_analytics.settings import AnalyticsSettings
from tandem_kit.mail import MailRelay
from tandem_kit.runtime import Runtime
from tandem_kit.workers import PeriodicWorker


async def send_due(ctx: Context, now: datetime) -> int:
    """One round: check-ins, then outcome requests (each its own transaction)."""
    return await check_ins.send_due(ctx, now) + await outcomes.send_due(ctx, now)


def check_in_worker(runtime: Runtime[AnalyticsSettings]) -> PeriodicWorker:
    ctx = Context.of(runtime)
    return PeriodicWorker(
        "check-ins",
        runtime.settings.check_in_interval_seconds,
        lambda now: send_due(ctx, now),
        clock=ctx.clock,
    )


def mail_relay(runtime: Runtime[AnalyticsSettings]) -> MailRelay:
    """The kit's relay for analytics' mail outbox."""
    settings = runtime.settings
    return MailRelay(
        runtime.database,
        settings.smtp,
        service=settings.service_name,
        poll_interval=settings.mail_poll_interval_seconds,
        retry_backoff=settings.mail_retry_backoff_seconds,
        max_attempts=settings.mail_max_attempts,
        lease_seconds=settings.mail_lease_seconds,
    )
