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
import traceback
from collections.abc import Mapping, Sequence
from time import time_ns

from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import (
    Event,
    ReadableSpan,
    Span,
    SpanProcessor,
    SynchronousMultiSpanProcessor,
    TracerProvider,
)
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SpanExporter
from opentelemetry.sdk.trace.sampling import DEFAULT_ON, Decision
from opentelemetry.sdk.util.instrumentation import InstrumentationScope
from opentelemetry.trace import (
    NonRecordingSpan,
    SpanContext,
    SpanKind,
    Status,
    StatusCode,
    TraceFlags,
)
from opentelemetry.util import types

__all__ = [
    "LightSpan",
    "LightTracer",
    "configure_tracing",
    "configured_exporters",
    "get_light_tracer",
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
        "light",
        "multi_processor",
        "pinned",
        "provider",
        "service_name",
        "tracers",
    )

    def __init__(self) -> None:
        self.provider: TracerProvider | None = None
        self.light: dict[str, LightTracer] = {}
        self.multi_processor: SynchronousMultiSpanProcessor | None = None
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
    # The multi-processor is passed in (not read back from the provider) so that
    # light spans reach exactly the processors the provider's own spans reach.
    processor = SynchronousMultiSpanProcessor()  # type: ignore[no-untyped-call]
    provider = TracerProvider(
        resource=resource, shutdown_on_exit=True, active_span_processor=processor
    )
    _state.provider = provider
    _state.enabled = True
    _state.tracers.clear()
    _state.light.clear()
    _state.multi_processor = processor
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


def get_light_tracer(name: str) -> LightTracer | None:
    """The :class:`LightTracer` of scope ``name``; ``None`` when tracing is off."""
    tracer = _state.light.get(name)
    if tracer is None:
        provider, processor = _state.provider, _state.multi_processor
        if provider is None or processor is None:
            return None
        tracer = LightTracer(name, provider, processor)
        _state.light[name] = tracer
    return tracer


def shutdown_tracing(timeout_millis: int = 10_000) -> None:
    """Flush pending spans and shut the kit's provider down; tracing is off afterwards.

    Pinned processors (:func:`install_span_processor`) are flushed, not shut down.
    """
    provider = _state.provider
    _state.provider = None
    _state.multi_processor = None
    _state.enabled = False
    _state.tracers.clear()
    _state.light.clear()
    if provider is None:
        return
    try:
        provider.force_flush(timeout_millis)
    finally:
        provider.shutdown()


# --- Light spans: the HTTP server span without the SDK's per-span overhead ---

_MAX_ATTRIBUTES = 128  # the SDK's default OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT
_SCALARS = (str, bool, int, float)

# Shared immutable values. A span waits in the batch processor's queue until it
# is exported, long enough to survive young garbage collections; every object
# it holds that the collector tracks (TraceFlags and Status instances are) adds
# to the older generations, whose full collections stop the whole service for
# tens of milliseconds. Sharing these leaves a ReadableSpan and its SpanContext.
_TRACE_FLAGS = tuple(TraceFlags(flags) for flags in range(4))
_STATUS = {code: Status(code) for code in StatusCode}


def _valid_attribute(value: object) -> bool:
    if isinstance(value, _SCALARS):
        return True
    return isinstance(value, (list, tuple)) and all(isinstance(v, _SCALARS) for v in value)


class LightTracer:
    """Starts :class:`LightSpan` s that end as ordinary SDK ``ReadableSpan`` s.

    The SDK's ``Tracer.start_span`` costs some 40 µs per span in CPython, most
    of it validating attributes into ``BoundedAttributes``, building locks and
    bounded lists, and copying everything into a ``ReadableSpan`` at the end.
    On a service answering in ~300 µs of CPU that alone is 15% of the throughput.
    The HTTP middleware creates one span per request, with attributes it builds
    itself from known-valid values, so it takes this shorter path instead: the
    same ids, sampler, resource and processors as the provider's own spans (the
    provider's ``id_generator``, ``sampler`` and ``resource``; its multi span
    processor's ``on_start``/``on_end``), just without the per-span machinery.
    What is left out: span limits other than the attribute count, and the
    SDK's private ``_on_ending`` processor hook.
    """

    __slots__ = ("_ids", "_processor", "_random_ids", "_resource", "_sampler", "_scope")

    def __init__(
        self, name: str, provider: TracerProvider, processor: SynchronousMultiSpanProcessor
    ) -> None:
        self._ids = provider.id_generator
        self._random_ids = bool(getattr(self._ids, "is_trace_id_random", lambda: False)())
        self._sampler = provider.sampler
        self._resource = provider.resource
        self._processor = processor
        self._scope = InstrumentationScope(name)

    def start_span(
        self,
        name: str,
        kind: SpanKind,
        attributes: dict[str, types.AttributeValue],
        parent: Context | None = None,
    ) -> trace.Span:
        """A span that is recording if the sampler says so. ``attributes`` is kept, not copied."""
        parent_context = trace.get_current_span(parent).get_span_context()
        if parent_context.is_valid:
            trace_id = parent_context.trace_id
            random_trace_id = parent_context.trace_flags.random_trace_id
            parent_span: SpanContext | None = parent_context
        else:
            trace_id = self._ids.generate_trace_id()
            random_trace_id = self._random_ids
            parent_span = None
        if self._sampler is DEFAULT_ON:
            # The default sampler, parentbased_always_on, inlined: follow the
            # parent's sampled flag, sample roots, keep the parent's tracestate.
            sampled = parent_span is None or parent_context.trace_flags.sampled
            decision = Decision.RECORD_AND_SAMPLE if sampled else Decision.DROP
            trace_state = parent_context.trace_state if parent_span is not None else None
        else:
            result = self._sampler.should_sample(parent, trace_id, name, kind, attributes)
            decision, trace_state = result.decision, result.trace_state
            if result.attributes:
                attributes.update(result.attributes)
        flags = TraceFlags.SAMPLED if decision is Decision.RECORD_AND_SAMPLE else 0
        if random_trace_id:
            flags |= TraceFlags.RANDOM_TRACE_ID
        context = SpanContext(
            trace_id,
            self._ids.generate_span_id(),
            is_remote=False,
            trace_flags=_TRACE_FLAGS[flags],
            trace_state=trace_state,
        )
        if decision is Decision.DROP:
            return NonRecordingSpan(context)
        span = LightSpan(self, name, kind, context, parent_span, attributes)
        self._processor.on_start(span, parent_context=parent)  # type: ignore[arg-type]
        return span


