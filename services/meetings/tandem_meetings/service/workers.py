"""The core's background work, each one kit loop (``main.py`` declares where it runs):
retrying video links that are pending (and mailing them when they come), sending due
reminders, and forgetting used RSVP nonces once their links
have expired."""

from __future__ import annotations

import uuid

from tandem_kit.runtime import Runtime
from tandem_kit.workers import PeriodicWorker
from tandem_meetings.service.attendance import mark_unrecorded
from tandem_meetings.service.context import Context
from tandem_meetings.service.link_retry import retry_pending_links
from tandem_meetings.service.reminders import send_due_reminders
from tandem_meetings.service.rsvp import forget_used_nonces
from tandem_meetings.settings import MeetingsSettings


def link_retry(runtime: Runtime[MeetingsSettings]) -> PeriodicWorker:
    ctx = Context.of(runtime)
    return PeriodicWorker(
        "link-retry",
        runtime.settings.link_retry_interval_seconds,
        lambda _now: retry_pending_links(ctx),
        clock=ctx.clock,
    )


def rsvp_nonce_cleanup(runtime: Runtime[MeetingsSettings]) -> PeriodicWorker:
    ctx = Context.of(runtime)
    return PeriodicWorker(
        "rsvp-nonce-cleanup",
        runtime.settings.rsvp_nonce_cleanup_interval_seconds,
        lambda now: forget_used_nonces(ctx, now),
        clock=ctx.clock,
    )


def reminders(runtime: Runtime[MeetingsSettings]) -> PeriodicWorker:
    """Due reminders into the mail outbox; each worker its own lease owner."""
    ctx = Context.of(runtime)
    owner = f"reminders-{uuid.uuid4()}"
    return PeriodicWorker(
        "reminders",
        runtime.settings.reminder_interval_seconds,
        lambda now: send_due_reminders(ctx, now, owner=owner),
        clock=ctx.clock,
    )


def attendance_unrecorded(runtime: Runtime[MeetingsSettings]) -> PeriodicWorker:
    """Meetings nobody recorded in time become unrecorded (idempotent: one outcome row)."""
    ctx = Context.of(runtime)
    return PeriodicWorker(
        "attendance-unrecorded",
        runtime.settings.attendance_interval_seconds,
        lambda now: mark_unrecorded(ctx, now),
        clock=ctx.clock,
    )
