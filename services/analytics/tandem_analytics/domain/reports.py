"""A programme's weekly report: which week is due, and the report's stable id.

Weeks are ISO weeks in UTC (Monday 00:00 to the next Monday 00:00), the same weeks as
the dashboard's messages per week, so a report's week lines up with the chart's. A week
is due once it has ended; only the latest ended week is made (a programme that starts
mid-year does not get a backlog of empty reports). The id derives from the programme and
the week, so a worker that runs twice, or two workers, make one report and one event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID, uuid5

from tandem_analytics.domain.dashboard import Dashboard

# uuid5 namespace of programme reports (a fixed random UUID: ids stable across releases)
REPORTS = UUID("7a0c6f6e-3c1e-4f5d-9a8e-2b6d1f0e4c21")


@dataclass(frozen=True, slots=True)
class Week:
    start: date  # the Monday
    end: date  # the Sunday (inclusive, as the event says)

    @property
    def begins_at(self) -> datetime:
        return datetime.combine(self.start, time(0), tzinfo=UTC)

    @property
    def ends_at(self) -> datetime:
        """The instant the week is over (the next Monday, 00:00 UTC)."""
        return datetime.combine(self.end + timedelta(days=1), time(0), tzinfo=UTC)


def last_ended_week(now: datetime) -> Week:
    """The latest ISO week (UTC) that has ended by ``now``."""
    today = now.astimezone(UTC).date()
    this_monday = today - timedelta(days=today.weekday())
    start = this_monday - timedelta(days=7)
    return Week(start, start + timedelta(days=6))


def report_id(programme_id: UUID, week: Week) -> UUID:
    return uuid5(REPORTS, f"{programme_id}:{week.start.isoformat()}")


@dataclass(frozen=True, slots=True)
class ReportFigures:
    """What a report keeps: the dashboard's figures as the week closed, counts only.

    The dashboard names its isolated participants; a report, which is kept, counts them:
    nothing in it is about one person, so an erasure has nothing to rewrite here.
    """

    relationships: int
    active: int
    completed: int
    ended_early: int
    drop_out_rate: float | None
    messages_in_week: int
    response_p50_hours: float | None
    response_p90_hours: float | None
    response_adherence: float | None
    cadence_adherence: float | None
    isolated: int
    meetings_by_mode: tuple[tuple[str, int, int, int], ...]  # (mode, planned, held, missed)

    @classmethod
    def of(cls, d: Dashboard, week: Week) -> ReportFigures:
        return cls(
            relationships=d.relationships,
            active=d.active,
            completed=d.completed,
            ended_early=d.ended_early,
            drop_out_rate=d.drop_out_rate,
            messages_in_week=sum(w.messages for w in d.messages_per_week if w.week == week.start),
            response_p50_hours=d.response_p50_hours,
            response_p90_hours=d.response_p90_hours,
            response_adherence=d.response_adherence,
            cadence_adherence=d.cadence_adherence,
            isolated=len(d.isolated),
            meetings_by_mode=tuple(
                (m.mode, m.planned, m.held, m.missed) for m in d.meetings_by_mode
            ),
        )


@dataclass(frozen=True, slots=True)
class Report:
    id: UUID
    programme_id: UUID
    week: Week
    computed_at: datetime
    figures: ReportFigures
