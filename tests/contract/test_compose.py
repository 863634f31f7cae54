"""Static checks of docker-compose.yml, .env.example and deploy/ (no Docker engine needed).

No Docker engine runs on the development machines or in CI, so the compose file is
checked here against what the code really accepts: every TANDEM_<SERVICE>_* variable is
a field of that service's settings class (and its value passes validation), ports agree
between the service, its healthcheck and Prometheus, every mounted file exists, the
dashboards and alerts use the metric names the services export, and the broker image is
the version the local broker runs.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import shutil
import subprocess
import types
import typing
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from pydantic import BaseModel, ValidationError
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


def tandem_containers() -> dict[str, str]:
    """Compose service name -> Tandem service, for every container with Tandem settings."""
    found = {}
    for name, service in services().items():
        tandem = tandem_service_of(name, service)
        if tandem is not None:
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


def test_compose_defines_the_platform() -> None:
    expected = {
        "kafka",
        "kafka-topics",
        "postgres",
        "matching-migrate",
        "matching",
        "messaging-migrate",
        "messaging",
        "meetings-migrate",
        "meetings",
        "analytics-migrate",
        "analytics",
        "otel-collector",
        "jaeger",
        "prometheus",
        "grafana",
        "mailpit",
        "alertmanager",
    }
    assert expected <= set(services()), f"missing: {sorted(expected - set(services()))}"


def test_every_long_running_service_has_a_healthcheck() -> None:
    missing = []
    for name, service in services().items():
        if name in ONE_SHOT_JOBS:
            continue
        check = service.get("healthcheck") or {}
        test = check.get("test")
        if check.get("disable") or not test or test in (["NONE"], "NONE"):
            missing.append(name)
        else:
            assert test[0] in ("CMD", "CMD-SHELL"), f"{name}: healthcheck test {test!r}"
    assert not missing, f"services without a healthcheck: {missing}"


def test_one_shot_jobs_run_once_and_are_awaited_to_completion() -> None:
    for name in ONE_SHOT_JOBS:
        assert name in services(), f"one-shot job {name} is listed here but not in compose"
        job = services()[name]
        assert job.get("restart", "no") == "no", f"{name} must not restart"
        assert "healthcheck" not in job, f"{name} exits: a healthcheck would never pass"
        assert job.get("command"), f"{name} has no command"
    for name, service in services().items():
        for dependency, spec in (service.get("depends_on") or {}).items():
            expected = (
                "service_completed_successfully"
                if dependency in ONE_SHOT_JOBS
                else "service_healthy"
            )
            assert spec["condition"] == expected, f"{name} -> {dependency}: want {expected}"


def test_every_depends_on_names_a_service_with_a_condition() -> None:
    for name, service in services().items():
        depends_on = service.get("depends_on")
        if depends_on is None:
            continue
        assert isinstance(depends_on, dict), f"{name}: depends_on as a list has no conditions"
        for dependency, spec in depends_on.items():
            assert dependency in services(), f"{name} depends on unknown service {dependency}"
            assert isinstance(spec, dict), f"{name} -> {dependency}: {spec!r}"
            assert spec.get("condition") in {
                "service_healthy",
                "service_completed_successfully",
            }, f"{name} -> {dependency}: {spec!r}"


def test_tandem_services_wait_for_their_migration_and_the_topics() -> None:
    for name, tandem in tandem_containers().items():
        if name in ONE_SHOT_JOBS:
            continue
        depends_on = services()[name]["depends_on"]
        for needed in ("postgres", "kafka", "kafka-topics", f"{tandem}-migrate"):
            assert needed in depends_on, f"{name} starts without waiting for {needed}"


def test_environment_values_are_strings() -> None:
    # YAML true/8001 are not strings; compose rejects booleans and the intent is unclear.
    for name, service in services().items():
        for var, value in environment(service).items():
            assert isinstance(value, str), f"{name}: {var}={value!r} must be quoted"


@pytest.mark.parametrize("container", sorted(tandem_containers()))
def test_tandem_variables_are_settings_fields_with_valid_values(
    container: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    tandem = tandem_containers()[container]
    assert tandem in SETTINGS_CLASSES, f"{container}: unknown service prefix TANDEM_{tandem}"
    cls, _ = settings_class(tandem)
    fields = settings_variables(cls)
    prefix = f"TANDEM_{tandem.upper()}_"
    variables = {
        var: interpolate(value)
        for var, value in environment(services()[container]).items()
        if var.startswith("TANDEM_")
    }
    unknown = sorted(v for v in variables if v.removeprefix(prefix) not in fields)
    assert not unknown, f"{container}: not fields of {cls.__name__}: {unknown}"
    try:
        loaded = load_settings(cls, variables, monkeypatch)
    except ValidationError as exc:
        pytest.fail(f"{container}: its settings do not validate: {exc}")
    all_interfaces = "0.0.0.0"  # noqa: S104 - a container must listen beyond its loopback
    assert loaded.http_host == all_interfaces, f"{container}: bind {all_interfaces}"


def test_own_settings_classes_use_their_service_prefix() -> None:
    for service in SETTINGS_CLASSES:
        cls, own = settings_class(service)
        if own:
            assert cls.model_config.get("env_prefix") == f"TANDEM_{service.upper()}_"
            assert cls.model_config.get("env_nested_delimiter") == "__"


def test_each_container_runs_the_service_whose_settings_it_gets() -> None:
    for name, tandem in tandem_containers().items():
        command = services()[name].get("command")
        assert isinstance(command, list), f"{name}: command must be a list"
        assert command, f"{name}: empty command"
        assert command[0] == f"tandem-{tandem}", (
            f"{name} runs {command[0]} with {tandem}'s settings"
        )


def test_http_port_agrees_with_healthcheck_published_port_and_scrape_target() -> None:
    targets = scrape_targets()
    served = [n for n in tandem_containers() if n not in ONE_SHOT_JOBS]
    assert served, "no long-running Tandem service in compose"
    for name in served:
        service = services()[name]
        tandem = tandem_containers()[name]
        port = environment(service).get(f"TANDEM_{tandem.upper()}_HTTP_PORT")
        assert port is not None, f"{name}: set TANDEM_{tandem.upper()}_HTTP_PORT explicitly"
        assert healthcheck_ports(service) == {int(port)}, f"{name}: healthcheck port != {port}"
        assert targets.get(name) == [port], f"{name}: Prometheus scrapes {targets.get(name)}"
        for published in service.get("ports", []):
            assert str(published).rsplit(":", 1)[-1] == port, f"{name}: publishes {published}"


def test_healthchecks_probe_readiness() -> None:
    for name in tandem_containers():
        if name not in ONE_SHOT_JOBS:
            assert "/readyz" in " ".join(services()[name]["healthcheck"]["test"]), name


def test_files_mounted_from_the_repository_exist() -> None:
    checked = 0
    for name, service in services().items():
        for source, _ in mounts(service):
            if source.startswith(("./", "../", "/")):
                assert source.startswith("./deploy/"), f"{name} mounts {source} outside deploy/"
                assert (ROOT / source).exists(), f"{name} mounts missing {source}"
                checked += 1
        build = service.get("build")
        if isinstance(build, dict):
            context = ROOT / build.get("context", ".")
            assert context.is_dir(), f"{name}: build context {context} missing"
            if "dockerfile_inline" not in build:
                dockerfile = context / build.get("dockerfile", "Dockerfile")
                assert dockerfile.is_file(), f"{name}: {dockerfile} missing"
    assert checked >= 5, "expected the deploy/ configuration files to be mounted"


def test_named_volumes_are_declared() -> None:
    declared = set(compose().get("volumes") or {})
    for name, service in services().items():
        for source, _ in mounts(service):
            if source and not source.startswith(("./", "../", "/")):
                assert source in declared, f"{name} uses undeclared volume {source}"


def test_tandem_containers_run_the_one_image_built_from_the_lock_file() -> None:
    for name in tandem_containers():
        build = services()[name]["build"]
        assert build["context"] == ".", name
        assert build["dockerfile"] == "Dockerfile", name
        assert services()[name]["image"] == "tandem/services:local", name
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim\b", dockerfile, re.M)
    assert "uv sync --frozen --no-dev" in dockerfile
    uv_image = re.search(r"ghcr\.io/astral-sh/uv:([\d.]+)", dockerfile)
    makefile = ROOT / "Makefile"
    pinned = re.search(r"^UV_VERSION\s*:?=\s*(\S+)", makefile.read_text(), re.M)
    if pinned is not None:
        assert uv_image is not None, "the Dockerfile does not pin uv's image"
        assert uv_image.group(1) == pinned.group(1), "Dockerfile and Makefile pin other uv"


def test_kafka_image_is_the_version_the_local_broker_runs() -> None:
    ns = "{http://maven.apache.org/POM/4.0.0}"
    pom = ET.parse(KAFKA_POM)  # noqa: S314 - our own file, not untrusted input
    version = pom.findtext(f"{ns}properties/{ns}kafka.version")
    assert version, "deploy/local/kafka/pom.xml has no kafka.version"
    assert services()["kafka"]["image"] == f"apache/kafka:{version.strip()}"


def test_kafka_never_auto_creates_topics() -> None:
    env = environment(services()["kafka"])
    assert env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"
    assert "provision-topics" in services()["kafka-topics"]["command"]


def test_each_service_database_is_created_by_the_postgres_init_script() -> None:
    postgres = services()["postgres"]
    init = host_path_of(postgres, "/docker-entrypoint-initdb.d/10-databases.sql")
    assert init is not None
    assert init.is_file()
    created = set(re.findall(r"CREATE DATABASE (\w+)", init.read_text()))
    for name, tandem in tandem_containers().items():
        url = environment(services()[name])[f"TANDEM_{tandem.upper()}_DATABASE_URL"]
        parts = urlsplit(url)
        assert parts.hostname == "postgres", f"{name}: database host {parts.hostname}"
        assert parts.path.lstrip("/") in created, f"{name}: {parts.path} is never created"
        assert parts.path.lstrip("/") == f"tandem_{tandem}", f"{name} uses another's database"


def test_services_reach_the_infrastructure_by_compose_names() -> None:
    collector_ports = {
        int(urlsplit("http://" + proto["endpoint"]).port or 0)
        for proto in otel_collector_config()["receivers"]["otlp"]["protocols"].values()
    }
    for name, tandem in tandem_containers().items():
        env = environment(services()[name])
        prefix = f"TANDEM_{tandem.upper()}_"
        for broker in env[f"{prefix}KAFKA_BOOTSTRAP_SERVERS"].split(","):
            assert broker.split(":")[0] in services(), f"{name}: unknown broker {broker}"
        if name in ONE_SHOT_JOBS:
            continue
        assert env[f"{prefix}SMTP__HOST"] == "mailpit"
        endpoint = urlsplit(env["OTEL_EXPORTER_OTLP_ENDPOINT"])
        assert endpoint.hostname == "otel-collector"
        assert endpoint.port in collector_ports
        assert endpoint.port == 4318, "the kit exports OTLP over HTTP/protobuf (port 4318)"
        assert env["OTEL_SERVICE_NAME"] == f"tandem-{tandem}"


# --- OpenTelemetry collector ---------------------------------------------------------


@cache
def otel_collector_config() -> dict[str, Any]:
    path = host_path_of(services()["otel-collector"], "/etc/otelcol-contrib/config.yaml")
    assert path is not None, "the collector's config is not mounted from deploy/"
    config = yaml.safe_load(path.read_text())
    assert isinstance(config, dict)
    return config


def test_collector_pipelines_use_defined_components_and_reach_jaeger() -> None:
    config = otel_collector_config()
    check_pipelines_use_defined_components(config)
    assert config["service"]["pipelines"]["traces"]["exporters"] == ["otlp/jaeger"]
    endpoint = config["exporters"]["otlp/jaeger"]["endpoint"]
    assert endpoint.split(":")[0] == "jaeger"
    assert "jaeger" in services()
    health = config["extensions"]["health_check"]["endpoint"]
    assert healthcheck_ports(services()["otel-collector"]) == {int(health.rsplit(":", 1)[1])}


def command_option(service: Mapping[str, Any], option: str) -> str:
    """The value of ``option`` in a service's command, as ``--opt=value`` or ``--opt value``."""
    command = list(service.get("command") or [])
    for index, arg in enumerate(command):
        if arg.startswith(f"{option}="):
            return str(arg.split("=", 1)[1])
        if arg == option and index + 1 < len(command):
            return str(command[index + 1])
    raise AssertionError(f"{option} is not in the command {command}")


