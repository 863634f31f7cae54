"""OpenTelemetry tracing set up from the standard ``OTEL_*`` environment variables.

:func:`configure_tracing` is called once per process (by the app factory, the
relay and the consumers). It follows the OpenTelemetry SDK configuration
variables, with one deliberate difference: tracing is off unless an exporter is
asked for, so that a developer's machine and CI never try to reach a collector
that is not there.

=================================== =============================================
``OTEL_SDK_DISABLED=true``          no tracing at all (no provider, no-op tracers)
``OTEL_TRACES_EXPORTER``            ``otlp`` (OTLP over HTTP/protobuf), ``console``,
                                    ``none``; a comma-separated list is accepted.
                                    Unset: ``otlp`` if an OTLP endpoint is set,
                                    else none.
``OTEL_EXPORTER_OTLP_ENDPOINT``     base URL of the collector (``/v1/traces`` is
                                    appended); read by the OTLP exporter itself
``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`` full URL, wins over the base URL
``OTEL_EXPORTER_OTLP_HEADERS``, ``…_TIMEOUT``, ``…_COMPRESSION``: read by the
                                    OTLP exporter itself
``OTEL_SERVICE_NAME``               overrides the ``service_name`` argument
``OTEL_RESOURCE_ATTRIBUTES``        merged into the resource (by the SDK)
``OTEL_TRACES_SAMPLER``, ``…_ARG``  read by the SDK's ``TracerProvider``
                                    (default ``parentbased_always_on``)
``OTEL_BSP_*``                      batch span processor tuning, read by the SDK
``OTEL_PROPAGATORS``                read by the API (default
                                    ``tracecontext,baggage``)
=================================== =============================================

When no exporter is configured and no processor was passed, no SDK provider is
installed and :func:`get_tracer` returns the API's no-op tracer, whose spans are
non-recording: instrumentation then costs next to nothing, and
:func:`tracing_enabled` lets hot paths skip even that.

Tests add an in-memory exporter either with ``configure_tracing(name,
extra_processors=[SimpleSpanProcessor(InMemorySpanExporter())])`` (gone at the
next ``configure_tracing``/``shutdown_tracing``), or with
:func:`install_span_processor`, which *pins* the processor: it is kept across
later ``configure_tracing`` calls (an app's lifespan calls it when the app
starts) and ``shutdown_tracing`` does not shut it down, until
:func:`uninstall_span_processor`. A pinned processor turns tracing on even when
no exporter is configured.

The kit's own code always asks :func:`get_tracer` (never
``opentelemetry.trace.get_tracer``), so a process may reconfigure tracing (tests
do) although the API's global provider can be set only once: the kit's
provider is never installed as the API's global provider. FastAPI's native
telemetry stays off whatever the global provider is: the app factory switches
it off (``FastAPI(telemetry=...)``), since it would add a second server span
and internal spans to every request as soon as any global provider exists.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence

from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import ReadableSpan, Span, SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SpanExporter

__all__ = [
    "configure_tracing",
    "configured_exporters",
    "get_tracer",
    "get_tracer_provider",
    "install_span_processor",
    "shutdown_tracing",
    "tracing_enabled",
    "uninstall_span_processor",
]

_log = logging.getLogger(__name__)

_NOOP_TRACER: trace.Tracer = trace.NoOpTracer()


class _PinnedProcessor(SpanProcessor):
    """A processor that outlives providers: shutting a provider down leaves it running."""

    def __init__(self, processor: SpanProcessor) -> None:
        self.processor = processor
        self.active = True

    def on_start(self, span: Span, parent_context: Context | None = None) -> None:
        if self.active:
            self.processor.on_start(span, parent_context)

    def on_end(self, span: ReadableSpan) -> None:
        if self.active:
            self.processor.on_end(span)

    def shutdown(self) -> None:
        """Ignored: :func:`uninstall_span_processor` is what ends a pinned processor."""

    def force_flush(self, timeout_millis: int = 30000) -> bool:
        return self.processor.force_flush(timeout_millis)


class _State:
    """Module state: the provider the kit's tracers come from, and a tracer cache."""

    __slots__ = (
        "enabled",
        "pinned",
        "provider",
        "service_name",
        "tracers",
    )

    def __init__(self) -> None:
        self.provider: TracerProvider | None = None
        self.enabled = False
        self.service_name = ""
        self.tracers: dict[str, trace.Tracer] = {}
        self.pinned: list[_PinnedProcessor] = []


_state = _State()


