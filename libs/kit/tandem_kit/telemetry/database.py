"""Client spans for SQL statements, from SQLAlchemy's cursor events.

``instrument_engine(engine, service_name)`` hooks ``before_cursor_execute`` /
``after_cursor_execute`` / ``handle_error`` on ``engine.sync_engine``: each
statement becomes a ``CLIENT`` span named after its first keyword (``SELECT``,
``INSERT``…) with ``db.system.name`` (``sqlite``, ``postgresql``) and
``db.operation.name``. Bound parameters are never recorded; the statement text
(``db.query.text``, parameterised, so without values) only with
``include_statement=True``.

Cheap when not recording: with tracing off each event costs one attribute read.
By default (``require_parent=True``) a statement is traced only inside a
recording span (a request, a consumer's handling of an event), so pollers such
as the outbox relay, which query several times a second outside any request, do
not flood the trace store with one-span traces.
"""

from __future__ import annotations

import logging
import weakref
from typing import Any

from opentelemetry import trace
from opentelemetry.trace import Span, SpanKind, Status, StatusCode
from opentelemetry.util.types import AttributeValue
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, ExceptionContext
from sqlalchemy.ext.asyncio import AsyncEngine

from tandem_kit.telemetry import tracing

__all__ = ["instrument_engine", "uninstrument_engine"]

_log = logging.getLogger(__name__)

_TRACER_NAME = "tandem_kit.database"
_SPAN_ATTR = "_tandem_otel_span"

_DB_SYSTEMS = {"sqlite": "sqlite", "postgresql": "postgresql"}

_instrumented: weakref.WeakKeyDictionary[Engine, _EngineHooks] = weakref.WeakKeyDictionary()


def _operation_name(statement: str) -> str:
    """The statement's first keyword, upper-cased (``SELECT``, ``INSERT``, ``WITH``…)."""
    head = statement.lstrip()[:16]
    end = 0
    while end < len(head) and head[end].isalpha():
        end += 1
    return head[:end].upper() or "SQL"


class _EngineHooks:
    """The event listeners of one engine; they share its constant attributes."""

    def __init__(
        self, engine: Engine, service_name: str, *, require_parent: bool, include_statement: bool
    ) -> None:
        dialect = engine.dialect.name
        self.service_name = service_name
        self.require_parent = require_parent
        self.include_statement = include_statement
        self.base_attributes: dict[str, AttributeValue] = {
            "db.system.name": _DB_SYSTEMS.get(dialect, "other_sql")
        }
        self.namespace = ""
        if dialect != "sqlite":  # a SQLite "database" is a file path: not worth a label
            url = engine.url
            if url.database:
                self.namespace = url.database
                self.base_attributes["db.namespace"] = url.database
            if url.host:
                self.base_attributes["server.address"] = url.host
            if url.port:
                self.base_attributes["server.port"] = url.port

    def before_cursor_execute(
        self,
        conn: Connection,
        cursor: Any,
        statement: str,
        parameters: Any,
        context: Any,
        executemany: bool,
    ) -> None:
        if not tracing.tracing_enabled() or context is None:
            return
        if self.require_parent and not trace.get_current_span().is_recording():
            return
        operation = _operation_name(statement)
        attributes = dict(self.base_attributes)
        attributes["db.operation.name"] = operation
        if executemany and isinstance(parameters, (list, tuple)):
            attributes["db.operation.batch.size"] = len(parameters)
        if self.include_statement:
            attributes["db.query.text"] = statement
        name = f"{operation} {self.namespace}" if self.namespace else operation
        span = tracing.get_tracer(_TRACER_NAME).start_span(
            name, kind=SpanKind.CLIENT, attributes=attributes
        )
        setattr(context, _SPAN_ATTR, span)

    def after_cursor_execute(
        self,
        conn: Connection,
        cursor: Any,
        statement: str,
        parameters: Any,
        context: Any,
        executemany: bool,
    ) -> None:
        span: Span | None = getattr(context, _SPAN_ATTR, None)
        if span is None:
            return
        setattr(context, _SPAN_ATTR, None)
        span.end()

    def handle_error(self, exception_context: ExceptionContext) -> None:
        context = exception_context.execution_context
        span: Span | None = getattr(context, _SPAN_ATTR, None)
        if span is None:
            return
        setattr(context, _SPAN_ATTR, None)
        error_type = type(exception_context.original_exception).__qualname__
        span.set_attribute("error.type", error_type)
        span.set_status(Status(StatusCode.ERROR, error_type))
        span.end()


def instrument_engine(
    engine: AsyncEngine | Engine,
    service_name: str,
    *,
    require_parent: bool = True,
    include_statement: bool = False,
) -> None:
    """Trace every SQL statement run through ``engine`` (idempotent).

    ``service_name`` names the engine's owner in logs; spans get the service
    from the tracer provider's resource.
    """
    sync_engine = engine.sync_engine if isinstance(engine, AsyncEngine) else engine
    if sync_engine in _instrumented:
        return
    hooks = _EngineHooks(
        sync_engine,
        service_name,
        require_parent=require_parent,
        include_statement=include_statement,
    )
    event.listen(sync_engine, "before_cursor_execute", hooks.before_cursor_execute)
    event.listen(sync_engine, "after_cursor_execute", hooks.after_cursor_execute)
    event.listen(sync_engine, "handle_error", hooks.handle_error)
    _instrumented[sync_engine] = hooks
    _log.debug("SQL tracing on for %s (%s)", service_name, sync_engine.dialect.name)


def uninstrument_engine(engine: AsyncEngine | Engine) -> None:
    """Remove what :func:`instrument_engine` added (no-op if it was not instrumented)."""
    sync_engine = engine.sync_engine if isinstance(engine, AsyncEngine) else engine
    hooks = _instrumented.pop(sync_engine, None)
    if hooks is None:
        return
    event.remove(sync_engine, "before_cursor_execute", hooks.before_cursor_execute)
    event.remove(sync_engine, "after_cursor_execute", hooks.after_cursor_execute)
    event.remove(sync_engine, "handle_error", hooks.handle_error)