def endpoint_port(endpoint: str) -> int:
    return int(endpoint.rsplit(":", 1)[1])


def published_ports(service: Mapping[str, Any]) -> set[int]:
    return {int(str(published).rsplit(":", 1)[-1]) for published in service.get("ports", [])}


def check_pipelines_use_defined_components(config: Mapping[str, Any]) -> None:
    """An OpenTelemetry-collector-format config (the collector's, Jaeger v2's)."""
    pipelines = config["service"]["pipelines"]
    assert "traces" in pipelines
    for pipeline in pipelines.values():
        for kind in ("receivers", "processors", "exporters"):
            for component in pipeline.get(kind, []):
                assert component in (config.get(kind) or {}), f"{component} used, not defined"
    for extension in config["service"].get("extensions", []):
        assert extension in config["extensions"], f"extension {extension} is not defined"


# --- Jaeger ---------------------------------------------------------------------------


@cache
def jaeger_config() -> dict[str, Any]:
    jaeger = services()["jaeger"]
    path = host_path_of(jaeger, command_option(jaeger, "--config"))
    assert path is not None, "Jaeger's config is not mounted from deploy/"
    assert path.parent == JAEGER_DIR
    config = yaml.safe_load(path.read_text())
    assert isinstance(config, dict)
    return config


