"""configure_tracing follows the standard OTEL_* environment variables."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from opentelemetry import context, propagate, trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    ConsoleSpanExporter,
    SimpleSpanProcessor,
)
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.sdk.trace.sampling import ALWAYS_OFF
from opentelemetry.trace import SpanKind, Status, StatusCode
from opentelemetry.util.types import AttributeValue

from tandem_kit.telemetry import (
    configure_tracing,
    configured_exporters,
    get_light_tracer,
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


TRACEPARENT_SAMPLED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
TRACEPARENT_UNSAMPLED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"


def light_span(
    parent_traceparent: str | None = None, attributes: dict[str, AttributeValue] | None = None
) -> trace.Span:
    tracer = get_light_tracer("tandem_kit.http")
    assert tracer is not None
    parent = propagate.extract({"traceparent": parent_traceparent}) if parent_traceparent else None
    return tracer.start_span("GET", SpanKind.SERVER, dict(attributes or {}), parent)


def test_light_tracer_exists_only_while_tracing_is_on() -> None:
    assert get_light_tracer("tandem_kit.http") is None
    configure_tracing("matching", extra_processors=[SimpleSpanProcessor(InMemorySpanExporter())])
    assert get_light_tracer("tandem_kit.http") is not None
    shutdown_tracing()
    assert get_light_tracer("tandem_kit.http") is None


def test_light_span_ends_as_an_ordinary_sdk_span() -> None:
    memory = InMemorySpanExporter()
    configure_tracing("matching", extra_processors=[SimpleSpanProcessor(memory)])

    span = light_span(TRACEPARENT_SAMPLED, {"http.request.method": "GET"})
    token = context.attach(trace.set_span_in_context(span))
    with get_tracer("child").start_as_current_span("SELECT") as child:
        pass
    context.detach(token)
    span.set_attribute("http.response.status_code", 200)
    span.set_attribute("not.an.attribute.value", {"a": "dict"})
    span.update_name("GET /v1/things/{thing_id}")
    span.end()
    span.set_attribute("after.end", 1)
    span.end()  # a second end is ignored

    assert len(memory.get_finished_spans()) == 2  # ended once, exported once
    by_name = {s.name: s for s in memory.get_finished_spans()}
    assert set(by_name) == {"SELECT", "GET /v1/things/{thing_id}"}
    server = by_name["GET /v1/things/{thing_id}"]
    assert server.kind is SpanKind.SERVER
    assert format(server.context.trace_id, "032x") == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert server.parent is not None
    assert format(server.parent.span_id, "016x") == "00f067aa0ba902b7"
    assert server.context.trace_flags.sampled
    assert dict(server.attributes or {}) == {
        "http.request.method": "GET",
        "http.response.status_code": 200,
    }
    assert server.resource.attributes["service.name"] == "matching"
    assert server.instrumentation_scope is not None
    assert server.instrumentation_scope.name == "tandem_kit.http"
    assert server.start_time is not None
    assert server.end_time is not None
    assert server.start_time <= server.end_time
    assert by_name["SELECT"].parent is not None
    assert by_name["SELECT"].parent.span_id == server.context.span_id
    assert child.get_span_context().trace_id == server.context.trace_id


def test_light_span_root_gets_fresh_ids() -> None:
    memory = InMemorySpanExporter()
    configure_tracing("matching", extra_processors=[SimpleSpanProcessor(memory)])

    first, second = light_span(), light_span()
    first.end()
    second.end()

    spans = memory.get_finished_spans()
    assert [s.parent for s in spans] == [None, None]
    assert spans[0].context.trace_id != spans[1].context.trace_id
    assert spans[0].context.trace_id != 0


def test_light_span_follows_the_sampler(monkeypatch: pytest.MonkeyPatch) -> None:
    memory = InMemorySpanExporter()
    configure_tracing("matching", extra_processors=[SimpleSpanProcessor(memory)])

    unsampled_parent = light_span(TRACEPARENT_UNSAMPLED)  # parentbased_always_on
    assert not unsampled_parent.is_recording()
    assert not unsampled_parent.get_span_context().trace_flags.sampled
    unsampled_parent.end()

    monkeypatch.setenv("OTEL_TRACES_SAMPLER", "always_off")
    configure_tracing("matching", extra_processors=[SimpleSpanProcessor(memory)])
    dropped = light_span()
    assert not dropped.is_recording()
    dropped.end()

    assert memory.get_finished_spans() == ()


def test_light_span_status_and_exceptions_follow_the_sdk_rules() -> None:
    memory = InMemorySpanExporter()
    configure_tracing("matching", extra_processors=[SimpleSpanProcessor(memory)])

    errored = light_span()
    errored.set_status(StatusCode.UNSET)
    errored.record_exception(KeyError("thing"), escaped=True)
    errored.set_status(Status(StatusCode.ERROR, "KeyError"))
    errored.end()
    ok = light_span()
    ok.set_status(StatusCode.OK)
    ok.set_status(StatusCode.ERROR, "too late: OK is final")
    ok.end()

    first, second = memory.get_finished_spans()
    assert first.status.status_code is StatusCode.ERROR
    assert first.status.description == "KeyError"
    (event,) = first.events
    assert event.name == "exception"
    assert (event.attributes or {})["exception.type"] == "KeyError"
    assert (event.attributes or {})["exception.escaped"] == "True"
    assert "KeyError" in str((event.attributes or {})["exception.stacktrace"])
    assert second.status.status_code is StatusCode.OK


def test_finished_light_spans_share_their_immutable_parts() -> None:
    # Queued spans survive young collections; fewer tracked objects per span
    # means fewer full collections (which stall the service) while exporting.
    memory = InMemorySpanExporter()
    configure_tracing("matching", extra_processors=[SimpleSpanProcessor(memory)])

    for _ in range(2):
        span = light_span()
        span.set_status(StatusCode.ERROR)
        span.end()

    first, second = memory.get_finished_spans()
    assert first.status is second.status
    assert first.context.trace_flags is second.context.trace_flags


def test_light_span_keeps_the_parent_tracestate() -> None:
    configure_tracing("matching", extra_processors=[SimpleSpanProcessor(InMemorySpanExporter())])
    tracer = get_light_tracer("tandem_kit.http")
    assert tracer is not None
    parent = propagate.extract({"traceparent": TRACEPARENT_SAMPLED, "tracestate": "vendor=opaque"})

    span = tracer.start_span("GET", SpanKind.SERVER, {}, parent)

    assert span.get_span_context().trace_state.to_header() == "vendor=opaque"
    assert span.get_span_context().trace_flags.sampled
