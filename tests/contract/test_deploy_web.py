"""Static checks of the web app's deployment: docker-compose.yml, deploy/k8s/web.yaml,
.env.example and the Dockerfile run the web app with settings it accepts, reaching the
services by their own names and ports, probed on its readiness."""

from __future__ import annotations

import os
import re
import tomllib
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from pydantic_settings import BaseSettings
from tandem_web.settings import WebSettings

from tests.contract.deploy_files import (
    K8S_DIR,
    ROOT,
    SETTINGS_CLASSES,
    WEB_APP,
    environment,
    healthcheck_ports,
    interpolate,
    services,
    settings_variables,
)
from tests.contract.test_compose import env_example
from tests.contract.test_k8s import k8s_documents

PREFIX = "TANDEM_WEB_"


def load_web(variables: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> WebSettings:
    for name in list(os.environ):
        if name.startswith("TANDEM_"):
            monkeypatch.delenv(name)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    return WebSettings()


def web_fields() -> dict[str, Any]:
    cls: Any = WebSettings  # settings_variables reads model_fields, as of any settings
    assert issubclass(cls, BaseSettings)
    return settings_variables(cls)


def checked_variables(variables: dict[str, Any], where: str) -> dict[str, str]:
    tandem = {k: interpolate(str(v)) for k, v in variables.items() if k.startswith("TANDEM_")}
    unknown = sorted(k for k in tandem if k.removeprefix(PREFIX) not in web_fields())
    assert not unknown, f"{where}: not WebSettings fields: {unknown}"
    return tandem


def service_ports() -> dict[str, int]:
    """Compose service -> the HTTP port its own settings give it."""
    found = {}
    for service in SETTINGS_CLASSES:
        port = environment(services()[service])[f"TANDEM_{service.upper()}_HTTP_PORT"]
        found[service] = int(port)
    return found


def test_compose_runs_the_web_app_from_the_one_image_with_valid_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    web = services()[WEB_APP]
    assert web["command"] == ["tandem-web", "serve"]
    assert web["image"] == "tandem/services:local"
    assert web["build"] == {"context": ".", "dockerfile": "Dockerfile"}
    loaded = load_web(checked_variables(environment(web), "compose"), monkeypatch)
    assert loaded.http_host == "0.0.0.0"  # noqa: S104 - a container listens beyond loopback
    assert healthcheck_ports(web) == {loaded.http_port}
    assert "/readyz" in " ".join(web["healthcheck"]["test"])
    assert [str(p).rsplit(":", 1)[-1] for p in web["ports"]] == [str(loaded.http_port)]
    # The services by their compose names and ports, each started before the web app.
    ports = service_ports()
    for service, url in (
        ("matching", loaded.matching_url),
        ("messaging", loaded.messaging_url),
        ("meetings", loaded.meetings_url),
        ("analytics", loaded.analytics_url),
    ):
        assert (url.host, url.port) == (service, ports[service]), f"{service}: {url}"
        assert web["depends_on"][service] == {"condition": "service_healthy"}
    # It mints demo tokens with the very key the services verify with.
    key = environment(services()["matching"])["TANDEM_MATCHING_AUTH__LOCAL_KEY_PATH"]
    assert loaded.auth.local_key_path == key
    assert loaded.auth.issuer == environment(services()["matching"])["TANDEM_MATCHING_AUTH__ISSUER"]
    # Sessions on its own volume, not in the image's read-only tree.
    mounted = {target: source for source, target in (v.split(":")[:2] for v in web["volumes"])}
    assert any(loaded.session_database.startswith(t + "/") for t in mounted)
    assert any(loaded.session_key_file.startswith(t + "/") for t in mounted)


def test_meetings_links_lead_to_the_web_app_compose_publishes() -> None:
    link = urlsplit(environment(services()["meetings"])["TANDEM_MEETINGS_WEB_BASE_URL"])
    published = [str(p).rsplit(":", 2) for p in services()[WEB_APP]["ports"]]
    assert [link.hostname, str(link.port)] in [[p[0], p[1]] for p in published]


def test_k8s_runs_the_web_app_in_production_with_oidc_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kustomization = yaml.safe_load((K8S_DIR / "kustomization.yaml").read_text())
    assert "web.yaml" in kustomization["resources"]
    documents = k8s_documents()
    [deployment] = [
        d for d in documents if d["kind"] == "Deployment" and d["metadata"]["name"] == WEB_APP
    ]
    # One pod on one sessions file: never two writers, not even during a rollout.
    assert deployment["spec"]["replicas"] == 1
    assert deployment["spec"]["strategy"] == {"type": "Recreate"}
    pod = deployment["spec"]["template"]["spec"]
    [container] = pod["containers"]
    assert container["args"] == ["tandem-web", "serve"]
    [config] = [
        d["data"]
        for d in documents
        if d["metadata"]["name"] == "tandem-web" and d["kind"] == "ConfigMap"
    ]
    secret = next(
        d["stringData"]
        for d in yaml.safe_load_all((K8S_DIR / "secrets.example.yaml").read_text())
        if d and d["metadata"]["name"] == "tandem-web"
    )
    refs = {e.get("configMapRef", e.get("secretRef", {}))["name"] for e in container["envFrom"]}
    assert refs == {"tandem-web"}
    loaded = load_web(checked_variables({**config, **secret}, "k8s"), monkeypatch)
    assert loaded.environment == "production"
    assert not loaded.local_sign_in
    assert loaded.oidc_client_id
    assert loaded.oidc_client_secret
    assert loaded.secure_cookies
    assert container["ports"] == [{"name": "http", "containerPort": loaded.http_port}]
    assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "http"}
    assert container["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
    k8s_ports = {
        d["metadata"]["name"]: d["spec"]["ports"][0]["port"]
        for d in documents
        if d["kind"] == "Service"
    }
    for service in SETTINGS_CLASSES:
        url = getattr(loaded, f"{service}_url")
        assert (url.host, url.port) == (service, k8s_ports[service]), f"{service}: {url}"
    # The sessions on the claimed volume.
    mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
    volumes = {v["name"]: v for v in pod["volumes"]}
    [data] = [path for path in mounts if loaded.session_database.startswith(path + "/")]
    assert "persistentVolumeClaim" in volumes[mounts[data]]


def test_env_example_lists_every_web_setting_with_its_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fields = web_fields()
    listed = {k: v for k, v in env_example().items() if k.startswith(PREFIX)}
    missing = sorted(f"{PREFIX}{name}" for name in fields if f"{PREFIX}{name}" not in listed)
    assert not missing, f".env.example lacks {missing}"
    checked_variables(dict.fromkeys(listed, ""), ".env.example")
    for name, (_, is_set) in listed.items():
        if not is_set:
            assert fields[name.removeprefix(PREFIX)] is None, f"{name} has a default: set it"
    values = {name: value for name, (value, is_set) in listed.items() if is_set}
    loaded = load_web(values, monkeypatch)
    for name in values:
        got: Any = loaded
        for part in name.removeprefix(PREFIX).lower().split("__"):
            got = getattr(got, part)
        assert got == fields[name.removeprefix(PREFIX)], f".env.example: {name} gives {got!r}"


def test_the_image_holds_every_workspace_member() -> None:
    """``uv sync --frozen`` refuses a workspace whose named member is missing."""
    root = tomllib.loads((ROOT / "pyproject.toml").read_text())
    members = root["tool"]["uv"]["workspace"]["members"]
    dockerfile = (ROOT / "Dockerfile").read_text()
    copied = set(re.findall(r"^COPY (\S+) \./\1$", dockerfile, re.M))
    tops = {member.split("/")[0] for member in members}
    assert tops <= copied, f"the Dockerfile leaves out {sorted(tops - copied)}"
