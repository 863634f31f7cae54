"""The messaging service: the one wiring point (definition, app factory, command line).

Workers beside the kit's outbox relay and consumer: the mail relay (delivers the
mail outbox over SMTP), the daily digest and the retention purge. They run
where the outbox relay runs (``serve`` or ``relay``), not in ``api``/``consume``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from fastapi import FastAPI

from tandem_contracts import service_topic
from tandem_kit.app import ServiceDefinition
from tandem_kit.app import create_app as kit_create_app
from tandem_kit.cli import run_service_cli
from tandem_kit.mail import MailRelay
from tandem_kit.runtime import Runtime, Worker
from tandem_messaging.api import (
    agreements,
    conversations,
    export,
    forums,
    messages,
    moderation,
    participants,
    preferences,
    programmes,
    reports,
    statistics,
)
from tandem_messaging.api.deps import SEAMS_STATE, Seams
from tandem_messaging.consumers import build_handlers
from tandem_messaging.service.context import Context, utc_now
from tandem_messaging.service.digests import send_due_digests
from tandem_messaging.service.retention import purge_expired
from tandem_messaging.service.scheduling import Idle, PeriodicJob
from tandem_messaging.settings import MessagingSettings

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"


def _background(
    runtime: Runtime, build: Callable[[MessagingSettings], Worker], *, scheduled: bool = False
) -> Worker:
    settings = Context.of(runtime).settings
    if not settings.run_relay or (scheduled and not settings.run_scheduled_jobs):
        return Idle()
    return build(settings)


def mail_relay(runtime: Runtime) -> Worker:
    return _background(
        runtime,
        lambda s: MailRelay(
            runtime.database,
            s.smtp,
            service=s.service_name,
            poll_interval=s.mail_poll_interval_seconds,
            retry_backoff=s.mail_retry_backoff_seconds,
            max_attempts=s.mail_max_attempts,
        ),
    )


def digest_job(runtime: Runtime, clock: Callable[[], datetime] = utc_now) -> Worker:
    """The daily digest; ``clock`` is the worker's "now" (tests pass their own)."""
    ctx = Context.of(runtime, clock)
    return _background(
        runtime,
        lambda s: PeriodicJob(
            "daily-digest",
            s.digest_interval_seconds,
            lambda now: send_due_digests(ctx, now),
            ctx.clock,
        ),
        scheduled=True,
    )


def retention_job(runtime: Runtime, clock: Callable[[], datetime] = utc_now) -> Worker:
    ctx = Context.of(runtime, clock)
    return _background(
        runtime,
        lambda s: PeriodicJob(
            "retention",
            s.retention_interval_seconds,
            lambda now: purge_expired(ctx, now),
            ctx.clock,
        ),
        scheduled=True,
    )


DEFINITION = ServiceDefinition(
    name="messaging",
    title="Tandem messaging",
    description=(
        "Where mentors and mentees talk between meetings: each relationship's private "
        "conversation, programme and group forums, communication agreements, and e-mail "
        "notifications and digests.\n\n"
        "**Confidentiality.** Content is encrypted at rest (AES-256-GCM, a key per "
        "conversation or forum, wrapped by a master key). Only a conversation's members read "
        "it: its programme's managers get 403 on content endpoints and see statistics "
        "instead; anyone else gets 404. `GET /v1/me/manager-view` shows each participant "
        "exactly what managers see about them. Events and e-mails never carry content.\n\n"
        "**Auth.** Bearer JWT with the `tandem_roles` claim; membership of conversations, "
        "forums and programmes is checked on every call from messaging's own data."
    ),
    version="1.0.0",
    migrations=MIGRATIONS,
    routers=[
        conversations.router,
        messages.router,
        statistics.router,
        agreements.router,
        forums.router,
        moderation.router,
        reports.router,
        preferences.router,
        export.router,
        programmes.router,
        participants.router,
    ],
    consumes=[service_topic("matching")],
    handlers=build_handlers,
    workers={"mail-relay": mail_relay, "daily-digest": digest_job, "retention": retention_job},
    openapi_tags=[
        {"name": "conversations", "description": "Each relationship's private conversation."},
        {"name": "messages", "description": "Posting, replying, editing, listing."},
        {"name": "statistics", "description": "Figures managers see; never content."},
        {"name": "agreements", "description": "Communication rules every party accepts."},
        {"name": "forums", "description": "Programme forums and group forums."},
        {"name": "moderation", "description": "Managers lock threads and hide posts."},
        {"name": "reports", "description": "Reporting misconduct to the manager."},
        {"name": "notifications", "description": "How each person wants to be e-mailed."},
        {"name": "privacy", "description": "Export and erasure."},
        {"name": "programmes", "description": "A programme's messaging settings."},
    ],
)


def create_app(settings: MessagingSettings | None = None, seams: Seams | None = None) -> FastAPI:
    app = kit_create_app(DEFINITION, settings or MessagingSettings())
    if seams is not None:
        setattr(app.state, SEAMS_STATE, seams)
    return app


def cli() -> None:
    run_service_cli(DEFINITION, MessagingSettings)