def test_jaeger_is_v2_configured_by_its_mounted_file() -> None:
    jaeger = services()["jaeger"]
    # v1 (jaegertracing/all-in-one) is end-of-life; v2 reads only its YAML file.
    assert re.fullmatch(r"jaegertracing/jaeger:2\.\d+\.\d+", jaeger["image"]), jaeger["image"]
    stale = [v for v in environment(jaeger) if v.startswith(("COLLECTOR_", "SPAN_STORAGE"))]
    assert not stale, f"Jaeger v2 ignores the v1 variables {stale}"
    config = jaeger_config()
    check_pipelines_use_defined_components(config)
    extensions = config["extensions"]
    assert {"jaeger_storage", "jaeger_query"} <= set(config["service"]["extensions"])
    backends = extensions["jaeger_storage"]["backends"]
    assert extensions["jaeger_query"]["storage"]["traces"] in backends
    for exporter in config["service"]["pipelines"]["traces"]["exporters"]:
        assert config["exporters"][exporter]["trace_storage"] in backends


def test_jaeger_receives_the_collector_export_and_serves_grafana() -> None:
    config = jaeger_config()
    receivers = config["service"]["pipelines"]["traces"]["receivers"]
    assert "otlp" in receivers, "Jaeger v2 takes OTLP in"
    grpc = config["receivers"]["otlp"]["protocols"]["grpc"]["endpoint"]
    exported = otel_collector_config()["exporters"]["otlp/jaeger"]["endpoint"]
    assert exported.split(":")[0] == "jaeger"
    assert endpoint_port(exported) == endpoint_port(grpc), "the collector exports elsewhere"
    assert grpc.startswith("0.0.0.0:"), "a listener on localhost is unreachable from outside"

    query_port = endpoint_port(config["extensions"]["jaeger_query"]["http"]["endpoint"])
    assert published_ports(services()["jaeger"]) == {query_port}
    sources = yaml.safe_load(
        (GRAFANA_DIR / "provisioning" / "datasources" / "datasources.yml").read_text()
    )["datasources"]
    (source,) = [s for s in sources if s["type"] == "jaeger"]
    assert urlsplit(source["url"]).port == query_port

    health = config["extensions"]["healthcheckv2"]["http"]
    assert healthcheck_ports(services()["jaeger"]) == {endpoint_port(health["endpoint"])}
    assert health["status"]["path"] in " ".join(services()["jaeger"]["healthcheck"]["test"])


