"""Tandem's Grafana dashboards as code: ``uv run python tools/dashboards.py`` writes them.

The dashboards are built with Grafana's own typed builders (grafana-foundation-sdk, a
dev dependency) and written to deploy/grafana/dashboards/<uid>.json, which Grafana
provisions (deploy/grafana/provisioning/dashboards). The JSON is generated, never
edited: tests/contract/test_dashboards.py fails when a committed file differs from what
this module renders, and ``--check`` does the same from the command line.

UIDs are fixed here (links and bookmarks keep working across regenerations), panel ids
are numbered in order, and the output is sorted JSON, so a change to a panel is a small
diff. tests/e2e/test_dashboard_queries.py runs every panel's queries against a real
Prometheus scraping the services: an empty panel fails there.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from grafana_foundation_sdk.builders import common as common_builders
from grafana_foundation_sdk.builders import dashboard, prometheus, stat, timeseries
from grafana_foundation_sdk.cog.encoder import JSONEncoder
from grafana_foundation_sdk.models.common import (
    BigValueGraphMode,
    LegendDisplayMode,
    LegendPlacement,
)
from grafana_foundation_sdk.models.dashboard import DataSourceRef, VariableRefresh, VariableSort

ROOT = Path(__file__).resolve().parents[1]
DASHBOARDS = ROOT / "deploy" / "grafana" / "dashboards"
PROMETHEUS = DataSourceRef(type_val="prometheus", uid="prometheus")  # provisioned uid
RATE = "$__rate_interval"


@dataclass(frozen=True)
class Query:
    expr: str
    legend: str


@dataclass(frozen=True)
class Panel:
    """One panel: a time series (or a stat, for a programme's current figures)."""

    title: str
    description: str
    unit: str
    queries: Sequence[Query]
    width: int = 12
    kind: str = "timeseries"


@dataclass(frozen=True)
class Row:
    title: str
    panels: Sequence[Panel] = field(default_factory=tuple)


@dataclass(frozen=True)
class Variable:
    name: str
    label: str
    query: str


@dataclass(frozen=True)
class Board:
    uid: str
    title: str
    description: str
    variable: Variable
    rows: Sequence[Row]


# --- the system dashboard ---------------------------------------------------------------

S = '{service=~"$service"}'
S5 = '{service=~"$service", status=~"5.."}'
REQUESTS = f"sum by (service) (rate(tandem_http_requests_total{S}[{RATE}]))"
# A service with no error shows 0, not "no data": the zero comes from a series every
# such service has (its request rate, its consumer lag per topic, its outbox gauge).
ZERO_PER_SERVICE = f"0 * {REQUESTS}"
ZERO_PER_TOPIC = f"0 * sum by (service, topic) (tandem_consumer_lag{S})"
ZERO_PER_OUTBOX = f"0 * sum by (service) (tandem_outbox_backlog{S})"


def latency(quantile: str, by: str = "service") -> str:
    return (
        f"histogram_quantile({quantile}, sum by ({by}, le) "
        f"(rate(tandem_http_request_duration_seconds_bucket{S}[{RATE}])))"
    )


def lateness(quantile: str) -> str:
    return (
        f"histogram_quantile({quantile}, sum by (le) "
        f"(rate(tandem_meetings_reminder_lateness_seconds_bucket[{RATE}])))"
    )


SYSTEM = Board(
    uid="tandem-system",
    title="Tandem system",
    description="RED per service, events, backlogs, mail, reminders and analytics freshness.",
    variable=Variable("service", "Service", "label_values(tandem_http_requests_total, service)"),
    rows=(
        Row(
            "HTTP (rate, errors, duration)",
            (
                Panel(
                    "Request rate",
                    "Requests per second served by each service (all routes and statuses).",
                    "reqps",
                    (Query(REQUESTS, "{{service}}"),),
                    width=8,
                ),
                Panel(
                    "5xx error ratio",
                    "Share of requests answered with a 5xx (alert: TandemHttp5xxErrorRatioHigh).",
                    "percentunit",
                    (
                        Query(
                            f"(sum by (service) (rate(tandem_http_requests_total{S5}[{RATE}]))"
                            f" or {ZERO_PER_SERVICE}) / {REQUESTS}",
                            "{{service}}",
                        ),
                    ),
                    width=8,
                ),
                Panel(
                    "Errors per second",
                    "5xx answers and unhandled exceptions, per service.",
                    "reqps",
                    (
                        Query(
                            "sum by (service) (rate(tandem_http_request_errors_total"
                            f"{S}[{RATE}])) or {ZERO_PER_SERVICE}",
                            "{{service}}",
                        ),
                    ),
                    width=8,
                ),
                Panel(
                    "Latency p50 / p95 / p99 by service",
                    "From the kit's HTTP histogram (tandem_http_request_duration_seconds).",
                    "s",
                    (
                        Query(latency("0.50"), "{{service}} p50"),
                        Query(latency("0.95"), "{{service}} p95"),
                        Query(latency("0.99"), "{{service}} p99"),
                    ),
                ),
                Panel(
                    "Latency p95 by route",
                    "The slowest route templates of each service.",
                    "s",
                    (Query(latency("0.95", "service, route"), "{{service}} {{route}}"),),
                ),
            ),
        ),
        Row(
            "Events",
            (
                Panel(
                    "Produced",
                    "Events the outbox relays published (acknowledged by Kafka).",
                    "ops",
                    (
                        Query(
                            "sum by (service, topic) "
                            f"(rate(tandem_events_produced_total{S}[{RATE}]))",
                            "{{service}} {{topic}}",
                        ),
                    ),
                ),
                Panel(
                    "Consumed",
                    "Events each consumer group handled.",
                    "ops",
                    (
                        Query(
                            "sum by (service, topic) "
                            f"(rate(tandem_events_consumed_total{S}[{RATE}]))",
                            "{{service}} {{topic}}",
                        ),
                    ),
                ),
                Panel(
                    "Handler failures",
                    "Handler attempts that raised (each retry counts).",
                    "ops",
                    (
                        Query(
                            "sum by (service, topic) "
                            f"(rate(tandem_events_failed_total{S}[{RATE}])) or {ZERO_PER_TOPIC}",
                            "{{service}} {{topic}}",
                        ),
                    ),
                ),
                Panel(
                    "Dead letters",
                    "Events sent to tandem.dlq.<service> (alert: TandemEventsDeadLettered).",
                    "short",
                    (
                        Query(
                            "sum by (service, topic) (increase(tandem_events_dead_lettered_total"
                            f"{S}[{RATE}])) or {ZERO_PER_TOPIC}",
                            "{{service}} {{topic}}",
                        ),
                    ),
                ),
            ),
        ),
        Row(
            "Backlogs",
            (
                Panel(
                    "Outbox backlog",
                    "Outbox rows not yet published (alert: TandemOutboxBacklogGrowing).",
                    "short",
                    (Query(f"sum by (service) (tandem_outbox_backlog{S})", "{{service}}"),),
                ),
                Panel(
                    "Consumer lag per group",
                    "Each service is one consumer group; lag summed over partitions.",
                    "short",
                    (
                        Query(
                            f"sum by (service, topic) (tandem_consumer_lag{S})",
                            "{{service}} {{topic}}",
                        ),
                    ),
                ),
            ),
        ),
        Row(
            "Mail, reminders, analytics",
            (
                Panel(
                    "Mails sent",
                    "Mails handed to the SMTP server.",
                    "ops",
                    (
                        Query(
                            "sum by (service) (rate(tandem_mails_sent_total"
                            f"{S}[{RATE}])) or {ZERO_PER_OUTBOX}",
                            "{{service}}",
                        ),
                    ),
                    width=8,
                ),
                Panel(
                    "Mail failures",
                    "Mails the SMTP server refused or that could not be sent.",
                    "ops",
                    (
                        Query(
                            "sum by (service) (rate(tandem_mails_failed_total"
                            f"{S}[{RATE}])) or {ZERO_PER_OUTBOX}",
                            "{{service}}",
                        ),
                    ),
                    width=8,
                ),
                Panel(
                    "Analytics freshness",
                    "Age of the newest event analytics consumed, by topic, in event time; "
                    "the freshest replica (alert: TandemAnalyticsStale).",
                    "s",
                    (Query("min by (topic) (tandem_analytics_freshness_seconds)", "{{topic}}"),),
                    width=8,
                ),
                Panel(
                    "Programme series left out",
                    "Programme x country rows over TANDEM_ANALYTICS_PROGRAMME_METRICS_MAX_SERIES, "
                    "not exported (0: every programme is on the programmes dashboard).",
                    "short",
                    (
                        Query(
                            "max by (job) (tandem_analytics_programme_series_dropped)",
                            "dropped",
                        ),
                    ),
                    width=8,
                ),
                Panel(
                    "Reminder lateness (meetings)",
                    "How long after its due time a reminder was mailed or dropped.",
                    "s",
                    (
                        Query(lateness("0.50"), "p50"),
                        Query(lateness("0.99"), "p99"),
                    ),
                    width=8,
                ),
                Panel(
                    "Reminders queued and dropped (meetings)",
                    "Dropped: it would have arrived after the meeting started.",
                    "ops",
                    (
                        Query(f"rate(tandem_meetings_reminders_queued_total[{RATE}])", "queued"),
                        Query(f"rate(tandem_meetings_reminders_dropped_total[{RATE}])", "dropped"),
                    ),
                    width=8,
                ),
            ),
        ),
    ),
)

# --- the programmes dashboard -----------------------------------------------------------

P = '{programme=~"$programme"}'


def by_country(name: str) -> str:
    """A programme figure per country. Every analytics replica exports the same figures
    (read from the one database), so replicas are collapsed with max, never summed."""
    return f"max by (programme, country) (tandem_analytics_programme_{name}{P})"


def figure(name: str) -> str:
    """A programme figure summed over its countries."""
    return f"sum by (programme) ({by_country(name)})"


def share(part: str, whole: str) -> str:
    """part / whole per programme, leaving out programmes whose whole is zero."""
    return f"{figure(part)} / ({figure(whole)} > 0)"


PROGRAMMES = Board(
    uid="tandem-programmes",
    title="Tandem programmes",
    description="What a programme manager follows: relationships, contact, meetings, outcomes.",
    variable=Variable(
        "programme",
        "Programme",
        "label_values(tandem_analytics_programme_active_relationships, programme)",
    ),
    rows=(
        Row(
            "Relationships",
            (
                Panel(
                    "Active",
                    "Relationships started and not ended.",
                    "short",
                    (Query(figure("active_relationships"), "{{programme}}"),),
                    width=6,
                    kind="stat",
                ),
                Panel(
                    "At risk",
                    "Active relationships with a risk flag (alert: TandemAtRiskShareJumped).",
                    "short",
                    (Query(figure("at_risk_relationships"), "{{programme}}"),),
                    width=6,
                    kind="stat",
                ),
                Panel(
                    "Drop-out rate",
                    "Relationships ended early, of all relationships started.",
                    "percentunit",
                    (Query(share("ended_early_relationships", "started_relationships"), "rate"),),
                    width=6,
                    kind="stat",
                ),
                Panel(
                    "Isolated participants",
                    "Participants without two-way contact for the programme's N days.",
                    "short",
                    (Query(figure("isolated_participants"), "{{programme}}"),),
                    width=6,
                    kind="stat",
                ),
                Panel(
                    "Active and at risk by country",
                    "The mentee's country.",
                    "short",
                    (
                        Query(by_country("active_relationships"), "{{country}} active"),
                        Query(by_country("at_risk_relationships"), "{{country}} at risk"),
                    ),
                ),
                Panel(
                    "Outcomes",
                    "How relationships ended: completed, or ended early.",
                    "short",
                    (
                        Query(figure("completed_relationships"), "completed"),
                        Query(figure("ended_early_relationships"), "ended early"),
                    ),
                ),
            ),
        ),
        Row(
            "Contact",
            (
                Panel(
                    "Messages per week",
                    "Messages posted in the last seven days (event time).",
                    "short",
                    (Query(figure("messages_last_week"), "{{programme}}"),),
                    width=8,
                ),
                Panel(
                    "Response time p50 / p90",
                    "From one member's message to the next message by another, by country.",
                    "s",
                    (
                        Query(by_country("response_time_p50_seconds"), "{{country}} p50"),
                        Query(by_country("response_time_p90_seconds"), "{{country}} p90"),
                    ),
                    width=8,
                ),
                Panel(
                    "Check-in response rate",
                    "Check-ins answered, of check-ins sent.",
                    "percentunit",
                    (Query(share("checkins_answered", "checkins_sent"), "{{programme}}"),),
                    width=8,
                ),
                Panel(
                    "Meetings held by mode",
                    "Meetings held, online and face to face.",
                    "short",
                    (
                        Query(figure("meetings_online"), "online"),
                        Query(figure("meetings_face_to_face"), "face to face"),
                    ),
                    width=24,
                ),
            ),
        ),
    ),
)

BOARDS = (SYSTEM, PROGRAMMES)

# --- rendering --------------------------------------------------------------------------


def _target(query: Query, ref: str) -> prometheus.Dataquery:
    return (
        prometheus.Dataquery()
        .ref_id(ref)
        .datasource(PROMETHEUS)
        .expr(query.expr)
        .legend_format(query.legend)
        .range()
    )


def _panel(spec: Panel, panel_id: int) -> stat.Panel | timeseries.Panel:
    built: stat.Panel | timeseries.Panel
    if spec.kind == "stat":
        built = (
            stat.Panel()
            .graph_mode(BigValueGraphMode.AREA)
            .reduce_options(common_builders.ReduceDataOptions().calcs(["lastNotNull"]))
        )
    else:
        built = (
            timeseries.Panel()
            .fill_opacity(10)
            .legend(
                common_builders.VizLegendOptions()
                .display_mode(LegendDisplayMode.TABLE)
                .placement(LegendPlacement.BOTTOM)
                .show_legend(True)
                .calcs(["lastNotNull", "max"])
            )
        )
    built = (
        built.id(panel_id)
        .title(spec.title)
        .description(spec.description)
        .unit(spec.unit)
        .datasource(PROMETHEUS)
        .height(8 if spec.kind == "timeseries" else 4)
        .span(spec.width)
    )
    for index, query in enumerate(spec.queries):
        built = built.with_target(_target(query, chr(ord("A") + index)))
    return built


def render(board: Board) -> dict[str, Any]:
    """The dashboard's JSON model, as Grafana provisions it."""
    variable = (
        dashboard.QueryVariable(board.variable.name)
        .label(board.variable.label)
        .datasource(PROMETHEUS)
        .query(board.variable.query)
        .include_all(True)
        .multi(True)
        .all_value(".*")
        .refresh(VariableRefresh.ON_TIME_RANGE_CHANGED)
        .sort(VariableSort.ALPHABETICAL_ASC)
    )
    built = (
        dashboard.Dashboard(board.title)
        .uid(board.uid)
        .description(board.description)
        .tags(["tandem"])
        .editable()
        .readonly()
        .timezone("browser")
        .time("now-1h", "now")
        .refresh("30s")
        .with_variable(variable)
    )
    panel_id = 0
    for row in board.rows:
        panel_id += 1
        built = built.with_row(dashboard.Row(row.title).id(panel_id))
        for spec in row.panels:
            panel_id += 1
            built = built.with_panel(_panel(spec, panel_id))
    model: dict[str, Any] = json.loads(json.dumps(built.build(), cls=JSONEncoder))
    return model


def text(board: Board) -> str:
    return json.dumps(render(board), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def path_of(board: Board) -> Path:
    return DASHBOARDS / f"{board.uid}.json"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="fail if a file is out of date")
    args = parser.parse_args(argv)
    stale = [b for b in BOARDS if not path_of(b).is_file() or path_of(b).read_text() != text(b)]
    if args.check:
        for board in stale:
            print(f"{path_of(board)} is out of date: run python tools/dashboards.py")
        return 1 if stale else 0
    for board in stale:
        path_of(board).write_text(text(board))
        print(f"wrote {path_of(board)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
