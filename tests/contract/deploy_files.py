"""What the static deploy checks read: docker-compose.yml, .env.example, the settings
classes, Prometheus' config and rules, the dashboards (loaders shared by
test_compose.py, test_observability_deploy.py and test_k8s.py)."""

from __future__ import annotations

import importlib
import json
import os
import re
import types
import typing
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
import yaml
from pydantic import BaseModel
from pydantic_settings import SettingsConfigDict

from tandem_analytics.adapters.programme_metrics import METRIC_NAMES
from tandem_kit.settings import ServiceSettings

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"
DEPLOY = ROOT / "deploy"
PROMETHEUS_DIR = DEPLOY / "prometheus"
ALERTMANAGER_DIR = DEPLOY / "alertmanager"
JAEGER_DIR = DEPLOY / "jaeger"
GRAFANA_DIR = DEPLOY / "grafana"
K8S_DIR = DEPLOY / "k8s"
KAFKA_POM = DEPLOY / "local" / "kafka" / "pom.xml"

# Services that run once and exit (a healthcheck means nothing for them); every other
# service must have one.
ONE_SHOT_JOBS = frozenset(
    {
        "kafka-topics",
        "matching-migrate",
        "messaging-migrate",
        "meetings-migrate",
        "analytics-migrate",
    }
)

# Each service's settings class by import path. Until a service has its own class the
# kit's base class stands in (with the service's prefix), so the checks still run.
SETTINGS_CLASSES = {
    "matching": "tandem_matching.settings:MatchingSettings",
    "messaging": "tandem_messaging.settings:MessagingSettings",
    "meetings": "tandem_meetings.settings:MeetingsSettings",
    "analytics": "tandem_analytics.settings:AnalyticsSettings",
}

# The metric names the services export: the kit's (tandem_kit.telemetry.metrics), then
# meetings' reminders and analytics' freshness and programme figures.
EXPORTED_METRICS = frozenset(
    {
        "tandem_http_requests_total",
        "tandem_http_request_errors_total",
        "tandem_http_request_duration_seconds",
        "tandem_events_produced_total",
        "tandem_events_consumed_total",
        "tandem_events_failed_total",
        "tandem_events_dead_lettered_total",
        "tandem_outbox_backlog",
        "tandem_consumer_lag",
        "tandem_mails_sent_total",
        "tandem_mails_failed_total",
        "tandem_meetings_reminders_queued_total",
        "tandem_meetings_reminders_dropped_total",
        "tandem_meetings_reminder_lateness_seconds",
    }
    | METRIC_NAMES  # analytics' freshness and programme figures
)
HISTOGRAMS = frozenset(
    {"tandem_http_request_duration_seconds", "tandem_meetings_reminder_lateness_seconds"}
)
# Series Prometheus itself adds to every target.
PROMETHEUS_SERIES = frozenset({"up", "scrape_duration_seconds", "scrape_samples_scraped"})

TANDEM_VAR = re.compile(r"^TANDEM_([A-Z]+)_([A-Z0-9_]+)$")


# --- loading --------------------------------------------------------------------------


@cache
def compose() -> dict[str, Any]:
    document = yaml.safe_load(COMPOSE_FILE.read_text())
    assert isinstance(document, dict), "docker-compose.yml is not a mapping"
    return document


def services() -> dict[str, dict[str, Any]]:
    found = compose().get("services")
    assert isinstance(found, dict), "docker-compose.yml has no services"
    assert found, "docker-compose.yml has no services"
    return found


def environment(service: Mapping[str, Any]) -> dict[str, Any]:
    """A service's environment as a mapping, whichever of compose's two forms it uses."""
    raw = service.get("environment") or {}
    if isinstance(raw, list):
        return dict(entry.split("=", 1) if "=" in entry else (entry, None) for entry in raw)
    assert isinstance(raw, dict)
    return dict(raw)


def tandem_service_of(name: str, service: Mapping[str, Any]) -> str | None:
    """The Tandem service whose settings a container reads (from its TANDEM_* prefix)."""
    prefixes = {m.group(1) for var in environment(service) if (m := TANDEM_VAR.match(var))}
    assert len(prefixes) <= 1, f"{name} mixes settings of several services: {sorted(prefixes)}"
    return prefixes.pop().lower() if prefixes else None


