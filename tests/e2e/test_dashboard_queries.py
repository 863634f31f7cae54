"""Every dashboard panel and every alert, answered by a real Prometheus scraping the services.

deploy/prometheus/prometheus.yml's scrape jobs (``tandem-<service>``, analytics included)
are pointed at each service run as compose runs it: ``tandem-<service> serve``, its own
process (so its own /metrics), on the real broker. Debian's ``prometheus`` scrapes them
every second and evaluates deploy/prometheus/alerts.yml. After a short flow (traffic on
every API, one programme created in matching and consumed by the others), EVERY query of
the generated dashboards (deploy/grafana/dashboards/*.json, variables as Grafana fills
them for "All") and EVERY alert's expression must return at least one series: an empty
panel fails. An alert is evaluated with its comparisons made ``bool`` (``x > 5`` becomes
``x > bool 5``), so it returns its 0-or-1 series whether or not it fires: what is
checked is that it watches series that exist (a misspelt metric or label would leave it
silently empty forever). The system panels that need nothing but that flow must also
show each service's own series.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import httpx2
import pytest
import yaml

from tandem_kit.auth import ensure_local_key, mint_token
from tandem_kit.settings import AuthSettings

ROOT = Path(__file__).resolve().parents[2]
PROMETHEUS_DIR = ROOT / "deploy" / "prometheus"
DASHBOARDS = ROOT / "deploy" / "grafana" / "dashboards"
# What Grafana puts for the variables: "All" of the service and programme variables is
# their allValue, and $__rate_interval is at least four scrape intervals (of one second).
RATE_INTERVAL = "10s"
# Queries that need more than this flow makes: a started relationship (drop-out rate and
# the at-risk share divide by it; that needs a match run), a reply (response times) and
# check-ins (not in analytics' read models yet). They must run and may be empty; every
# other query must return series (a new programme's figures are zeros, not nothing).
AWAITING_READ_MODELS = frozenset(
    {
        *(
            f"tandem-programmes / {title}"
            for title in (
                "Drop-out rate",
                "Response time p50 / p90",
                "Check-in response rate",
            )
        ),
        "alert TandemAtRiskShareJumped",
    }
)
# Each panel that must show these services' series once they have served requests and
# matching has created a programme (which messaging's and meetings' directories consume).
# The other panels (5xx, failures, dead letters, mails) must run but may be empty.
# None: every service Prometheus scrapes.
CONSUMERS = frozenset({"messaging", "meetings", "analytics"})
PANELS_WITH_DATA: dict[str, frozenset[str] | None] = {
    "tandem-system / Request rate": None,
    "tandem-system / Latency p50 / p95 / p99 by service": None,
    "tandem-system / Latency p95 by route": None,
    "tandem-system / Outbox backlog": None,
    "tandem-system / Produced": frozenset({"matching"}),
    "tandem-system / Consumed": CONSUMERS,
    "tandem-system / Consumer lag per group": CONSUMERS,
}

pytestmark = [pytest.mark.kafka, pytest.mark.slow]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def scrape_jobs() -> dict[str, str]:
    """Service -> the compose target Prometheus scrapes it at, from the shipped config."""
    config = yaml.safe_load((PROMETHEUS_DIR / "prometheus.yml").read_text())
    jobs = {}
    for job in config["scrape_configs"]:
        if job["job_name"].startswith("tandem-"):
            [[target]] = [s["targets"] for s in job["static_configs"]]
            jobs[job["job_name"].removeprefix("tandem-")] = target
    return jobs


def prometheus_config(ports: dict[str, int], directory: Path) -> Path:
    """The shipped config, its tandem jobs pointed at the local processes, scraped every
    second; Alertmanager and the self-scrapes are left out (nothing here runs them)."""
    config = yaml.safe_load((PROMETHEUS_DIR / "prometheus.yml").read_text())
    config["global"] |= {"scrape_interval": "1s", "scrape_timeout": "1s"}
    config["global"]["evaluation_interval"] = "1s"
    config["rule_files"] = [str(PROMETHEUS_DIR / name) for name in config["rule_files"]]
    config.pop("alerting", None)
    jobs = []
    for job in config["scrape_configs"]:
        service = job["job_name"].removeprefix("tandem-")
        if job["job_name"].startswith("tandem-"):
            job["static_configs"] = [{"targets": [f"127.0.0.1:{ports[service]}"]}]
            jobs.append(job)
    config["scrape_configs"] = jobs
    path = directory / "prometheus.yml"
    path.write_text(yaml.safe_dump(config))
    return path


def service_environment(
    service: str, port: int, directory: Path, kafka: str, key: Path
) -> dict[str, str]:
    prefix = f"TANDEM_{service.upper()}_"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TANDEM_", "OTEL_"))}
    env |= {
        f"{prefix}ENVIRONMENT": "test",
        f"{prefix}HTTP_PORT": str(port),
        f"{prefix}DATABASE_URL": f"sqlite+aiosqlite:///{directory / service}.db",
        f"{prefix}KAFKA_BOOTSTRAP_SERVERS": kafka,
        f"{prefix}KAFKA_CONSUMER_GROUP": f"tandem.test-{service}-{uuid.uuid4().hex[:8]}",
        f"{prefix}AUTH__LOCAL_KEY_PATH": str(key),
        f"{prefix}MASTER_KEY_FILE": str(directory / f"{service}-master.key"),
        f"{prefix}SMTP__PORT": str(free_port()),  # nothing here sends mail
        f"{prefix}OUTBOX_POLL_INTERVAL_SECONDS": "0.1",
        "OTEL_SDK_DISABLED": "true",
    }
    if service == "analytics":  # the programme figures on /metrics, refreshed every second
        env |= {f"{prefix}PROGRAMME_METRICS_INTERVAL_SECONDS": "1"}
    if service == "matching":  # no match run here: the engine's worker stays off
        env |= {f"{prefix}MATCH_RUNS_ENABLED": "false", f"{prefix}COMPLETION_ENABLED": "false"}
    return env


@contextmanager
def process(
    command: list[str], env: dict[str, str], log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as out:
        child = subprocess.Popen(command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        try:
            yield child
        finally:
            child.terminate()
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def wait_ok(url: str, child: subprocess.Popen[bytes], log: Path, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if child.poll() is not None:
            pytest.fail(f"{log.stem} exited:\n{log.read_text()[-3000:]}")
        try:
            if httpx2.get(url, timeout=2).status_code == 200:
                return
        except httpx2.HTTPError:
            pass
        time.sleep(0.3)
    pytest.fail(f"{url} never answered 200:\n{log.read_text()[-3000:]}")


def panel_queries() -> dict[str, list[str]]:
    """ "<dashboard uid> / <panel title>" -> its PromQL, variables filled as Grafana does."""
    found: dict[str, list[str]] = {}
    for path in sorted(DASHBOARDS.glob("*.json")):
        dashboard = json.loads(path.read_text())
        for panel in dashboard["panels"]:
            exprs = [t["expr"] for t in panel.get("targets", []) if "expr" in t]
            if exprs:
                found[f"{dashboard['uid']} / {panel['title']}"] = [fill(e) for e in exprs]
    return found


def fill(expr: str) -> str:
    expr = re.sub(r"\$\{?__rate_interval\}?", RATE_INTERVAL, expr)
    return re.sub(r"\$\{?(service|programme)\}?", ".*", expr)


COMPARISON = re.compile(r"(==|!=|>=|<=|>|<)(?!\s*bool\b)")


def as_bool(expr: str) -> str:
    """``expr`` with every comparison outside label matchers and strings made ``bool``:
    the same series, valued 0 or 1, instead of only those that pass."""
    out: list[str] = []
    depth, quote, i = 0, "", 0
    while i < len(expr):
        char = expr[i]
        if quote:
            out.append(expr[i : i + 2] if char == "\\" else char)
            i += 2 if char == "\\" else 1
            quote = "" if char == quote else quote
            continue
        if char in "\"'`":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0 and (match := COMPARISON.match(expr, i)):
            out.append(f"{match.group(1)} bool")
            i = match.end()
            continue
        out.append(char)
        i += 1
    return "".join(out)


def test_as_bool_leaves_label_matchers_and_strings_alone() -> None:
    assert as_bool('up{job=~"tandem-.+"} == 0') == 'up{job=~"tandem-.+"} == bool 0'
    assert (
        as_bool('sum(x{service!="a", t=">1"}) > 0.1 and on () y >= 10')
        == 'sum(x{service!="a", t=">1"}) > bool 0.1 and on () y >= bool 10'
    )
    assert as_bool("x > bool 1") == "x > bool 1"


def alert_queries() -> dict[str, str]:
    """ "alert <name>" -> its expression, comparisons made bool."""
    document = yaml.safe_load((PROMETHEUS_DIR / "alerts.yml").read_text())
    return {
        f"alert {rule['alert']}": as_bool(rule["expr"])
        for group in document["groups"]
        for rule in group["rules"]
        if "alert" in rule
    }


class Prometheus:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def get(self, path: str, **params: str) -> Any:
        answer = httpx2.get(f"{self.base_url}{path}", params=params, timeout=10)
        body = answer.json()
        assert body["status"] == "success", (path, params, body)
        return body["data"]

    def series(self, expr: str) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = self.get("/api/v1/query", query=expr)["result"]
        return result

    def services_in(self, expr: str) -> set[str]:
        return {series["metric"].get("service", "") for series in self.series(expr)}


def drive(services: dict[str, str], admin: dict[str, str], programmes: list[str]) -> None:
    """Traffic on every service's API, and one programme in matching (once)."""
    for base in services.values():
        httpx2.get(f"{base}/healthz", timeout=5)
        httpx2.get(f"{base}/v1/status", timeout=5)  # anonymous: a 401 (not an error)
    if not programmes:
        matching = services["matching"]
        example = httpx2.get(f"{matching}/openapi.json", timeout=10).json()["components"][
            "schemas"
        ]["ProgrammeCreate"]["examples"][0]
        organisation = httpx2.post(
            f"{matching}/v1/organisations", json={"name": "Dashboards Ltd"}, headers=admin
        )
        assert organisation.status_code == 201, organisation.text
        created = httpx2.post(
            f"{matching}/v1/programmes",
            json={**example, "organisation_id": organisation.json()["id"]},
            headers=admin,
            timeout=10,
        )
        assert created.status_code == 201, created.text
        programmes.append(created.json()["id"])


