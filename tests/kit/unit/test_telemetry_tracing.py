"""configure_tracing follows the standard OTEL_* environment variables."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    ConsoleSpanExporter,
    SimpleSpanProcessor,
)
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.sdk.trace.sampling import ALWAYS_OFF

from tandem_kit.telemetry import (
    configure_tracing,
    configured_exporters,
    get_tracer,
    install_span_processor,
    shutdown_tracing,
    tracing_enabled,
    uninstall_span_processor,
)

OTEL_VARIABLES = (
    "OTEL_SDK_DISABLED",
    "OTEL_TRACES_EXPORTER",
    "OTEL_EXPORTER_OTLP_ENDPOINT",
    "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
    "OTEL_SERVICE_NAME",
    "OTEL_RESOURCE_ATTRIBUTES",
    "OTEL_TRACES_SAMPLER",
    "OTEL_TRACES_SAMPLER_ARG",
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in OTEL_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    yield
    shutdown_tracing()


def exporters_of(provider: TracerProvider) -> list[object]:
    processors = provider._active_span_processor._span_processors
    return [p._batch_processor._exporter for p in processors if isinstance(p, BatchSpanProcessor)]


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, []),
        ({"OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"}, ["otlp"]),
        ({"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://collector:4318/v1/traces"}, ["otlp"]),
        ({"OTEL_TRACES_EXPORTER": "otlp"}, ["otlp"]),
        ({"OTEL_TRACES_EXPORTER": "console,otlp"}, ["console", "otlp"]),
        ({"OTEL_TRACES_EXPORTER": "none", "OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318"}, []),
        ({"OTEL_SDK_DISABLED": "true", "OTEL_TRACES_EXPORTER": "otlp"}, []),
        ({"OTEL_SDK_DISABLED": "false", "OTEL_TRACES_EXPORTER": "otlp"}, ["otlp"]),
    ],
)
def test_exporters_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], expected: list[str]
) -> None:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)

    assert configured_exporters() == expected


def test_no_exporter_configured_means_no_provider_and_non_recording_spans() -> None:
    assert configure_tracing("matching") is None

    assert not tracing_enabled()
    with get_tracer("t").start_as_current_span("work") as span:
        assert not span.is_recording()


def test_an_otlp_endpoint_installs_a_batched_otlp_http_exporter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector.example:4318")

    provider = configure_tracing("matching")

    assert provider is not None
    assert tracing_enabled()
    (exporter,) = exporters_of(provider)
    assert isinstance(exporter, OTLPSpanExporter)
    assert exporter._endpoint == "http://collector.example:4318/v1/traces"
    assert provider.resource.attributes["service.name"] == "matching"


def test_console_exporter_can_be_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTEL_TRACES_EXPORTER", "console")

    provider = configure_tracing("matching")

    assert provider is not None
    (exporter,) = exporters_of(provider)
    assert isinstance(exporter, ConsoleSpanExporter)


def test_otel_service_name_and_resource_attributes_win(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTEL_SERVICE_NAME", "matching-canary")
    monkeypatch.setenv("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=staging")
    memory = InMemorySpanExporter()

    provider = configure_tracing("matching", extra_processors=[SimpleSpanProcessor(memory)])

    assert provider is not None
    assert provider.resource.attributes["service.name"] == "matching-canary"
    assert provider.resource.attributes["deployment.environment.name"] == "staging"


def test_sampler_comes_from_otel_traces_sampler(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OTEL_TRACES_SAMPLER", "always_off")
    memory = InMemorySpanExporter()

    provider = configure_tracing("matching", extra_processors=[SimpleSpanProcessor(memory)])

    assert provider is not None
    assert provider.sampler is ALWAYS_OFF
    with get_tracer("t").start_as_current_span("dropped"):
        pass
    assert memory.get_finished_spans() == ()


def test_sdk_disabled_installs_nothing_even_with_processors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OTEL_SDK_DISABLED", "true")
    memory = InMemorySpanExporter()

    assert configure_tracing("matching", extra_processors=[SimpleSpanProcessor(memory)]) is None
    assert install_span_processor(SimpleSpanProcessor(memory)) is None

    assert not tracing_enabled()
    with get_tracer("t").start_as_current_span("work"):
        pass
    assert memory.get_finished_spans() == ()


def test_extra_processors_record_spans_with_the_service_resource() -> None:
    memory = InMemorySpanExporter()

    configure_tracing("matching", extra_processors=[SimpleSpanProcessor(memory)])
    with get_tracer("t").start_as_current_span("work"):
        pass

    (span,) = memory.get_finished_spans()
    assert span.name == "work"
    assert span.resource.attributes["service.name"] == "matching"


def test_the_global_provider_is_left_alone_by_default() -> None:
    memory = InMemorySpanExporter()

    configure_tracing("matching", extra_processors=[SimpleSpanProcessor(memory)])

    # FastAPI's native telemetry turns itself on when a global provider exists.
    assert isinstance(trace.get_tracer_provider(), trace.ProxyTracerProvider)


def test_pinned_processor_survives_reconfiguration_until_uninstalled() -> None:
    memory = InMemorySpanExporter()
    processor = SimpleSpanProcessor(memory)
    install_span_processor(processor)
    assert tracing_enabled()

    configure_tracing("matching")  # an app's lifespan does this on start
    with get_tracer("t").start_as_current_span("after-reconfigure"):
        pass
    shutdown_tracing()  # and this on stop
    configure_tracing("matching")
    with get_tracer("t").start_as_current_span("after-restart"):
        pass
    uninstall_span_processor(processor)
    with get_tracer("t").start_as_current_span("after-uninstall"):
        pass

    assert [s.name for s in memory.get_finished_spans()] == ["after-reconfigure", "after-restart"]


def test_shutdown_flushes_batched_spans_and_turns_tracing_off() -> None:
    memory = InMemorySpanExporter()
    configure_tracing(
        "matching", extra_processors=[BatchSpanProcessor(memory, schedule_delay_millis=60_000)]
    )
    with get_tracer("t").start_as_current_span("pending"):
        pass
    assert memory.get_finished_spans() == ()  # still in the batch queue

    shutdown_tracing()

    assert [s.name for s in memory.get_finished_spans()] == ["pending"]
    assert not tracing_enabled()
    assert not get_tracer("t").start_span("later").is_recording()