WEB_APP = "web"  # TANDEM_WEB_*: no database, broker or metrics; test_deploy_web.py


def tandem_containers() -> dict[str, str]:
    """Compose service name -> Tandem service, for every container with a service's
    settings (the web app's are checked on their own)."""
    found = {}
    for name, service in services().items():
        tandem = tandem_service_of(name, service)
        if tandem is not None and tandem != WEB_APP:
            found[name] = tandem
    return found


def settings_class(service: str) -> tuple[type[ServiceSettings], bool]:
    """The service's settings class and whether it is its own (False: the kit's stand-in)."""
    module_name, _, class_name = SETTINGS_CLASSES[service].partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        # Only a missing service package (or settings module) means "not written yet";
        # any other import error is a real failure.
        if exc.name is None or not module_name.startswith(exc.name):
            raise
        module = None
    found = getattr(module, class_name, None) if module is not None else None
    if found is None:
        stand_in = types.new_class(
            f"{service.title()}StandInSettings",
            (ServiceSettings,),
            exec_body=lambda ns: ns.update(
                model_config=SettingsConfigDict(
                    **{**ServiceSettings.model_config, "env_prefix": f"TANDEM_{service.upper()}_"}
                )
            ),
        )
        return stand_in, False
    assert isinstance(found, type)
    assert issubclass(found, ServiceSettings)
    return found, True


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    candidates = [annotation, *typing.get_args(annotation)]
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def settings_variables(cls: type[ServiceSettings]) -> dict[str, Any]:
    """Variable suffix (``HTTP_PORT``, ``AUTH__ISSUER``) -> default, for every field."""
    found: dict[str, Any] = {}
    for name, field in cls.model_fields.items():
        nested = _nested_model(field.annotation)
        if nested is not None:
            for sub_name, sub_field in nested.model_fields.items():
                found[f"{name.upper()}__{sub_name.upper()}"] = sub_field.get_default(
                    call_default_factory=True
                )
        else:
            found[name.upper()] = field.get_default(call_default_factory=True)
    return found


def load_settings(
    cls: type[ServiceSettings], variables: Mapping[str, str], monkeypatch: pytest.MonkeyPatch
) -> ServiceSettings:
    """Settings as the service would load them with exactly ``variables`` set."""
    for name in list(os.environ):
        if name.startswith("TANDEM_"):
            monkeypatch.delenv(name)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    return cls()


def interpolate(value: str) -> str:
    """Compose's ${VAR:-default} with VAR unset; a bare ${VAR} has no value to check."""

    def replace(match: re.Match[str]) -> str:
        default = match.group(2)
        assert default is not None, f"{value!r}: ${{{match.group(1)}}} needs a :-default"
        return default

    return re.sub(r"\$\{(\w+)(?::?-([^}]*))?\}", replace, value)