# --- Alertmanager ---------------------------------------------------------------------


@cache
def alertmanager_config() -> dict[str, Any]:
    alertmanager = services()["alertmanager"]
    path = host_path_of(alertmanager, command_option(alertmanager, "--config.file"))
    assert path == ALERTMANAGER_DIR / "alertmanager.yml", "its config is not mounted"
    config = yaml.safe_load(path.read_text())
    assert isinstance(config, dict)
    return config


def test_prometheus_sends_its_alerts_to_alertmanager() -> None:
    alertmanager = services()["alertmanager"]
    assert alertmanager["image"].startswith("prom/alertmanager:v")
    (listen,) = healthcheck_ports(alertmanager)
    managers = prometheus_config()["alerting"]["alertmanagers"]
    targets = [t for m in managers for s in m["static_configs"] for t in s["targets"]]
    assert targets == [f"alertmanager:{listen}"], targets
    assert "alertmanager" in services()["prometheus"]["depends_on"]


def test_alertmanager_mails_every_alert_to_the_mail_catcher() -> None:
    config = alertmanager_config()
    # mailpit's SMTP port: the one the services send their mail to.
    smtp_ports = {
        environment(services()[name])[f"TANDEM_{tandem.upper()}_SMTP__PORT"]
        for name, tandem in tandem_containers().items()
        if name not in ONE_SHOT_JOBS
    }
    assert len(smtp_ports) == 1
    mail_catcher = f"mailpit:{smtp_ports.pop()}"
    assert "mailpit" in services()["alertmanager"]["depends_on"]

    route = config["route"]
    assert "matchers" not in route, "the root route must catch every alert"
    routed: set[str] = set()

    def walk(node: Mapping[str, Any]) -> None:
        if "receiver" in node:
            routed.add(node["receiver"])
        for child in node.get("routes", []):
            walk(child)

    walk(route)
    receivers = {r["name"]: r for r in config["receivers"]}
    assert routed, "no route names a receiver"
    assert routed <= set(receivers), f"routes name unknown receivers {routed - set(receivers)}"
    for name in routed:
        mails = receivers[name].get("email_configs") or []
        assert mails, f"receiver {name} sends no mail"
        for mail in mails:
            assert mail["to"], f"receiver {name} mails nobody"
            smarthost = mail.get("smarthost", config["global"].get("smtp_smarthost"))
            assert smarthost == mail_catcher, f"{name} mails {smarthost}, not {mail_catcher}"
            require_tls = mail.get("require_tls", config["global"].get("smtp_require_tls"))
            assert require_tls is False, "mailpit in compose speaks plain SMTP"
            assert mail.get("from", config["global"].get("smtp_from"))


