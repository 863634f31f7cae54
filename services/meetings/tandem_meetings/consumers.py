"""Events meetings consumes, each mapped to its use case (run in the inbox's transaction).

Programmes and participants go to the kit's directory (matching's topic and the
compacted contacts topic); the relationship and agreement handlers follow.
"""

from __future__ import annotations

from tandem_kit.directory import register_directory
from tandem_kit.kafka import Handlers
from tandem_kit.runtime import Runtime
from tandem_meetings.service.context import Context
from tandem_meetings.settings import MeetingsSettings


def build_handlers(runtime: Runtime[MeetingsSettings]) -> Handlers:
    ctx = Context.of(runtime)
    return register_directory(Handlers(), clock=ctx.now)