def mounts(service: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(source, target) of each volume, short or long syntax."""
    for volume in service.get("volumes") or []:
        if isinstance(volume, str):
            source, target = volume.split(":")[:2]
        else:
            source, target = volume.get("source", ""), volume["target"]
        yield source, target


def host_path_of(service: Mapping[str, Any], container_path: str) -> Path | None:
    """The repository file that a bind mount puts at ``container_path``, if any."""
    wanted = PurePosixPath(container_path)
    for source, target in mounts(service):
        if not source.startswith("./"):
            continue
        mounted = PurePosixPath(target)
        if wanted == mounted:
            return ROOT / source
        if mounted in wanted.parents:
            return ROOT / source / wanted.relative_to(mounted)
    return None


def healthcheck_ports(service: Mapping[str, Any]) -> set[int]:
    test = service["healthcheck"]["test"]
    text = " ".join(test) if isinstance(test, list) else str(test)
    return {int(port) for port in re.findall(r"https?://[^/:\s'\"]+:(\d+)", text)}


@cache
def prometheus_config() -> dict[str, Any]:
    config = yaml.safe_load((PROMETHEUS_DIR / "prometheus.yml").read_text())
    assert isinstance(config, dict)
    return config


def scrape_targets() -> dict[str, list[str]]:
    """Host -> ports Prometheus scrapes on it."""
    found: dict[str, list[str]] = {}
    for job in prometheus_config()["scrape_configs"]:
        for static in job.get("static_configs", []):
            for target in static["targets"]:
                host, _, port = target.rpartition(":")
                found.setdefault(host, []).append(port)
    return found


# --- PromQL -------------------------------------------------------------------------

_KEYWORDS = frozenset(
    {"and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring"}
    | {"group_left", "group_right", "inf", "nan"}
)


def metric_names(expr: str) -> set[str]:
    """The metric names a PromQL expression selects (functions, labels, keywords excluded)."""
    text = re.sub(r"\$\{?\w+\}?", " ", expr)  # Grafana variables: $service, $__rate_interval
    text = re.sub(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'', '""', text)
    text = re.sub(r"\{[^}]*\}", " ", text)  # label matchers
    text = re.sub(r"\[[^\]]*\]", " ", text)  # ranges and subqueries
    text = re.sub(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", text)
    names = set()
    for match in re.finditer(r"(?<![\w.:])[A-Za-z_:][A-Za-z0-9_:]*", text):
        name = match.group(0)
        if name in _KEYWORDS or text[match.end() :].lstrip().startswith("("):
            continue  # a keyword, or a function / aggregation call
        names.add(name)
    return names


def known_series() -> set[str]:
    found = set(EXPORTED_METRICS) | PROMETHEUS_SERIES | recorded_series()
    for name in HISTOGRAMS:
        found |= {f"{name}_bucket", f"{name}_sum", f"{name}_count"}
    return found


def unknown_metrics(expr: str) -> set[str]:
    allowed = known_series()
    return {n for n in metric_names(expr) if n not in allowed}


def dashboard_exprs(node: Any) -> Iterator[str]:
    """Every PromQL expression in a dashboard: panel targets, nested panels, variables."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "expr" and isinstance(value, str):
                yield value
            elif key == "query" and isinstance(value, str) and "(" in value:
                yield re.sub(r"^label_values\((.*)\)$", r"\1", value).rsplit(",", 1)[0]
            else:
                yield from dashboard_exprs(value)
    elif isinstance(node, list):
        for item in node:
            yield from dashboard_exprs(item)


def dashboards() -> dict[str, Any]:
    files = sorted((GRAFANA_DIR / "dashboards").glob("*.json"))
    assert files, "no dashboards in deploy/grafana/dashboards"
    return {f.name: json.loads(f.read_text()) for f in files}


def alert_rules() -> list[dict[str, Any]]:
    """The alerting rules (recording rules left out: see recorded_series)."""
    document = yaml.safe_load((PROMETHEUS_DIR / "alerts.yml").read_text())
    return [rule for group in document["groups"] for rule in group["rules"] if "alert" in rule]


def recorded_series() -> set[str]:
    document = yaml.safe_load((PROMETHEUS_DIR / "alerts.yml").read_text())
    return {r["record"] for group in document["groups"] for r in group["rules"] if "record" in r}


# --- the compose file -----------------------------------------------------------------


@cache
def otel_collector_config() -> dict[str, Any]:
    path = host_path_of(services()["otel-collector"], "/etc/otelcol-contrib/config.yaml")
    assert path is not None, "the collector's config is not mounted from deploy/"
    config = yaml.safe_load(path.read_text())
    assert isinstance(config, dict)
    return config


@cache
def jaeger_config() -> dict[str, Any]:
    jaeger = services()["jaeger"]
    path = host_path_of(jaeger, command_option(jaeger, "--config"))
    assert path is not None, "Jaeger's config is not mounted from deploy/"
    assert path.parent == JAEGER_DIR
    config = yaml.safe_load(path.read_text())
    assert isinstance(config, dict)
    return config


@cache
def alertmanager_config() -> dict[str, Any]:
    alertmanager = services()["alertmanager"]
    path = host_path_of(alertmanager, command_option(alertmanager, "--config.file"))
    assert path == ALERTMANAGER_DIR / "alertmanager.yml", "its config is not mounted"
    config = yaml.safe_load(path.read_text())
    assert isinstance(config, dict)
    return config


def command_option(service: Mapping[str, Any], option: str) -> str:
    """The value of ``option`` in a service's command, as ``--opt=value`` or ``--opt value``."""
    command = list(service.get("command") or [])
    for index, arg in enumerate(command):
        if arg.startswith(f"{option}="):
            return str(arg.split("=", 1)[1])
        if arg == option and index + 1 < len(command):
            return str(command[index + 1])
    raise AssertionError(f"{option} is not in the command {command}")
