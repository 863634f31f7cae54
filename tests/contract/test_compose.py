"""Static checks of docker-compose.yml, .env.example and deploy/ (no Docker engine needed).

No Docker engine runs on the development machines or in CI, so the compose file is
checked here against what the code really accepts: every TANDEM_<SERVICE>_* variable is
a field of that service's settings class (and its value passes validation), ports agree
between the service, its healthcheck and Prometheus, every mounted file exists, the
dashboards and alerts use the metric names the services export, and the broker image is
the version the local broker runs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import urlsplit

import pytest
from pydantic import ValidationError

from tests.contract.deploy_files import (
    ENV_EXAMPLE,
    KAFKA_POM,
    ONE_SHOT_JOBS,
    ROOT,
    SETTINGS_CLASSES,
    compose,
    environment,
    healthcheck_ports,
    host_path_of,
    interpolate,
    load_settings,
    mounts,
    otel_collector_config,
    scrape_targets,
    services,
    settings_class,
    settings_variables,
    tandem_containers,
)


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
