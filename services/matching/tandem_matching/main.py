"""The one wiring point of the matching service: definition, app factory, command line."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from tandem_contracts import CONTACTS_TOPIC, service_topic
from tandem_kit.app import ServiceDefinition
from tandem_kit.app import create_app as create_service_app
from tandem_kit.cli import run_service_cli
from tandem_kit.clock import Clock, utc_now
from tandem_kit.kafka.rolling import SegmentRoller
from tandem_kit.workers import RunsIn, WorkerSpec
from tandem_matching.api import (
    imports,
    match_runs,
    mentee_choice,
    organisations,
    participants,
    privacy,
    programmes,
    relationships,
    rematching,
    suggested_weights,
)
from tandem_matching.consumers import build_handlers
from tandem_matching.service import engine
from tandem_matching.service.engine import Solver
from tandem_matching.service.match_worker import MatchRunWorker
from tandem_matching.service.workers import CompletionWorker
from tandem_matching.settings import MatchingSettings

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"

DESCRIPTION = """\
Programmes, participants and their profiles, match runs and their reviewed drafts,
mentee-chosen mentors, and relationships from proposal to completion.

**Who may call what.** Every request carries a bearer token (`tandem_roles` claim).
*Admins* create organisations and programmes and may act as a manager anywhere.
*Managers* — holders of `manager:<programme>` — see and run their programmes only (the
managers named when a programme is created are whom the platform mails about it; being
named does not stand in for the grant). *Participants* (`mentor:<programme>`,
`mentee:<programme>`) see themselves and their own relationships and requests.

**Errors** are `application/problem+json` with a stable `code`. Scoping is consistent:
401 without a valid token; **404** for what you may not know exists — a programme in
which you hold no role (it looks the same as one that does not exist), or a resource
that is not in that programme or is not yours to see (participants never learn about
other participants); **403** when you hold a role in the programme but not one that
may do this (a participant calling a manager's endpoint). Bad input is a 4xx and
writes nothing.

**Lists** are cursor-paginated: pass `next_cursor` back as `cursor`.

**Events** go to `tandem.matching.v1` through the transactional outbox, keyed by
relationship id (else programme id).
"""

TAGS = [
    {"name": "programmes", "description": "Organisations, programmes and matching policy."},
    {"name": "participants", "description": "Registration, profiles, withdrawal."},
    {"name": "privacy", "description": "Erasure and export of personal data."},
    {"name": "imports", "description": "Bulk registration from CSV or JSON."},
    {"name": "match-runs", "description": "Match runs, their draft proposals and review."},
    {"name": "mentee-choice", "description": "Suggestions and mentor requests."},
    {
        "name": "relationships",
        "description": "The relationship life cycle and re-matching after an early end.",
    },
]


def definition(solver: Solver = engine.solve) -> ServiceDefinition[MatchingSettings]:
    """The service; ``solver`` is what match runs solve with (tests pass their own)."""
    return ServiceDefinition(
        name="matching",
        title="Tandem matching",
        description=DESCRIPTION,
        version="0.1.0",
        migrations=MIGRATIONS,
        routers=[
            organisations.router,
            programmes.router,
            participants.router,
            privacy.router,
            imports.router,
            match_runs.router,
            mentee_choice.router,
            relationships.router,
            rematching.router,
            suggested_weights.router,
        ],
        settings=MatchingSettings,
        # analytics' suggested weights (at-risk flags: see consumers.py)
        consumes=(service_topic("analytics"),),
        handlers=build_handlers,
        # In every part of the process, as before: a queued run must not wait for `serve`.
        workers=[
            WorkerSpec(
                "match-runs",
                lambda runtime: MatchRunWorker(runtime, solver),
                enabled=lambda settings: settings.match_runs_enabled,
            ),
            WorkerSpec(
                "relationship-completion",
                CompletionWorker,
                enabled=lambda settings: settings.completion_enabled,
            ),
            # With the relay, which publishes the contacts: the bound on how long an
            # erased contact survives in the broker relies on these markers.
            WorkerSpec(
                "contacts-segment-roller",
                lambda runtime: SegmentRoller(
                    runtime.kafka,
                    [CONTACTS_TOPIC],
                    runtime.settings.contacts_roll_interval_seconds,
                    service="matching",
                    clock=runtime.clock,
                ),
                runs_in=RunsIn.RELAY,
            ),
        ],
        openapi_tags=TAGS,
    )


DEFINITION = definition()


def create_app(
    settings: MatchingSettings | None = None,
    *,
    clock: Clock = utc_now,
    solver: Solver = engine.solve,
) -> FastAPI:
    """The app; ``clock`` and ``solver`` are test seams, in code and never in settings."""
    chosen = DEFINITION if solver is engine.solve else definition(solver)
    return create_service_app(chosen, settings or MatchingSettings(), clock=clock)


def cli() -> None:
    # compile-engine: the engine's kernels into the disk cache (make setup, the image build)
    run_service_cli(
        DEFINITION, commands={"compile-engine": lambda _settings: engine.compile_engine()}
    )
