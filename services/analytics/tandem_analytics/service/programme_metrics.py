"""Keeping analytics' /metrics current: the programme figures worker and freshness.

The figures come from the read models through a ``FiguresSource``: one read per
interval, in one transaction, never per scrape (a scrape must stay cheap and cannot
await the database). main.py's ``PROGRAMME_FIGURES`` names the source:
``from_read_models``; check-in figures stay 0 until check-ins reach the read models.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters import programme_metrics as exported
from tandem_analytics.domain.programme_metrics import ProgrammeFigures, bounded
from tandem_analytics.service.context import Context
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts import Envelope, Event
from tandem_kit.kafka import Handlers
from tandem_kit.runtime import Runtime
from tandem_kit.workers import PeriodicWorker

FiguresSource = Callable[
    [AsyncSession, datetime, AnalyticsSettings], Awaitable[Sequence[ProgrammeFigures]]
]


async def no_read_models_yet(
    _session: AsyncSession, _now: datetime, _settings: AnalyticsSettings
) -> Sequence[ProgrammeFigures]:
    """No programme figures (a service without read models; tests)."""
    return ()


async def from_read_models(
    session: AsyncSession, now: datetime, settings: AnalyticsSettings
) -> Sequence[ProgrammeFigures]:
    """The figures from the read models and the open risk flags (main.PROGRAMME_FIGURES);
    isolation after the service's ``isolation_days`` (one figure comparable across
    programmes, whatever thresholds a programme sets for its own flags)."""
    return await exported.read_figures(session, now, settings.isolation_days)


async def refresh(ctx: Context, source: FiguresSource, now: datetime) -> int:
    """Read every programme's figures once and publish them, bounded; the rows kept."""
    async with ctx.database.transaction() as session:
        figures = await source(session, now, ctx.settings)
    snapshot = bounded(figures, ctx.settings.programme_metrics_max_series)
    exported.publish(snapshot)
    return 0  # the worker sleeps its interval after each refresh


def worker(
    source: FiguresSource,
) -> Callable[[Runtime[AnalyticsSettings]], PeriodicWorker]:
    def build(runtime: Runtime[AnalyticsSettings]) -> PeriodicWorker:
        ctx = Context.of(runtime)
        return PeriodicWorker(
            "programme-metrics",
            runtime.settings.programme_metrics_interval_seconds,
            lambda now: refresh(ctx, source, now),
            clock=ctx.clock,
        )

    return build


def with_freshness(
    build: Callable[[Runtime[AnalyticsSettings]], Handlers],
) -> Callable[[Runtime[AnalyticsSettings]], Handlers]:
    """``build``'s handlers (one-by-one and batch), each noting its event's time for the
    freshness gauge.

    The time is noted after the handler returned (the event is in the read models);
    a replayed or late event never makes analytics look fresher than its newest one.
    Tombstones carry no event time and note nothing.
    """

    def observed(runtime: Runtime[AnalyticsSettings]) -> Handlers:
        return build(runtime).observed(_note)

    return observed


def _note(event: Event, envelope: Envelope) -> None:
    at = envelope.time
    exported.note_consumed(type(event).topic(), at if at.tzinfo else at.replace(tzinfo=UTC))
