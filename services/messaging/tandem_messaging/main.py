"""The messaging service: the one wiring point (definition, app factory, command line).

Workers beside the kit's outbox relay and consumer: the mail relay (delivers the
mail outbox over SMTP), the daily digest and the retention purge. They run
where the outbox relay runs (``serve`` or ``relay``), not in ``api``/``consume``.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from tandem_contracts.topics import service_topic
from tandem_kit.app import ServiceDefinition
from tandem_kit.app import create_app as kit_create_app
from tandem_kit.cli import run_service_cli
from tandem_kit.clock import Clock, utc_now
from tandem_kit.directory import DIRECTORY_TOPICS
from tandem_kit.workers import RunsIn, WorkerSpec
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
from tandem_messaging.api.deps import POSTER_STATE
from tandem_messaging.consumers import build_handlers
from tandem_messaging.service.messages import MessagePoster
from tandem_messaging.service.scheduling import (
    digest_job,
    mail_relay,
    manager_digest_job,
    retention_job,
)
from tandem_messaging.settings import MessagingSettings

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"


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
    settings=MessagingSettings,
    # matching's events and the contacts topic; analytics' risk flags
    consumes=[*DIRECTORY_TOPICS, service_topic("analytics")],
    handlers=build_handlers,
    workers=[
        WorkerSpec("mail-relay", mail_relay, runs_in=RunsIn.RELAY),
        WorkerSpec(
            "daily-digest",
            digest_job,
            runs_in=RunsIn.RELAY,
            enabled=lambda settings: settings.run_scheduled_jobs,
        ),
        WorkerSpec(
            "manager-digest",
            manager_digest_job,
            runs_in=RunsIn.RELAY,
            enabled=lambda settings: settings.run_scheduled_jobs,
        ),
        WorkerSpec(
            "retention",
            retention_job,
            runs_in=RunsIn.RELAY,
            enabled=lambda settings: settings.run_scheduled_jobs,
        ),
    ],
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


def create_app(
    settings: MessagingSettings | None = None,
    *,
    clock: Clock = utc_now,
    poster: type[MessagePoster] = MessagePoster,
) -> FastAPI:
    """The app; ``clock`` and ``poster`` are what tests and the benchmark swap, in code."""
    app = kit_create_app(DEFINITION, settings or MessagingSettings(), clock=clock)
    setattr(app.state, POSTER_STATE, poster)
    return app


def cli() -> None:
    run_service_cli(DEFINITION)
