"""Messaging's background workers, each one kit loop: the mail relay, the digests
(members' daily, managers' per period), retention.

``main.py`` declares where they run (with the outbox relay; the digest and the
retention purge also only while ``run_scheduled_jobs``); the kit decides per process.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from tandem_kit.mail import MailRelay
from tandem_kit.runtime import Runtime
from tandem_kit.workers import PeriodicWorker
from tandem_messaging.service.context import Context
from tandem_messaging.service.digests import send_due_digests, send_manager_digests
from tandem_messaging.service.retention import purge_expired
from tandem_messaging.settings import MessagingSettings


def mail_relay(runtime: Runtime[MessagingSettings]) -> MailRelay:
    settings = runtime.settings
    return MailRelay(
        runtime.database,
        settings.smtp,
        service=settings.service_name,
        poll_interval=settings.mail_poll_interval_seconds,
        retry_backoff=settings.mail_retry_backoff_seconds,
        max_attempts=settings.mail_max_attempts,
    )


def _every(
    runtime: Runtime[MessagingSettings],
    name: str,
    interval_seconds: float,
    use_case: Callable[[Context, datetime], Awaitable[int]],
) -> PeriodicWorker:
    """A kit loop running ``use_case`` at the runtime's clock (tests hand the app their own)."""
    ctx = Context.of(runtime)
    return PeriodicWorker(name, interval_seconds, lambda now: use_case(ctx, now), clock=ctx.clock)


def digest_job(runtime: Runtime[MessagingSettings]) -> PeriodicWorker:
    """The members' daily digest."""
    return _every(
        runtime, "daily-digest", runtime.settings.digest_interval_seconds, send_due_digests
    )


def manager_digest_job(runtime: Runtime[MessagingSettings]) -> PeriodicWorker:
    """The managers' digests of agreements waiting for them, once per period."""
    return _every(
        runtime,
        "manager-digest",
        runtime.settings.manager_digest_interval_seconds,
        send_manager_digests,
    )


def retention_job(runtime: Runtime[MessagingSettings]) -> PeriodicWorker:
    """Deletes content past its programme's retention period."""
    return _every(runtime, "retention", runtime.settings.retention_interval_seconds, purge_expired)
