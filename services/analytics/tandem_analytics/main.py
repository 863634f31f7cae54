"""The analytics service: the one wiring point (definition, app factory, command line)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from fastapi import FastAPI

from tandem_analytics import VERSION
from tandem_analytics.api import (
    breakdowns,
    check_in_answers,
    check_in_plans,
    check_ins,
    dashboard,
    exports,
    manager_view,
    outcomes,
    relationship_stats,
    reports,
    risk_flags,
    risk_thresholds,
    rollup,
    status,
    survival,
    training_data,
)
from tandem_analytics.consumers import build_handlers
from tandem_analytics.service import check_in_workers, programme_metrics, rebuild
from tandem_analytics.service.reports import report_worker
from tandem_analytics.service.risk_flags import risk_evaluation
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts.topics import service_topic
from tandem_kit.app import ServiceDefinition
from tandem_kit.app import create_app as kit_create_app
from tandem_kit.cli import run_service_cli
from tandem_kit.clock import Clock, utc_now
from tandem_kit.directory import DIRECTORY_TOPICS
from tandem_kit.workers import RunsIn, WorkerSpec

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"

# Where the programme figures on /metrics come from (an async (session, now) ->
# Sequence[ProgrammeFigures]): the read models and the open risk flags.
PROGRAMME_FIGURES: programme_metrics.FiguresSource = programme_metrics.from_read_models

DEFINITION = ServiceDefinition(
    name="analytics",
    title="Tandem analytics",
    description="Figures a programme's managers act on, built from every event and never "
    "from content: relationships at risk with their reasons, check-ins and employment "
    "outcomes, and the programme dashboard.",
    version=VERSION,
    migrations=MIGRATIONS,
    routers=[
        status.router,
        risk_thresholds.router,
        risk_flags.router,
        dashboard.router,
        reports.router,
        relationship_stats.router,
        breakdowns.router,
        survival.router,
        exports.router,
        manager_view.router,
        rollup.router,
        training_data.router,
        check_in_plans.router,
        check_ins.router,
        check_in_answers.router,
        check_ins.link_router,
        outcomes.router,
    ],
    settings=AnalyticsSettings,
    # Every topic but its own: matching's and the contacts topic (the kit's directory, and
    # matching's facts for the read models), messaging's and meetings'.
    consumes=[*DIRECTORY_TOPICS, service_topic("messaging"), service_topic("meetings")],
    # Every handler also notes its event's time for tandem_analytics_freshness_seconds.
    handlers=programme_metrics.with_freshness(build_handlers),
    # Background work, each a tandem_kit.workers.WorkerSpec that says where it runs, e.g.
    # WorkerSpec("reminders", build=reminder_worker, runs_in=RunsIn.RELAY,
    #            enabled=lambda s: s.reminders_enabled) around a PeriodicWorker.
    workers=[
        # The programme figures on /metrics, read from the read models every interval;
        # in the API part, which serves the /metrics that Prometheus scrapes.
        WorkerSpec(
            "programme-metrics",
            programme_metrics.worker(PROGRAMME_FIGURES),
            runs_in=RunsIn.API,
        ),
        # Drop-out risk: the rules over every active relationship, flags and their events.
        WorkerSpec("risk-evaluation", risk_evaluation, runs_in=RunsIn.RELAY),
        # Due check-ins and outcome requests into the mail outbox, and its relay.
        WorkerSpec("check-ins", check_in_workers.check_in_worker, runs_in=RunsIn.RELAY),
        # Weekly programme reports, each announced by programme.report.ready.
        WorkerSpec("programme-reports", report_worker, runs_in=RunsIn.RELAY),
        WorkerSpec("mail-relay", check_in_workers.mail_relay, runs_in=RunsIn.RELAY),
    ],
    openapi_tags=[
        {"name": "status", "description": "Whether the service is up, and its version."},
        {
            "name": "manager view",
            "description": "What the managers see about you: the same figures, your lines.",
        },
        {
            "name": "statistics",
            "description": "The manager's technical statistics of a programme, from the read "
            "models: counts, rates and durations, never content.",
        },
        {
            "name": "drop-out risk",
            "description": "Relationships at risk of ending early, with the reasons in plain "
            "words and what the manager could do; the programme's thresholds.",
        },
        {
            "name": "check-ins",
            "description": "Pulses, the midpoint review and the final evaluation: members "
            "answer (1-5) by API or one-click link; managers see figures of groups of five "
            "or more only.",
        },
        {
            "name": "outcomes",
            "description": "Each mentee's employment status at closure and 3 and 6 months "
            "after; managers see it by country, small groups suppressed.",
        },
    ],
)


def create_app(settings: AnalyticsSettings | None = None, *, clock: Clock = utc_now) -> FastAPI:
    """The app; ``clock`` is every "now" of the process (tests pass a ManualClock)."""
    return kit_create_app(DEFINITION, settings or AnalyticsSettings(), clock=clock)


def _rebuild(settings: AnalyticsSettings) -> None:
    asyncio.run(rebuild.command(settings, MIGRATIONS))


def cli() -> None:
    # rebuild: a fresh database from analytics' store of what it consumed (README: Analytics)
    run_service_cli(DEFINITION, commands={"rebuild": _rebuild})