class LightSpan(trace.Span):
    """A recording span held in plain Python objects until it ends."""

    __slots__ = (
        "_attributes",
        "_context",
        "_end_time",
        "_events",
        "_kind",
        "_links",
        "_name",
        "_parent",
        "_start_time",
        "_status",
        "_tracer",
    )

    def __init__(
        self,
        tracer: LightTracer,
        name: str,
        kind: SpanKind,
        context: SpanContext,
        parent: SpanContext | None,
        attributes: dict[str, types.AttributeValue],
    ) -> None:
        self._tracer = tracer
        self._name = name
        self._kind = kind
        self._context = context
        self._parent = parent
        self._attributes = attributes
        self._events: list[Event] = []
        self._links: list[trace.Link] = []
        self._status = _STATUS[StatusCode.UNSET]
        self._start_time = time_ns()
        self._end_time: int | None = None

    def get_span_context(self) -> SpanContext:
        return self._context

    def is_recording(self) -> bool:
        return self._end_time is None

    def set_attribute(self, key: str, value: types.AnyValue) -> None:
        if self._end_time is not None or not _valid_attribute(value):
            return
        if key in self._attributes or len(self._attributes) < _MAX_ATTRIBUTES:
            self._attributes[key] = value

    def set_attributes(self, attributes: Mapping[str, types.AnyValue]) -> None:
        for key, value in attributes.items():
            self.set_attribute(key, value)

    def set_known_attributes(self, attributes: Mapping[str, types.AttributeValue]) -> None:
        """Set attributes the caller built from valid values (no per-value checks)."""
        if self._end_time is None and len(self._attributes) + len(attributes) <= _MAX_ATTRIBUTES:
            self._attributes.update(attributes)
        else:
            self.set_attributes(attributes)

    def add_event(
        self, name: str, attributes: types.Attributes = None, timestamp: int | None = None
    ) -> None:
        if self._end_time is None:
            self._events.append(Event(name, attributes, timestamp or time_ns()))

    def add_link(self, context: SpanContext, attributes: types.Attributes = None) -> None:
        if self._end_time is None and (context.is_valid or attributes):
            self._links.append(trace.Link(context, attributes))

    def update_name(self, name: str) -> None:
        if self._end_time is None:
            self._name = name

    def set_status(self, status: Status | StatusCode, description: str | None = None) -> None:
        if self._end_time is not None or self._status.status_code is StatusCode.OK:
            return
        if isinstance(status, StatusCode):
            status = _STATUS[status] if description is None else Status(status, description)
        if status.status_code is not StatusCode.UNSET:
            self._status = status

    def record_exception(
        self,
        exception: BaseException,
        attributes: types.Attributes = None,
        timestamp: int | None = None,
        escaped: bool = False,
    ) -> None:
        module = type(exception).__module__
        qualname = type(exception).__qualname__
        event_attributes: dict[str, types.AttributeValue] = {
            "exception.type": f"{module}.{qualname}" if module != "builtins" else qualname,
            "exception.message": str(exception),
            "exception.stacktrace": "".join(traceback.format_exception(exception)),
            "exception.escaped": str(escaped),
        }
        if attributes:
            event_attributes.update(attributes)
        self.add_event("exception", event_attributes, timestamp)

    def end(self, end_time: int | None = None) -> None:
        if self._end_time is not None:
            return
        self._end_time = end_time or time_ns()
        tracer = self._tracer
        tracer._processor.on_end(
            ReadableSpan(
                name=self._name,
                context=self._context,
                parent=self._parent,
                resource=tracer._resource,
                attributes=self._attributes,
                events=tuple(self._events) if self._events else (),
                links=tuple(self._links) if self._links else (),
                kind=self._kind,
                status=self._status,
                start_time=self._start_time,
                end_time=self._end_time,
                instrumentation_scope=tracer._scope,
            )
        )
