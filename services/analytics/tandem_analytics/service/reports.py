"""Weekly programme reports: made as each ISO week (UTC) ends, listed by the managers.

The ``programme-reports`` worker finds the programmes with a relationship active in the
latest ended week and no report of it, and makes each one's report in a transaction of
its own: the dashboard's figures read at that moment, kept as counts, and
``programme.report.ready`` through the outbox in the same transaction. The report's id
(and so the event's) derives from the programme and the week, so a tick that runs twice,
or two relays at once, leave one report and queue one event.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID, uuid5

from tandem_analytics.adapters import reports as repo
from tandem_analytics.domain.reports import Report, ReportFigures, last_ended_week, report_id
from tandem_analytics.service import dashboard, events
from tandem_analytics.service.access import require_manager
from tandem_analytics.service.context import Context
from tandem_analytics.settings import AnalyticsSettings
from tandem_kit.api import next_cursor
from tandem_kit.auth import Principal
from tandem_kit.errors import NotFound
from tandem_kit.outbox import add_event
from tandem_kit.runtime import Runtime
from tandem_kit.workers import PeriodicWorker

PAGE = 50  # programmes looked up per tick; a tick that made reports runs again at once


async def make_due(ctx: Context, now: datetime) -> int:
    """One tick: the reports of the latest ended week that are still missing."""
    week = last_ended_week(now)
    async with ctx.database.transaction() as session:
        due = await repo.due_programmes(session, week, limit=PAGE)
    made = 0
    for programme_id in due:
        async with ctx.database.transaction() as session:
            rid = report_id(programme_id, week)
            if await repo.exists_for(session, rid):  # another relay made it meanwhile
                continue
            figures = await dashboard.figures(
                session, programme_id, now, ctx.settings.isolation_days
            )
            report = Report(rid, programme_id, week, now, ReportFigures.of(figures, week))
            await repo.add(session, report)
            await add_event(session, events.programme_report_ready(report), event_id=_event(rid))
        made += 1
    return made


def _event(rid: UUID) -> UUID:
    return uuid5(rid, "ready")


def report_worker(runtime: Runtime[AnalyticsSettings]) -> PeriodicWorker:
    ctx = Context.of(runtime)
    return PeriodicWorker(
        "programme-reports",
        runtime.settings.report_interval_seconds,
        lambda now: make_due(ctx, now),
        clock=ctx.clock,
    )


async def list_reports(
    ctx: Context, principal: Principal, programme_id: UUID, *, cursor: str | None, limit: int
) -> tuple[list[Report], str | None]:
    require_manager(principal, programme_id)
    async with ctx.database.transaction() as session:
        rows = await repo.page_of_programme(session, programme_id, cursor=cursor, limit=limit)
    return rows[:limit], next_cursor(rows, limit, lambda r: (r.week.start, r.id))


async def get_report(
    ctx: Context, principal: Principal, programme_id: UUID, report_id_: UUID
) -> Report:
    require_manager(principal, programme_id)
    async with ctx.database.transaction() as session:
        report = await repo.one(session, programme_id, report_id_)
    if report is None:
        raise NotFound("No such report in this programme.", code="report_not_found")
    return report
