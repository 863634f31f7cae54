"""Analytics' series on /metrics: programme figures (bounded, programme and country only)
and the freshness of what it consumed, by event time."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from prometheus_client import REGISTRY, generate_latest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import insert, text
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics import main
from tandem_analytics.adapters import programme_metrics as exported
from tandem_analytics.adapters.tables import risk_flags
from tandem_analytics.domain.programme_metrics import (
    Bounded,
    ProgrammeFigures,
    bounded,
    figures_of,
)
from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.service import programme_metrics
from tandem_analytics.service.context import Context
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts import Envelope, Event
from tandem_contracts.common import Role
from tandem_contracts.meetings import MeetingMode
from tandem_contracts.messaging import MessagePosted, SenderRole
from tandem_kit.clock import ManualClock
from tandem_kit.db.database import Database
from tandem_kit.kafka import Handlers
from tandem_kit.kafka.handlers import BatchContext, HandlerContext
from tandem_kit.runtime import Runtime
from tandem_kit.testing import isolated_settings, run_app
from tests.analytics.integration.readmodels_history import START, History

BIG, SMALL, MIDDLE = (uuid.UUID(int=n) for n in (1, 2, 3))


def samples(name: str) -> dict[tuple[tuple[str, str], ...], float]:
    """Label set -> value of one metric family, as Prometheus would scrape it."""
    found = {}
    for family in text_string_to_metric_families(generate_latest(REGISTRY).decode()):
        for sample in family.samples:
            if sample.name == name:
                found[tuple(sorted(sample.labels.items()))] = sample.value
    return found


@pytest.fixture(autouse=True)
def _empty_snapshot() -> None:
    exported.publish(Bounded((), 0))


def figures(programme: uuid.UUID, country: str, started: int) -> ProgrammeFigures:
    return ProgrammeFigures(
        programme_id=programme,
        country=country,
        started_relationships=started,
        active_relationships=started - 1,
        response_time_p50_seconds=3600.0 if country == "DE" else None,
    )


def test_the_bound_keeps_whole_programmes_the_largest_first() -> None:
    rows = [
        figures(SMALL, "DE", 2),
        figures(BIG, "DE", 50),
        figures(BIG, "FR", 30),
        figures(MIDDLE, "IT", 10),
    ]
    result = bounded(rows, max_series=3)
    # BIG (80 started, 2 series) then MIDDLE (10, 1 series); SMALL does not fit.
    assert [(r.programme_id, r.country) for r in result.kept] == [
        (BIG, "DE"),
        (BIG, "FR"),
        (MIDDLE, "IT"),
    ]
    assert result.dropped == 1
    # A programme too large for what is left is skipped whole, smaller ones still fit.
    result = bounded(rows, max_series=1)
    assert [(r.programme_id, r.country) for r in result.kept] == [(MIDDLE, "IT")]
    assert result.dropped == 3
    assert bounded(rows, max_series=10).dropped == 0


def test_a_known_programme_without_relationships_shows_zeros_not_nothing() -> None:
    [row] = figures_of([], [], [BIG])
    assert row == ProgrammeFigures(programme_id=BIG, country="unknown")
    assert row.active_relationships == 0
    assert row.response_time_p50_seconds is None  # no reply measured: no sample at all
    assert figures_of([], [], []) == []


async def test_refresh_reads_once_bounds_by_the_setting_and_replaces_the_series(
    tmp_path: Path,
) -> None:
    settings = isolated_settings(AnalyticsSettings, tmp_path, programme_metrics_max_series=2)
    database = Database(settings.database_url)
    now = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    reads: list[datetime] = []
    rows = [figures(BIG, "DE", 50), figures(BIG, "FR", 30), figures(SMALL, "ES", 4)]

    async def source(
        session: AsyncSession, at: datetime, given: AnalyticsSettings
    ) -> list[ProgrammeFigures]:
        assert given is settings
        assert (await session.execute(text("SELECT 1"))).scalar() == 1  # a live transaction
        reads.append(at)
        return rows

    ctx = Context(database, settings, ManualClock(now))
    try:
        assert await programme_metrics.refresh(ctx, source, now) == 0
    finally:
        await database.dispose()
    assert reads == [now]
    active = samples("tandem_analytics_programme_active_relationships")
    assert active == {
        (("country", "DE"), ("programme", str(BIG))): 49.0,
        (("country", "FR"), ("programme", str(BIG))): 29.0,
    }
    # A quantile not measured yet is no sample, not a zero.
    assert samples("tandem_analytics_programme_response_time_p50_seconds") == {
        (("country", "DE"), ("programme", str(BIG))): 3600.0
    }
    assert samples("tandem_analytics_programme_series_dropped") == {(): 1.0}
    # Only the two labels, never a person or a relationship.
    for name in exported.METRIC_NAMES - {"tandem_analytics_freshness_seconds"}:
        for labels in samples(name):
            assert {key for key, _ in labels} <= {"programme", "country"}, name

    exported.publish(bounded([figures(SMALL, "ES", 4)], 2))  # BIG gone: its series too
    assert samples("tandem_analytics_programme_active_relationships") == {
        (("country", "ES"), ("programme", str(SMALL))): 3.0
    }


def message(posted_at: datetime) -> MessagePosted:
    return MessagePosted(
        programme_id=BIG,
        relationship_id=uuid.uuid4(),
        conversation_id=uuid.uuid4(),
        message_id=uuid.uuid4(),
        sender_participant_id=uuid.uuid4(),
        sender_role=SenderRole.MENTEE,
        posted_at=posted_at,
        length=12,
    )


async def test_freshness_is_the_age_of_the_newest_event_time_handled(tmp_path: Path) -> None:
    handled: list[Event] = []
    fail = False

    async def handle(event: MessagePosted, hc: HandlerContext) -> None:
        if fail:
            raise RuntimeError("handler failed")
        handled.append(event)

    async def handle_many(events: Sequence[MessagePosted], bc: BatchContext) -> None:
        handled.extend(events)

    def build(_runtime: Runtime[AnalyticsSettings]) -> Handlers:
        return Handlers().on(MessagePosted, handle).on_batch(MessagePosted, handle_many)

    settings = isolated_settings(AnalyticsSettings, tmp_path)
    runtime = Runtime.from_settings(settings)
    handlers = programme_metrics.with_freshness(build)(runtime)
    assert set(handlers) == {MessagePosted.event_type}
    assert set(handlers.batches) == {MessagePosted.event_type}, "a batch handler was dropped"
    topic = MessagePosted.topic()
    key = (("topic", topic),)
    database = Database(settings.database_url)
    now = datetime.now(UTC)

    async def deliver(event_time: datetime) -> None:
        event = message(event_time)
        envelope = Envelope.wrap(event).model_copy(update={"time": event_time})
        async with database.transaction() as session:
            await handlers[event.event_type](event, HandlerContext(session, envelope))

    try:
        await deliver(now - timedelta(hours=2))
        age = samples("tandem_analytics_freshness_seconds")[key]
        assert 7200 <= age < 7300
        await deliver(now - timedelta(minutes=5))
        assert 300 <= samples("tandem_analytics_freshness_seconds")[key] < 400
        # A late (or replayed) older event does not make analytics look fresher or staler.
        await deliver(now - timedelta(days=1))
        assert 300 <= samples("tandem_analytics_freshness_seconds")[key] < 400
        # An event whose handler failed is not in the read models: not noted.
        fail = True
        with pytest.raises(RuntimeError):
            await deliver(now)
        assert 300 <= samples("tandem_analytics_freshness_seconds")[key] < 400
    finally:
        await database.dispose()
        await runtime.database.dispose()
    assert len(handled) == 3


async def test_the_service_serves_its_series_and_runs_the_figures_worker(tmp_path: Path) -> None:
    settings = isolated_settings(AnalyticsSettings, tmp_path)
    app = create_app(settings)
    async with run_app(app, settings, definition=DEFINITION) as running:
        body = (await running.client.get("/metrics")).text
    for name in exported.METRIC_NAMES:
        assert f"# TYPE {name} gauge" in body, name
    assert any(spec.name == "programme-metrics" for spec in DEFINITION.workers)


async def test_the_figures_come_from_the_read_models_and_the_open_flags(tmp_path: Path) -> None:
    """Events through analytics' own consumer path into its read models, then one refresh:
    the series Prometheus scrapes, per programme and the mentee's country."""
    h = History()
    max_, ana = h.person(Role.MENTOR, "DE"), h.person(Role.MENTEE, "SY")
    lea, omar = h.person(Role.MENTOR, "DE"), h.person(Role.MENTEE, "SY")
    tom, eva = h.person(Role.MENTOR, "DE"), h.person(Role.MENTEE, "FR")
    talking, ended = h.start(max_, ana), h.start(lea, omar)
    h.start(tom, eva)  # silent since it started
    week = START + timedelta(days=21)  # the Monday of the last whole week before `now`
    h.message(talking, max_, week + timedelta(hours=1), None)
    h.message(talking, ana, week + timedelta(hours=5), None)  # answers in 4 hours
    h.message(talking, max_, START + timedelta(hours=1), None)  # three weeks earlier
    held = uuid.uuid4()
    h.meeting(talking, "scheduled", 0, MeetingMode.ONLINE, week + timedelta(days=1), held)
    h.attendance(talking, held, [max_, ana], week + timedelta(days=1, hours=1))
    h.end(ended, START + timedelta(days=3), early=True)
    now = START + timedelta(days=30)  # Wednesday 1 April: tom and eva silent for 30 days

    settings = isolated_settings(AnalyticsSettings, tmp_path)
    async with run_app(create_app(settings), settings, definition=DEFINITION) as running:
        for envelope in h.envelopes:
            assert await running.deliver(envelope)
        async with running.runtime.database.transaction() as session:
            await session.execute(
                insert(risk_flags).values(
                    id=uuid.uuid4(),
                    relationship_id=talking,
                    programme_id=h.programme,
                    open_relationship_id=talking,
                    source="rules",
                    reasons=[],
                    raised_at=now,
                    holds=False,
                )
            )
        ctx = Context.of(running.runtime)
        await programme_metrics.refresh(ctx, main.PROGRAMME_FIGURES, now)

    def figure(name: str) -> dict[str, float]:
        found = samples(f"tandem_analytics_programme_{name}")
        return {dict(labels)["country"]: value for labels, value in found.items()}

    assert all(
        dict(labels)["programme"] == str(h.programme)
        for labels in samples("tandem_analytics_programme_started_relationships")
    )
    assert figure("started_relationships") == {"SY": 2, "FR": 1, "DE": 0}
    assert figure("active_relationships") == {"SY": 1, "FR": 1, "DE": 0}
    assert figure("at_risk_relationships") == {"SY": 1, "FR": 0, "DE": 0}
    assert figure("ended_early_relationships") == {"SY": 1, "FR": 0, "DE": 0}
    assert figure("completed_relationships") == {"SY": 0, "FR": 0, "DE": 0}
    assert figure("messages_last_week") == {"SY": 2, "FR": 0, "DE": 0}
    assert figure("meetings_online") == {"SY": 1, "FR": 0, "DE": 0}
    assert figure("meetings_face_to_face") == {"SY": 0, "FR": 0, "DE": 0}
    # Max's last-week message waited 4 h for Ana, his message of three weeks before it
    # too (21 days and 4 hours): nearest-rank median and 90th percentile of the two.
    assert figure("response_time_p50_seconds") == {"SY": 4 * 3600}
    assert figure("response_time_p90_seconds") == {"SY": (21 * 24 + 4) * 3600}
    # Tom and Eva: no contact since their start 30 days ago (in their own countries);
    # Max and Ana met and wrote last week; Lea and Omar's relationship ended.
    assert figure("isolated_participants") == {"SY": 0, "FR": 1, "DE": 1}
