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
from datetime import UTC, datetime, timedelta
from uuid import UUID

from prometheus_client import REGISTRY
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters.tables import (
    risk_flags,
    rm_meetings,
    rm_members,
    rm_message_weeks,
    rm_messages,
    rm_participants,
    rm_relationships,
)
from tandem_analytics.domain.programme_metrics import (
    Bounded,
    ParticipantFacts,
    ProgrammeFigures,
    RelationshipFacts,
    figures_of,
)
from tandem_analytics.domain.readmodels import ERASED
from tandem_contracts.common import Role
from tandem_contracts.meetings import MeetingMode
from tandem_kit.directory.tables import programmes as directory_programmes

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


# --- reading the figures from the read models --------------------------------------------


async def read_figures(
    session: AsyncSession, now: datetime, isolation_days: float
) -> list[ProgrammeFigures]:
    """Every programme's figures from the read models and the open risk flags: one query
    per table, grouped by relationship (never one query per programme)."""
    rel, mem, par = rm_relationships.c, rm_members.c, rm_participants.c
    mentee_country = (
        select(mem.relationship_id, func.min(par.country).label("country"))
        .select_from(rm_members.join(rm_participants, par.participant_id == mem.participant_id))
        .where(mem.role == Role.MENTEE.value)
        .group_by(mem.relationship_id)
        .subquery()
    )
    rows = (
        await session.execute(
            select(
                rel.relationship_id,
                rel.programme_id,
                rel.started_at,
                rel.ended_at,
                rel.outcome,
                mentee_country.c.country,
            ).select_from(
                rm_relationships.outerjoin(
                    mentee_country, mentee_country.c.relationship_id == rel.relationship_id
                )
            )
        )
    ).all()
    flagged = set(
        await session.scalars(
            select(risk_flags.c.open_relationship_id).where(
                risk_flags.c.open_relationship_id.is_not(None)
            )
        )
    )
    # The last whole week (Monday to Sunday, UTC) by the messages' own time.
    last_monday = (now - timedelta(days=now.weekday() + 7)).date()
    weekly: dict[UUID, int] = dict(
        (
            await session.execute(
                select(rm_message_weeks.c.relationship_id, func.sum(rm_message_weeks.c.messages))
                .where(rm_message_weeks.c.week == last_monday)
                .group_by(rm_message_weeks.c.relationship_id)
            )
        ).all()
    )
    mode = func.coalesce(rm_meetings.c.attended_mode, rm_meetings.c.planned_mode)
    held: dict[tuple[UUID, str], int] = {
        (rid, str(m)): n
        for rid, m, n in (
            await session.execute(
                select(rm_meetings.c.relationship_id, mode, func.count())
                .where(rm_meetings.c.outcome == "held")
                .group_by(rm_meetings.c.relationship_id, mode)
            )
        ).all()
    }
    responses: dict[UUID, list[int]] = {}
    for rid, seconds in (
        await session.execute(
            select(rm_messages.c.relationship_id, rm_messages.c.response_seconds).where(
                rm_messages.c.response_seconds.is_not(None)
            )
        )
    ).all():
        responses.setdefault(rid, []).append(seconds)
    relationships = [
        RelationshipFacts(
            relationship_id=r.relationship_id,
            programme_id=r.programme_id,
            country=r.country,
            started=r.started_at is not None,
            ended=r.ended_at is not None,
            outcome=r.outcome,
            at_risk=r.relationship_id in flagged,
            messages_last_week=weekly.get(r.relationship_id, 0),
            meetings_online=held.get((r.relationship_id, MeetingMode.ONLINE.value), 0),
            meetings_face_to_face=held.get((r.relationship_id, MeetingMode.FACE_TO_FACE.value), 0),
            response_seconds=tuple(responses.get(r.relationship_id, ())),
        )
        for r in rows
    ]
    known = list(await session.scalars(select(directory_programmes.c.id)))
    return figures_of(relationships, await _members(session, now, isolation_days), known)


async def _members(
    session: AsyncSession, now: datetime, isolation_days: float
) -> list[ParticipantFacts]:
    """The members of active relationships (the erased left out: they are anonymous)."""
    rel, mem, par = rm_relationships.c, rm_members.c, rm_participants.c
    latest: dict[UUID, tuple[UUID, str | None, datetime]] = {}
    for pid, programme, country, contact, started in (
        await session.execute(
            select(
                mem.participant_id,
                rel.programme_id,
                par.country,
                par.last_contact_at,
                rel.started_at,
            )
            .select_from(
                rm_members.join(
                    rm_relationships, rel.relationship_id == mem.relationship_id
                ).outerjoin(rm_participants, par.participant_id == mem.participant_id)
            )
            .where(
                rel.started_at.is_not(None), rel.ended_at.is_(None), mem.participant_id != ERASED
            )
        )
    ).all():
        seen = max(t for t in (contact, started) if t is not None)
        if pid not in latest or seen > latest[pid][2]:
            latest[pid] = (programme, country, seen)
    since = now - timedelta(days=isolation_days)
    return [
        ParticipantFacts(programme_id=programme, country=country, isolated=seen < since)
        for programme, country, seen in latest.values()
    ]
