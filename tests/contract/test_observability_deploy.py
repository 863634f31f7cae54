"""Static checks of the observability deployment (no Docker engine needed): the
collector's pipelines reach Jaeger, Prometheus sends to Alertmanager, which mails every
alert; promtool and amtool accept the configs and every alert has a runbook and firing
and quiet promtool cases; dashboards query only exported metrics, from provisioned data
sources.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from tests.contract.deploy_files import (
    ALERTMANAGER_DIR,
    EXPORTED_METRICS,
    GRAFANA_DIR,
    HISTOGRAMS,
    ONE_SHOT_JOBS,
    PROMETHEUS_DIR,
    ROOT,
    alert_rules,
    alertmanager_config,
    dashboard_exprs,
    dashboards,
    environment,
    healthcheck_ports,
    host_path_of,
    jaeger_config,
    metric_names,
    otel_collector_config,
    prometheus_config,
    scrape_targets,
    services,
    tandem_containers,
    unknown_metrics,
)


def test_collector_pipelines_use_defined_components_and_reach_jaeger() -> None:
    config = otel_collector_config()
    check_pipelines_use_defined_components(config)
    assert config["service"]["pipelines"]["traces"]["exporters"] == ["otlp/jaeger"]
    endpoint = config["exporters"]["otlp/jaeger"]["endpoint"]
    assert endpoint.split(":")[0] == "jaeger"
    assert "jaeger" in services()
    health = config["extensions"]["health_check"]["endpoint"]
    assert healthcheck_ports(services()["otel-collector"]) == {int(health.rsplit(":", 1)[1])}


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
