"""The system dashboard's queries, answered by a real Prometheus scraping the real services.

deploy/prometheus/prometheus.yml's scrape jobs (``tandem-<service>``) are pointed at each
service run as compose runs it: ``tandem-<service> serve``, its own process (so its own
/metrics), on the real broker. Debian's ``prometheus`` scrapes them every second and
evaluates deploy/prometheus/alerts.yml. Then every PromQL expression of the overview
dashboard must run on it; its ``service`` variable must offer every scraped service; and
the panels that need nothing but traffic and one new programme must show each service's
series — meetings' included (issue 11: "Prometheus scrape and the system dashboard
include meetings").
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
DASHBOARD = ROOT / "deploy" / "grafana" / "dashboards" / "tandem-system.json"
# What Grafana puts for the variables: "All" of the service variable is its allValue,
# and $__rate_interval is at least four scrape intervals (here, of one second).
RATE_INTERVAL = "10s"
# Each panel that must show these services' series once they have served requests and
# matching has created a programme (which messaging's and meetings' directories consume).
# The other panels (5xx, failures, dead letters, mails) must run but may be empty.
# None: every service Prometheus scrapes.
CONSUMERS = frozenset({"messaging", "meetings"})
PANELS_WITH_DATA: dict[str, frozenset[str] | None] = {
    "Request rate": None,
    "Latency p50 / p95 / p99 by service": None,
    "Latency p95 by route": None,
    "Outbox backlog": None,
    "Produced": frozenset({"matching"}),
    "Consumed": CONSUMERS,
    "Consumer lag per group": CONSUMERS,
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
    """Panel title -> its PromQL, with the dashboard's variables as Grafana fills them."""
    dashboard = json.loads(DASHBOARD.read_text())
    found: dict[str, list[str]] = {}
    for panel in dashboard["panels"]:
        exprs = [t["expr"] for t in panel.get("targets", []) if "expr" in t]
        if exprs:
            found[panel["title"]] = [fill(e) for e in exprs]
    return found


def fill(expr: str) -> str:
    expr = re.sub(r"\$\{?__rate_interval\}?", RATE_INTERVAL, expr)
    return re.sub(r"\$\{?service\}?", ".*", expr)


class Prometheus:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def get(self, path: str, **params: str) -> Any:
        answer = httpx2.get(f"{self.base_url}{path}", params=params, timeout=10)
        body = answer.json()
        assert body["status"] == "success", (path, params, body)
        return body["data"]

    def services_in(self, expr: str) -> set[str]:
        result = self.get("/api/v1/query", query=expr)["result"]
        return {series["metric"].get("service", "") for series in result}


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


def test_the_overview_dashboard_shows_every_scraped_service_meetings_included(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    prometheus_binary = shutil.which("prometheus")
    if prometheus_binary is None:
        pytest.fail("prometheus is missing: install the Debian package `prometheus` (.ci/run)")
    jobs = scrape_jobs()
    assert {"matching", "messaging", "meetings"} <= set(jobs), f"Prometheus scrapes {jobs}"
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
        wanted = {
            title: set(jobs) if needed is None else set(needed)
            for title, needed in PANELS_WITH_DATA.items()
        }
        missing: dict[str, set[str]] = {}
        programmes: list[str] = []
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            drive(urls, admin, programmes)
            missing = {
                f"{title}: {expr}": wanted[title] - prometheus.services_in(expr)
                for title in PANELS_WITH_DATA
                for expr in queries[title]
            }
            missing = {query: services for query, services in missing.items() if services}
            if not missing:
                break
            time.sleep(1)
        assert not missing, f"panels without these services' series: {missing}"

        up = prometheus.get("/api/v1/query", query='up{job=~"tandem-.+"}')["result"]
        assert {s["metric"]["job"]: s["value"][1] for s in up} == {
            f"tandem-{service}": "1" for service in jobs
        }
        # The service variable: label_values(tandem_http_requests_total, service).
        offered = prometheus.get(
            "/api/v1/label/service/values", **{"match[]": "tandem_http_requests_total"}
        )
        assert set(jobs) <= set(offered), offered
        # Every other query of the dashboard is valid PromQL that this Prometheus runs.
        for exprs in queries.values():
            for expr in exprs:
                prometheus.get("/api/v1/query", query=expr)
        # The alert rules evaluate without error on these series.
        groups = prometheus.get("/api/v1/rules")["groups"]
        health = {r["name"]: r["health"] for g in groups for r in g["rules"]}
        assert health, "no alert rules loaded"
        assert set(health.values()) == {"ok"}, health