def test_every_panel_and_every_alert_returns_series_for_every_scraped_service(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    prometheus_binary = shutil.which("prometheus")
    if prometheus_binary is None:
        pytest.fail("prometheus is missing: install the Debian package `prometheus` (.ci/run)")
    jobs = scrape_jobs()
    assert {"matching", "messaging", "meetings", "analytics"} <= set(jobs), f"scrapes {jobs}"
    ports = {service: free_port() for service in jobs}
    key = tmp_path / "keys" / "jwt-signing-key.pem"
    ensure_local_key(key)  # before the services start: they all verify with it
    token = mint_token(AuthSettings(local_key_path=str(key)), "root", admin=True)
    admin = {"Authorization": f"Bearer {token}"}
    bin_dir = Path(sys.executable).parent
    with ExitStack() as stack:
        services = {}
        for service, port in ports.items():
            log = tmp_path / f"{service}.log"
            env = service_environment(service, port, tmp_path, kafka_bootstrap, key)
            child = stack.enter_context(
                process([str(bin_dir / f"tandem-{service}"), "serve"], env, log)
            )
            services[service] = (f"http://127.0.0.1:{port}", child, log)
        for base, child, log in services.values():
            wait_ok(f"{base}/readyz", child, log)

        web = free_port()
        log = tmp_path / "prometheus.log"
        child = stack.enter_context(
            process(
                [
                    prometheus_binary,
                    f"--config.file={prometheus_config(ports, tmp_path)}",
                    f"--storage.tsdb.path={tmp_path / 'tsdb'}",
                    f"--web.listen-address=127.0.0.1:{web}",
                ],
                dict(os.environ),
                log,
            )
        )
        wait_ok(f"http://127.0.0.1:{web}/-/ready", child, log)
        prometheus = Prometheus(f"http://127.0.0.1:{web}")

        urls = {service: base for service, (base, _, _) in services.items()}
        queries = panel_queries()
        assert set(PANELS_WITH_DATA) <= set(queries), f"panels: {sorted(queries)}"
        everything = {
            **{f"{name}: {expr}": expr for name, exprs in queries.items() for expr in exprs},
            **{f"{name}: {expr}": expr for name, expr in alert_queries().items()},
        }
        awaiting = {q for q in everything if q.split(": ", 1)[0] in AWAITING_READ_MODELS}
        wanted = {
            title: set(jobs) if needed is None else set(needed)
            for title, needed in PANELS_WITH_DATA.items()
        }
        missing: dict[str, set[str]] = {}
        empty: set[str] = set()
        programmes: list[str] = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            drive(urls, admin, programmes)
            missing = {
                f"{title}: {expr}": wanted[title] - prometheus.services_in(expr)
                for title in PANELS_WITH_DATA
                for expr in queries[title]
            }
            missing = {query: services for query, services in missing.items() if services}
            empty = {q for q, expr in everything.items() if not prometheus.series(expr)}
            if not missing and empty <= awaiting:
                break
            time.sleep(1)
        assert not missing, f"panels without these services' series: {missing}"
        assert empty <= awaiting, f"empty panels and alerts: {sorted(empty - awaiting)}"

        up = prometheus.get("/api/v1/query", query='up{job=~"tandem-.+"}')["result"]
        assert {s["metric"]["job"]: s["value"][1] for s in up} == {
            f"tandem-{service}": "1" for service in jobs
        }
        # The service variable: label_values(tandem_http_requests_total, service).
        offered = prometheus.get(
            "/api/v1/label/service/values", **{"match[]": "tandem_http_requests_total"}
        )
        assert set(jobs) <= set(offered), offered
        # The alert rules evaluate without error on these series.
        groups = prometheus.get("/api/v1/rules")["groups"]
        health = {r["name"]: r["health"] for g in groups for r in g["rules"]}
        assert health, "no alert rules loaded"
        assert set(health.values()) == {"ok"}, health