def test_amtool_accepts_the_alertmanager_config() -> None:
    amtool = shutil.which("amtool")
    if amtool is None:
        pytest.fail("amtool is missing: install the Debian package `prometheus-alertmanager`")
    result = subprocess.run(
        [amtool, "check-config", "alertmanager.yml"],
        cwd=ALERTMANAGER_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"amtool check-config:\n{result.stdout}{result.stderr}"


# --- Prometheus -----------------------------------------------------------------------


def test_prometheus_loads_the_mounted_config_and_rules() -> None:
    prometheus = services()["prometheus"]
    config_arg = next(a for a in prometheus["command"] if a.startswith("--config.file="))
    container_config = PurePosixPath(config_arg.split("=", 1)[1])
    assert host_path_of(prometheus, str(container_config)) == PROMETHEUS_DIR / "prometheus.yml"
    rule_files = prometheus_config()["rule_files"]
    assert rule_files
    for rule_file in rule_files:
        in_container = container_config.parent / rule_file
        on_host = host_path_of(prometheus, str(in_container))
        assert on_host is not None, f"{in_container} is not mounted"
        assert on_host.is_file(), f"{on_host} is missing"
        assert on_host == PROMETHEUS_DIR / rule_file, "relative paths must resolve alike"


def test_alert_rules_parse_and_cover_the_failure_modes() -> None:
    rules = alert_rules()
    names = [rule["alert"] for rule in rules]
    assert len(names) == len(set(names)), "duplicate alert names"
    used: set[str] = set()
    for rule in rules:
        assert rule["expr"].strip()
        assert rule["labels"]["severity"] in {"warning", "critical"}
        assert rule["annotations"]["summary"], f"{rule['alert']} has no summary"
        assert not unknown_metrics(rule["expr"]), (
            f"{rule['alert']}: {unknown_metrics(rule['expr'])}"
        )
        used |= metric_names(rule["expr"])
    for metric in (
        "up",  # service down
        "tandem_http_requests_total",  # 5xx ratio
        "tandem_outbox_backlog",
        "tandem_consumer_lag",
        "tandem_events_dead_lettered_total",
        "tandem_analytics_freshness_seconds",  # stale analytics
        "tandem:programme_at_risk_share",  # a jump in the at-risk share
    ):
        assert metric in used, f"no alert rule on {metric}"
    ratio = next(r for r in rules if "tandem_http_requests_total" in r["expr"])
    assert 'status=~"5.."' in ratio["expr"]


def test_every_alert_links_its_runbook_section() -> None:
    runbooks = (ROOT / "docs" / "runbooks.md").read_text()
    anchors = {
        re.sub(r"[^a-z0-9 -]", "", line[3:].strip().lower()).replace(" ", "-")
        for line in runbooks.splitlines()
        if line.startswith("## ")
    }
    for rule in alert_rules():
        url = rule["annotations"].get("runbook_url", "")
        path, _, anchor = url.partition("#")
        assert path == "docs/runbooks.md", f"{rule['alert']}: runbook_url {url!r}"
        assert anchor == rule["alert"].lower(), f"{rule['alert']}: anchor {anchor!r}"
        assert anchor in anchors, f"{rule['alert']}: docs/runbooks.md has no section {anchor}"


def test_every_alert_has_a_promtool_case_that_fires_and_one_that_does_not() -> None:
    cases = yaml.safe_load((PROMETHEUS_DIR / "alerts_test.yml").read_text())["tests"]
    fired: set[str] = set()
    quiet: set[str] = set()
    for case in cases:
        for check in case["alert_rule_test"]:
            (fired if check["exp_alerts"] else quiet).add(check["alertname"])
    names = {rule["alert"] for rule in alert_rules()}
    assert names <= fired, f"never shown firing: {sorted(names - fired)}"
    assert names <= quiet, f"never shown quiet: {sorted(names - quiet)}"


def test_every_scrape_target_is_a_compose_service() -> None:
    for host in scrape_targets():
        assert host == "localhost" or host in services(), f"Prometheus scrapes unknown {host}"


def test_promtool_accepts_the_config_and_the_alert_rules_pass_their_unit_tests() -> None:
    promtool = shutil.which("promtool")
    if promtool is None:
        pytest.fail("promtool is missing: install the Debian package `prometheus` (.ci/run)")
    for args in (
        ["check", "config", "prometheus.yml"],
        ["check", "rules", "alerts.yml"],
        ["test", "rules", "alerts_test.yml"],
    ):
        result = subprocess.run(
            [promtool, *args],
            cwd=PROMETHEUS_DIR,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, f"promtool {' '.join(args)}:\n{result.stdout}{result.stderr}"


# --- Grafana --------------------------------------------------------------------------


def test_metric_name_extraction() -> None:
    expr = (
        "sum by (service, le) "
        '(rate(tandem_http_request_duration_seconds_bucket{service=~"$service"}[$__rate_interval]))'
        ' / ignoring(le) group_left sum(up{job="x"} offset 5m) > bool 1e-9'
    )
    assert metric_names(expr) == {"tandem_http_request_duration_seconds_bucket", "up"}
    assert metric_names(
        "tandem_outbox_backlog > 100 and deriv(tandem_outbox_backlog[10m]) > 0"
    ) == {"tandem_outbox_backlog"}
    assert unknown_metrics("rate(http_requests_total[5m])") == {"http_requests_total"}
    assert unknown_metrics("histogram_quantile(0.95, sum by (le) (rate(foo_bucket[1m])))") == {
        "foo_bucket"
    }


def test_dashboard_panels_query_only_exported_metrics() -> None:
    for filename, dashboard in dashboards().items():
        exprs = list(dashboard_exprs(dashboard))
        assert exprs, f"{filename} has no queries"
        for expr in exprs:
            assert not unknown_metrics(expr), f"{filename}: {expr!r} uses {unknown_metrics(expr)}"


def test_system_dashboard_shows_every_exported_metric() -> None:
    """Every metric on one of the two dashboards: the programme figures on the programmes
    dashboard, everything else on the system dashboard."""
    for filename, prefix_in in (
        ("tandem-system.json", False),
        ("tandem-programmes.json", True),
    ):
        board = dashboards()[filename]
        used = set().union(*(metric_names(e) for e in dashboard_exprs(board)))
        for metric in EXPORTED_METRICS:
            # The series bound's own count is an operator's figure: system dashboard.
            programme = metric.startswith("tandem_analytics_programme_") and not metric.endswith(
                "_series_dropped"
            )
            if programme != prefix_in:
                continue
            series = {f"{metric}_bucket"} if metric in HISTOGRAMS else {metric}
            assert series & used, f"{filename}: no panel on {metric}"
    exprs = " ".join(dashboard_exprs(dashboards()["tandem-system.json"]))
    for quantile in ("0.50", "0.95", "0.99"):
        assert f"histogram_quantile({quantile}" in exprs, f"p{quantile[2:]} latency missing"
    assert 'status=~"5.."' in exprs, "5xx error panel missing"


def test_dashboards_use_provisioned_data_sources() -> None:
    provisioned = {}
    for path in (GRAFANA_DIR / "provisioning" / "datasources").glob("*.yml"):
        for source in yaml.safe_load(path.read_text())["datasources"]:
            provisioned[source["uid"]] = source
            host = urlsplit(source["url"]).hostname
            assert host in services(), f"data source {source['name']} points at {host}"
    assert {"prometheus", "jaeger"} <= {s["type"] for s in provisioned.values()}

    def uids(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            source = node.get("datasource")
            if isinstance(source, dict) and "uid" in source:
                yield source["uid"]
            for value in node.values():
                yield from uids(value)
        elif isinstance(node, list):
            for item in node:
                yield from uids(item)

    for filename, dashboard in dashboards().items():
        for uid in uids(dashboard):
            assert uid in provisioned, f"{filename} refers to data source {uid!r}"


def test_grafana_provisions_the_mounted_dashboards() -> None:
    grafana = services()["grafana"]
    for path in (GRAFANA_DIR / "provisioning" / "dashboards").glob("*.yml"):
        for provider in yaml.safe_load(path.read_text())["providers"]:
            on_host = host_path_of(grafana, provider["options"]["path"])
            assert on_host == GRAFANA_DIR / "dashboards", f"provider {provider['name']}"
    assert host_path_of(grafana, "/etc/grafana/provisioning") == GRAFANA_DIR / "provisioning"


# --- .env.example -------------------------------------------------------------------


def env_example() -> dict[str, tuple[str, bool]]:
    """Variable -> (value, set?) for every ``VAR=value`` and ``# VAR=`` line."""
    found: dict[str, tuple[str, bool]] = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = re.match(r"^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$", line)
        if match is None:
            continue
        name, value = match.group(2), match.group(3)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        assert name not in found, f".env.example lists {name} twice"
        found[name] = (value, match.group(1) is None)
    return found


@pytest.mark.parametrize("service", sorted(set(tandem_containers().values())))
def test_env_example_lists_every_setting_with_its_default(
    service: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cls, own = settings_class(service)
    prefix = f"TANDEM_{service.upper()}_"
    fields = settings_variables(cls)
    listed = {k: v for k, v in env_example().items() if k.startswith(prefix)}
    missing = sorted(f"{prefix}{name}" for name in fields if f"{prefix}{name}" not in listed)
    extra = sorted(name for name in listed if name.removeprefix(prefix) not in fields)
    assert not missing, f".env.example lacks {missing}"
    assert not extra, f".env.example lists settings {cls.__name__} does not have: {extra}"
    for name, (_, is_set) in listed.items():
        if not is_set:
            assert fields[name.removeprefix(prefix)] is None, f"{name} has a default: set it"
    values = {name: value for name, (value, is_set) in listed.items() if is_set}
    loaded = load_settings(cls, values, monkeypatch)
    if not own:
        return  # the kit's stand-in has the kit's defaults, not the service's
    for name in values:
        got: Any = loaded
        for part in name.removeprefix(prefix).lower().split("__"):
            got = getattr(got, part)
        want = fields[name.removeprefix(prefix)]
        assert got == want, f".env.example: {name} gives {got!r}, the default is {want!r}"


def test_env_example_documents_opentelemetry() -> None:
    listed = env_example()
    for name in ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SERVICE_NAME", "OTEL_SDK_DISABLED"):
        assert name in listed, f".env.example does not mention {name}"


# --- Kubernetes -----------------------------------------------------------------------


def k8s_documents() -> list[dict[str, Any]]:
    kustomization = yaml.safe_load((K8S_DIR / "kustomization.yaml").read_text())
    documents = []
    for resource in kustomization["resources"]:
        path = K8S_DIR / resource
        assert path.is_file(), f"kustomization lists missing {resource}"
        documents += [d for d in yaml.safe_load_all(path.read_text()) if d]
    return documents


def test_k8s_manifests_wire_settings_ports_and_probes(monkeypatch: pytest.MonkeyPatch) -> None:
    documents = k8s_documents()
    config_maps = {d["metadata"]["name"]: d["data"] for d in documents if d["kind"] == "ConfigMap"}
    # The example Secrets only stand in for the real ones: never applied with the rest.
    kustomization = yaml.safe_load((K8S_DIR / "kustomization.yaml").read_text())
    assert "secrets.example.yaml" not in kustomization["resources"]
    example_secrets = {
        d["metadata"]["name"]: d["stringData"]
        for d in yaml.safe_load_all((K8S_DIR / "secrets.example.yaml").read_text())
        if d
    }
    deployments = [d for d in documents if d["kind"] == "Deployment"]
    assert {d["metadata"]["name"] for d in deployments} >= {
        "matching",
        "messaging",
        "meetings",
        "analytics",
    }
    for deployment in deployments:
        name = deployment["metadata"]["name"]
        container = deployment["spec"]["template"]["spec"]["containers"][0]
        assert container["args"] == [f"tandem-{name}", "serve"]
        refs = [e.get("configMapRef", e.get("secretRef", {}))["name"] for e in container["envFrom"]]
        settings: dict[str, Any] = {}
        for ref in refs:
            assert ref in config_maps or ref in example_secrets, f"{name}: unknown ref {ref}"
            settings |= config_maps.get(ref, {}) | example_secrets.get(ref, {})
        cls, _ = settings_class(name)
        prefix = f"TANDEM_{name.upper()}_"
        fields = settings_variables(cls)
        tandem_vars = {k: str(v) for k, v in settings.items() if k.startswith("TANDEM_")}
        unknown = sorted(k for k in tandem_vars if k.removeprefix(prefix) not in fields)
        assert not unknown, f"{name}: not settings fields: {unknown}"
        loaded = load_settings(cls, tandem_vars, monkeypatch)
        assert loaded.environment == "production"
        port = container["ports"][0]
        assert port["name"] == "http"
        assert port["containerPort"] == loaded.http_port
        assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}
        assert container["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
    jobs = {d["metadata"]["name"]: d for d in documents if d["kind"] == "Job"}
    for deployment in deployments:
        name = deployment["metadata"]["name"]
        job = jobs[f"{name}-migrate"]["spec"]["template"]["spec"]["containers"][0]
        assert job["args"] == [f"tandem-{name}", "migrate"]


def matches(selector: Mapping[str, Any], labels: Mapping[str, str]) -> bool:
    """A label selector (matchLabels and matchExpressions) against a set of labels."""
    if not selector:
        return False  # an empty selector selects everything: never what a monitor means
    for key, value in (selector.get("matchLabels") or {}).items():
        if labels.get(key) != value:
            return False
    for expression in selector.get("matchExpressions") or []:
        key, operator = expression["key"], expression["operator"]
        values = set(expression.get("values") or [])
        if operator == "In" and labels.get(key) not in values:
            return False
        if operator == "NotIn" and labels.get(key) in values:
            return False
        if operator == "Exists" and key not in labels:
            return False
        if operator == "DoesNotExist" and key in labels:
            return False
    return True


def test_every_service_is_scraped_by_a_prometheus_operator_monitor() -> None:
    documents = k8s_documents()
    monitors = [
        d
        for d in documents
        if d["kind"] in ("PodMonitor", "ServiceMonitor")
        and d["apiVersion"] == "monitoring.coreos.com/v1"
    ]
    k8s_services = [d for d in documents if d["kind"] == "Service"]
    deployments = [d for d in documents if d["kind"] == "Deployment"]
    assert deployments
    for deployment in deployments:
        name = deployment["metadata"]["name"]
        template = deployment["spec"]["template"]
        labels = template["metadata"]["labels"]
        # The operator ignores these; a reader would think they do something.
        annotations = template["metadata"].get("annotations") or {}
        assert not [a for a in annotations if a.startswith("prometheus.io/")], name
        container = template["spec"]["containers"][0]
        port = next(p for p in container["ports"] if p["name"] == "http")

        endpoints = []  # (monitor, endpoint) pairs that scrape this Deployment's pods
        for monitor in monitors:
            spec = monitor["spec"]
            assert "namespaceSelector" not in spec, "monitors select pods in their namespace"
            if monitor["kind"] == "PodMonitor":
                if matches(spec["selector"], labels):
                    endpoints += [(monitor, e) for e in spec["podMetricsEndpoints"]]
                continue
            for service in k8s_services:
                selects_pods = matches({"matchLabels": service["spec"]["selector"]}, labels)
                if selects_pods and matches(spec["selector"], service["metadata"]["labels"]):
                    ports = {p["name"]: p for p in service["spec"]["ports"]}
                    for endpoint in spec["endpoints"]:
                        target = ports[endpoint["port"]]["targetPort"]
                        assert target in (port["name"], port["containerPort"]), name
                        endpoints.append((monitor, {**endpoint, "port": port["name"]}))
        assert len({m["metadata"]["name"] for m, _ in endpoints}) == 1, (
            f"{name}: want one monitor, found {[m['metadata']['name'] for m, _ in endpoints]}"
        )
        ((monitor, endpoint),) = endpoints
        assert endpoint["port"] == port["name"], f"{name}: scrapes port {endpoint['port']}"
        assert endpoint.get("path", "/metrics") == "/metrics"
        # The job label as in compose, for the alert rules and dashboards.
        jobs = [
            r["replacement"]
            for r in endpoint.get("relabelings", [])
            if r.get("targetLabel") == "job"
        ]
        assert jobs == [f"tandem-{name}"], f"{name}: job label {jobs}"


def test_the_matching_pod_keeps_the_engine_compiled_in_the_image() -> None:
    """numba ignores a cache directory it cannot write (and compiles on every run); the
    pod's root file system is read-only, so the compiled engine the image holds in
    NUMBA_CACHE_DIR is copied into a writable volume mounted at that very path."""
    dockerfile = (ROOT / "Dockerfile").read_text()
    cache = re.search(r"NUMBA_CACHE_DIR=(\S+)", dockerfile)
    assert cache is not None, "the image sets NUMBA_CACHE_DIR"
    assert "RUN tandem-matching compile-engine" in dockerfile
    [pod] = [
        d["spec"]["template"]["spec"]
        for d in k8s_documents()
        if d["kind"] == "Deployment" and d["metadata"]["name"] == "matching"
    ]
    mounts = {m["mountPath"]: m["name"] for m in pod["containers"][0]["volumeMounts"]}
    volume = mounts[cache[1]]
    assert {"name": volume, "emptyDir": {}} in pod["volumes"]
    [init] = pod["initContainers"]
    target = next(m["mountPath"] for m in init["volumeMounts"] if m["name"] == volume)
    assert init["command"] == ["cp", "-a", f"{cache[1]}/.", f"{target}/"]