def _env_true(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() == "true"


def configured_exporters() -> list[str]:
    """The exporter names asked for by the environment (``[]``: export nothing)."""
    if _env_true("OTEL_SDK_DISABLED"):
        return []
    raw = os.environ.get("OTEL_TRACES_EXPORTER", "").strip().lower()
    if not raw:
        has_endpoint = bool(
            os.environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "").strip()
            or os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT", "").strip()
        )
        return ["otlp"] if has_endpoint else []
    names = [name.strip() for name in raw.split(",") if name.strip()]
    if "none" in names:
        return []
    return list(dict.fromkeys(names))


def _build_exporter(name: str) -> SpanExporter | None:
    if name == "otlp":
        protocol = (
            os.environ.get("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL")
            or os.environ.get("OTEL_EXPORTER_OTLP_PROTOCOL")
            or "http/protobuf"
        ).strip()
        if protocol != "http/protobuf":
            _log.warning(
                "OTLP protocol %r is not installed; exporting traces over http/protobuf", protocol
            )
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        return OTLPSpanExporter()
    if name == "console":
        return ConsoleSpanExporter()
    _log.warning("unknown OTEL_TRACES_EXPORTER %r ignored", name)
    return None


def configure_tracing(
    service_name: str,
    *,
    extra_processors: Sequence[SpanProcessor] = (),
) -> TracerProvider | None:
    """Set up tracing for this process from the ``OTEL_*`` environment.

    Returns the SDK provider, or ``None`` when tracing is off (SDK disabled, or
    no exporter configured and no ``extra_processors``). Calling it again
    shuts the previous provider down and replaces it.
    """
    shutdown_tracing()
    if _env_true("OTEL_SDK_DISABLED"):
        _state.service_name = service_name
        return None
    processors: list[SpanProcessor] = []
    for name in configured_exporters():
        exporter = _build_exporter(name)
        if exporter is not None:
            processors.append(BatchSpanProcessor(exporter))
    processors.extend(extra_processors)
    processors.extend(_state.pinned)
    _state.service_name = os.environ.get("OTEL_SERVICE_NAME", "").strip() or service_name
    if not processors:
        return None
    provider = _new_provider()
    for processor in processors:
        provider.add_span_processor(processor)
    return provider


def _new_provider() -> TracerProvider:
    # Resource.create merges OTEL_RESOURCE_ATTRIBUTES; the sampler comes from
    # OTEL_TRACES_SAMPLER(_ARG) inside TracerProvider.
    resource = Resource.create({SERVICE_NAME: _state.service_name or "unknown_service"})
    provider = TracerProvider(resource=resource, shutdown_on_exit=True)
    _state.provider = provider
    _state.enabled = True
    _state.tracers.clear()
    return provider


def install_span_processor(processor: SpanProcessor) -> TracerProvider | None:
    """Pin a span processor (tests: an in-memory exporter) to the kit's tracing.

    It is added to the current provider (one is built if tracing was off for want
    of an exporter) and to every provider a later :func:`configure_tracing`
    builds, until :func:`uninstall_span_processor`. Returns the current provider,
    or ``None`` (installing nothing) if ``OTEL_SDK_DISABLED`` is true.
    """
    if _env_true("OTEL_SDK_DISABLED"):
        return None
    pinned = _PinnedProcessor(processor)
    _state.pinned.append(pinned)
    provider = _state.provider or _new_provider()
    provider.add_span_processor(pinned)
    return provider


def uninstall_span_processor(processor: SpanProcessor) -> None:
    """Unpin a processor given to :func:`install_span_processor`, and shut it down."""
    for pinned in [p for p in _state.pinned if p.processor is processor]:
        pinned.active = False
        _state.pinned.remove(pinned)
        processor.shutdown()


def tracing_enabled() -> bool:
    """Whether spans are recorded at all (an SDK provider with a processor is installed)."""
    return _state.enabled


def get_tracer_provider() -> TracerProvider | None:
    """The kit's SDK provider, or ``None`` when tracing is off."""
    return _state.provider


def get_tracer(name: str) -> trace.Tracer:
    """A tracer from the kit's provider; the API's no-op tracer when tracing is off.

    Cached per name, so it is cheap enough to call on every request. Do not keep
    the result across a :func:`configure_tracing` call.
    """
    tracer = _state.tracers.get(name)
    if tracer is None:
        provider = _state.provider
        tracer = _NOOP_TRACER if provider is None else provider.get_tracer(name)
        _state.tracers[name] = tracer
    return tracer


def shutdown_tracing(timeout_millis: int = 10_000) -> None:
    """Flush pending spans and shut the kit's provider down; tracing is off afterwards.

    Pinned processors (:func:`install_span_processor`) are flushed, not shut down.
    """
    provider = _state.provider
    _state.provider = None
    _state.enabled = False
    _state.tracers.clear()
    if provider is None:
        return
    try:
        provider.force_flush(timeout_millis)
    finally:
        provider.shutdown()
