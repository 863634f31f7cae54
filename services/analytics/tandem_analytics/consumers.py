"""Events analytics consumes, each mapped to its use case (run in the inbox's transaction).

Add one ``.on(EventClass, handler)`` per event type and its topic to
``DEFINITION.consumes``; see docs/adding-an-event.md.
"""

from __future__ import annotations

from tandem_analytics.settings import AnalyticsSettings
from tandem_kit.kafka import Handlers
from tandem_kit.runtime import Runtime


def build_handlers(runtime: Runtime[AnalyticsSettings]) -> Handlers:
    return Handlers()
