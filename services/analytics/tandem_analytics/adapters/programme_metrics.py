"""Analytics' own series on /metrics: the programme figures and the freshness of its input.

Both are prometheus_client collectors on the default registry (the one the kit's
/metrics serves), registered once per process. The programme figures are a snapshot
that a worker replaces whole (``publish``), so a scrape never sees half an update and a
programme that is gone leaves no stale series behind. Freshness is computed at scrape
time from the newest event time seen per topic, so it keeps growing while nothing
arrives (which is what the stale-analytics alert watches).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import fields
from datetime import UTC, datetime

from prometheus_client import REGISTRY
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from tandem_analytics.domain.programme_metrics import Bounded, ProgrammeFigures

PREFIX = "tandem_analytics_programme_"
LABELS = ("programme", "country")
HELP = {
    "started_relationships": "Relationships started in the programme.",
    "active_relationships": "Relationships started and not ended.",
    "at_risk_relationships": "Active relationships with a risk flag.",
    "ended_early_relationships": "Relationships ended before their planned end.",
    "completed_relationships": "Relationships that reached their planned end.",
    "messages_last_week": "Messages posted in the last seven days, by event time.",
    "meetings_online": "Meetings held online.",
    "meetings_face_to_face": "Meetings held face to face.",
    "response_time_p50_seconds": "Median time from a member's message to another's reply.",
    "response_time_p90_seconds": "90th percentile of the time to a reply.",
    "isolated_participants": "Participants without two-way contact for the programme's N days.",
    "checkins_sent": "Check-ins sent to participants.",
    "checkins_answered": "Check-ins participants answered.",
}
FIGURES = tuple(f.name for f in fields(ProgrammeFigures) if f.name in HELP)
METRIC_NAMES = frozenset(
    {f"{PREFIX}{name}" for name in FIGURES}
    | {f"{PREFIX}series_dropped", "tandem_analytics_freshness_seconds"}
)


class ProgrammeCollector(Collector):
    def __init__(self) -> None:
        self._snapshot = Bounded((), 0)

    def publish(self, snapshot: Bounded) -> None:
        self._snapshot = snapshot  # one reference swap: a scrape sees old or new, whole

    def collect(self) -> Iterable[Metric]:
        snapshot = self._snapshot
        for name in FIGURES:
            family = GaugeMetricFamily(f"{PREFIX}{name}", HELP[name], labels=LABELS)
            for row in snapshot.kept:
                value = getattr(row, name)
                if value is not None:
                    family.add_metric([str(row.programme_id), row.country], float(value))
            yield family
        yield GaugeMetricFamily(
            f"{PREFIX}series_dropped",
            "Programme x country rows left off /metrics by the series bound.",
            value=snapshot.dropped,
        )


class FreshnessCollector(Collector):
    def __init__(self) -> None:
        self._newest: dict[str, datetime] = {}
        self._lock = threading.Lock()

    def note(self, topic: str, at: datetime) -> None:
        """The time carried by an event consumed from ``topic`` (older ones change nothing)."""
        with self._lock:
            if topic not in self._newest or at > self._newest[topic]:
                self._newest[topic] = at

    def collect(self) -> Iterator[Metric]:
        family = GaugeMetricFamily(
            "tandem_analytics_freshness_seconds",
            "Age of the newest event analytics consumed from a topic, by the event's time.",
            labels=("topic",),
        )
        now = datetime.now(UTC)
        with self._lock:
            newest = dict(self._newest)
        for topic, at in sorted(newest.items()):
            family.add_metric([topic], max(0.0, (now - at).total_seconds()))
        yield family


PROGRAMMES = ProgrammeCollector()
FRESHNESS = FreshnessCollector()
REGISTRY.register(PROGRAMMES)
REGISTRY.register(FRESHNESS)


def publish(snapshot: Bounded) -> None:
    PROGRAMMES.publish(snapshot)


def note_consumed(topic: str, event_time: datetime) -> None:
    FRESHNESS.note(topic, event_time)
