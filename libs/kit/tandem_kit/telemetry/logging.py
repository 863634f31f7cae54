"""One log format for every Tandem service: a JSON object per line, joined to traces.

:func:`configure_logging` is called once per process by the service command line
(``tandem-<service> serve`` and the others) before anything logs; uvicorn is
then started without its own logging config, so its records go the same way.
Each line is one JSON object::

    {"time": "2026-12-01T20:15:02.113Z", "level": "WARNING", "service": "messaging",
     "logger": "tandem_kit.runtime", "message": "Kafka not reachable ...",
     "trace_id": "4bf92f3577b34da6a3ce929d0e0e4736", "span_id": "00f067aa0ba902b7"}

``trace_id`` and ``span_id`` (lower-case hex, as in ``traceparent``) are there
when a recording or remote span is current where the record was logged: a log
line found by its trace id leads to the request's or the event's trace, and
back. ``exception`` holds the formatted traceback of ``log.exception(...)``;
``extra={...}`` fields are added as keys (values that are not JSON become
their ``str``). Messages are never parsed or redacted here: what a module
logs is its own decision (no personal data, see the privacy notes).
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import IO, Any

from opentelemetry import trace

__all__ = ["JsonFormatter", "configure_logging"]

# The attributes every LogRecord has; anything else came from ``extra=``, except
# uvicorn's ``color_message`` (the message again, with terminal colour codes).
_RECORD_FIELDS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "taskName",
    "color_message",
}


class JsonFormatter(logging.Formatter):
    """Formats a record as one line of JSON, with the current trace and span ids."""

    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%S.")
            + f"{int(record.msecs):03d}Z",
            "level": record.levelname,
            "service": self.service,
            "logger": record.name,
            "message": record.getMessage(),
        }
        span = trace.get_current_span().get_span_context()
        if span.is_valid:
            entry["trace_id"] = format(span.trace_id, "032x")
            entry["span_id"] = format(span.span_id, "016x")
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        for key, value in vars(record).items():
            if key not in _RECORD_FIELDS and key not in entry:
                entry[key] = value
        return json.dumps(entry, default=str, ensure_ascii=False)


class _KitHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler :func:`configure_logging` installs (and replaces when called again)."""


def configure_logging(
    service: str, *, level: int | str = logging.INFO, stream: IO[str] | None = None
) -> None:
    """Send every log record of the process to ``stream`` (stderr) as JSON lines.

    Installs one handler on the root logger; calling it again replaces that
    handler and leaves other handlers (a test runner's) alone.
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _KitHandler)]:
        root.removeHandler(handler)
    handler = _KitHandler(stream if stream is not None else sys.stderr)
    handler.setFormatter(JsonFormatter(service))
    root.addHandler(handler)
    root.setLevel(level)
