"""Static checks of deploy/k8s: the manifests wire each service's settings, ports and
probes as compose does, every service is scraped by a Prometheus Operator monitor, and
the matching pod keeps the engine compiled in the image.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pytest
import yaml

from tests.contract.deploy_files import (
    K8S_DIR,
    ROOT,
    SETTINGS_CLASSES,
    load_settings,
    settings_class,
    settings_variables,
)


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
    # The four services; the web app (no metrics, no migrations) has test_deploy_web.py.
    deployments = [
        d
        for d in documents
        if d["kind"] == "Deployment" and d["metadata"]["name"] in SETTINGS_CLASSES
    ]
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
    # The four services; the web app (no metrics, no migrations) has test_deploy_web.py.
    deployments = [
        d
        for d in documents
        if d["kind"] == "Deployment" and d["metadata"]["name"] in SETTINGS_CLASSES
    ]
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
