"""HTTP metrics and server spans in one pure ASGI middleware.

Install it on the app (either form; both wrap every route)::

    app.add_middleware(MetricsAndTracingMiddleware, service_name="matching")
    # or, outermost, around everything including other middleware:
    asgi_app = MetricsAndTracingMiddleware(app, service_name="matching")

Per HTTP request it records, in the metrics of :mod:`tandem_kit.telemetry.metrics`:

- ``tandem_http_requests_total{service,method,route,status}``
- ``tandem_http_request_duration_seconds{service,method,route}`` (until the
  application returns, i.e. the whole response has been handed to the server)
- ``tandem_http_request_errors_total{service,method,route}`` for a 5xx status or
  an exception escaping the application (counted once).

``route`` is the template of the route that handled the request
(``/v1/things/{thing_id}``), read after routing from ``scope["route"]``, which
Starlette and FastAPI set when a route matches (no second matching on the hot
path). FastAPI's router leaves it unset for plain Starlette routes
(``app.add_route``): those are matched again here, once per distinct path (a
bounded cache). Mounted sub-applications get the mount's template as prefix.
A request no route matched (404, or a redirect to
the path with/without its trailing slash) is labelled ``<unmatched>``: raw paths
never become label values. ``method`` is one of the standard methods or
``_OTHER``. A request that ends without any response and without an exception
(the client went away and the task was cancelled) gets status ``499``.

When tracing is on it also creates a ``SERVER`` span per request, continuing the
W3C ``traceparent`` of the request headers, with the stable HTTP semantic
conventions (``http.request.method``, ``url.path``, ``url.query`` when the
request has one, ``url.scheme``, ``http.route``, ``http.response.status_code``,
``error.type``); the span status
is ``ERROR`` for a 5xx or an exception (4xx are the client's errors and leave it
unset). The span is current while the application runs, so database and
producer spans nest under it. It is an ordinary SDK span (the provider's
sampler, limits and processors); with tracing off the span path costs one
function call per request. ``bench/telemetry_spans.py`` measures its cost on
the message-posting endpoint.

``/metrics``, ``/healthz`` and ``/readyz`` get no span (scrapes and probes
would be most of the traces) but are still counted in the metrics, under their
own ``route`` label, so a failing probe shows as an error rate; dashboards
exclude them with ``route!~"/metrics|/healthz|/readyz"``.

A traced request's duration observation carries the span's ``trace_id`` and
``span_id`` as an exemplar, exposed when ``/metrics`` is scraped in the
OpenMetrics format.

Label children are bound once per (method, route, status) and cached, so that a
request costs three uncontended lock acquisitions in prometheus_client rather
than three ``labels()`` look-ups.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextvars import Token
from time import perf_counter
from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import propagate, trace
from opentelemetry.trace import SpanKind, Status, StatusCode
from opentelemetry.util.types import AttributeValue
from prometheus_client import Counter, Histogram
from starlette.routing import Match, Mount, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tandem_kit.telemetry.metrics import HTTP_DURATION, HTTP_ERRORS, HTTP_REQUESTS
from tandem_kit.telemetry.tracing import get_tracer, tracing_enabled

__all__ = [
    "UNMATCHED_ROUTE",
    "UNTRACED_PATHS",
    "MetricsAndTracingMiddleware",
]

UNMATCHED_ROUTE = "<unmatched>"
UNTRACED_PATHS: frozenset[str] = frozenset({"/metrics", "/healthz", "/readyz"})

_TRACER_NAME = "tandem_kit.http"
_KNOWN_METHODS = frozenset(
    {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"}
)
_PROPAGATION_HEADERS = frozenset({b"traceparent", b"tracestate", b"baggage"})
_NO_RESPONSE_STATUS = 499
_ROUTE_CACHE_SIZE = 1024  # look-ups cached per concrete path; cleared when full


def _mount_template(routes: Iterable[Any], concrete: str) -> str | None:
    """The template of the mount(s) with concrete prefix ``concrete`` (``/t/42`` → ``/t/{t}``)."""
    for route in routes:
        if not isinstance(route, Mount):
            continue
        match = route.path_regex.match(concrete + "/")
        if match is None:
            continue
        rest = match.group("path")
        if not rest:
            return route.path
        inner = _mount_template(route.routes, "/" + rest.rstrip("/"))
        if inner is not None:
            return route.path + inner
    return None


class MetricsAndTracingMiddleware:
    """Pure ASGI middleware: Prometheus HTTP metrics and an OpenTelemetry server span."""

    def __init__(self, app: ASGIApp, *, service_name: str) -> None:
        self.app = app
        self.service_name = service_name
        # (method, route, status) -> (requests, duration, errors) label children
        self._children: dict[tuple[str, str, int], tuple[Counter, Histogram, Counter]] = {}
        self._mount_prefixes: dict[str, str | None] = {}
        self._plain_templates: dict[tuple[str, str], str | None] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        start = perf_counter()
        raw_method: str = scope["method"]
        method = raw_method if raw_method in _KNOWN_METHODS else "_OTHER"
        root_path: str = scope.get("root_path", "")
        status = 0

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        span: trace.Span | None = None
        token: Token[otel_context.Context] | None = None
        if tracing_enabled() and scope["path"] not in UNTRACED_PATHS:
            parent = self._extract(scope)
            attributes: dict[str, AttributeValue] = {
                "http.request.method": method,
                "url.path": scope["path"],
                "url.scheme": scope.get("scheme", "http"),
                "network.protocol.version": scope.get("http_version", "1.1"),
            }
            query: bytes = scope.get("query_string", b"")
            if query:
                attributes["url.query"] = query.decode("latin-1")
            if method == "_OTHER":
                attributes["http.request.method_original"] = raw_method
            span = get_tracer(_TRACER_NAME).start_span(
                method, context=parent, kind=SpanKind.SERVER, attributes=attributes
            )
            token = otel_context.attach(trace.set_span_in_context(span, parent))

        error: Exception | None = None
        try:
            await self.app(scope, receive, send_wrapper)
        except Exception as exc:
            error = exc
            raise
        finally:
            duration = perf_counter() - start
            if token is not None:
                otel_context.detach(token)
            if status == 0:
                status = 500 if error is not None else _NO_RESPONSE_STATUS
            route = self._route(scope, root_path)
            key = (method, route, status)
            children = self._children.get(key)
            if children is None:
                children = self._bind(key)
            children[0].inc()
            if span is not None and span.is_recording():
                # Shown in the OpenMetrics exposition only: a slow bucket links to a trace.
                ids = span.get_span_context()
                exemplar = {
                    "trace_id": format(ids.trace_id, "032x"),
                    "span_id": format(ids.span_id, "016x"),
                }
                children[1].observe(duration, exemplar)
            else:
                children[1].observe(duration)
            failed = error is not None or status >= 500
            if failed:
                children[2].inc()
            if span is not None:
                self._end_span(span, method, route, status, error)

    @staticmethod
    def _extract(scope: Scope) -> otel_context.Context | None:
        carrier: dict[str, str] | None = None
        for name, value in scope["headers"]:
            if name in _PROPAGATION_HEADERS:
                if carrier is None:
                    carrier = {}
                carrier[name.decode("latin-1")] = value.decode("latin-1")
        if carrier is None:
            return None
        return propagate.extract(carrier, context=otel_context.Context())

    @staticmethod
    def _end_span(
        span: trace.Span, method: str, route: str, status: int, error: Exception | None
    ) -> None:
        if span.is_recording():
            attributes: dict[str, AttributeValue] = {"http.response.status_code": status}
            if route != UNMATCHED_ROUTE:
                attributes["http.route"] = route
                span.update_name(f"{method} {route}")
            if error is not None:
                error_type = type(error).__qualname__
                attributes["error.type"] = error_type
                span.record_exception(error)
                span.set_status(Status(StatusCode.ERROR, error_type))
            elif status >= 500:
                attributes["error.type"] = str(status)
                span.set_status(StatusCode.ERROR)
            span.set_attributes(attributes)
        span.end()

    def _route(self, scope: Scope, root_path: str) -> str:
        route = scope.get("route")
        template = getattr(route, "path_format", None)
        if not isinstance(template, str):
            if "endpoint" not in scope:
                return UNMATCHED_ROUTE
            # Matched, but by a router that does not record the route: FastAPI's
            # router does not for plain Starlette routes (``app.add_route``).
            template = self._plain_route_template(scope, root_path)
            if template is None:
                return UNMATCHED_ROUTE
        inner_root: str = scope.get("root_path", "")
        is_mount = isinstance(route, Mount)  # a mounted app that is not a router
        if len(inner_root) == len(root_path) and not is_mount:
            return template
        # Served inside a mount: route templates are relative to the mount, and
        # root_path holds the mount's concrete prefix, which may contain ids.
        concrete = inner_root[len(root_path) :]
        try:
            prefix = self._mount_prefixes[concrete]
        except KeyError:
            router = scope.get("router")
            prefix = _mount_template(getattr(router, "routes", ()), concrete)
            if len(self._mount_prefixes) >= _ROUTE_CACHE_SIZE:
                self._mount_prefixes.clear()
            self._mount_prefixes[concrete] = prefix
        if prefix is None:
            return UNMATCHED_ROUTE
        return prefix + ("/{path}" if is_mount else template)

    def _plain_route_template(self, scope: Scope, root_path: str) -> str | None:
        path: str = scope["path"]
        key = (scope["method"], path)
        try:
            return self._plain_templates[key]
        except KeyError:
            pass
        probe = {"type": "http", "path": path, "root_path": root_path, "method": scope["method"]}
        template: str | None = None
        for candidate in getattr(scope.get("router"), "routes", ()):
            if isinstance(candidate, Route) and candidate.matches(probe)[0] is not Match.NONE:
                template = candidate.path_format
                break
        if len(self._plain_templates) >= _ROUTE_CACHE_SIZE:
            self._plain_templates.clear()
        self._plain_templates[key] = template
        return template

    def _bind(self, key: tuple[str, str, int]) -> tuple[Counter, Histogram, Counter]:
        method, route, status = key
        children = (
            HTTP_REQUESTS.labels(self.service_name, method, route, str(status)),
            HTTP_DURATION.labels(self.service_name, method, route),
            HTTP_ERRORS.labels(self.service_name, method, route),
        )
        self._children[key] = children
        return children
