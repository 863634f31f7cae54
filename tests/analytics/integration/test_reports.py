"""Weekly programme reports: one per programme and ended ISO week (UTC) in which a
relationship was active, with its ``programme.report.ready``; made once however often
the worker runs; listed newest first by the programme's managers; counts, never ids."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tandem_analytics.adapters.reports_tables import programme_reports
from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.service import reports
from tandem_analytics.service.context import Context
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts.analytics import ProgrammeReportReady
from tandem_contracts.common import Role
from tandem_kit.clock import ManualClock
from tandem_kit.testing import RunningApp, assert_problem, isolated_settings, run_app
from tests.analytics.integration.readmodels_history import START, History


@pytest.fixture
async def analytics(tmp_path: Path) -> AsyncIterator[RunningApp[AnalyticsSettings]]:
    settings = isolated_settings(AnalyticsSettings, tmp_path, isolation_days=10)
    clock = ManualClock(START + timedelta(days=9))  # the Wednesday of the second week
    async with run_app(create_app(settings, clock=clock), settings, definition=DEFINITION) as app:
        yield app


async def _tick(app: RunningApp[AnalyticsSettings]) -> int:
    return await reports.make_due(Context.of(app.runtime), app.runtime.clock())


def _clock(app: RunningApp[AnalyticsSettings]) -> ManualClock:
    clock = app.runtime.clock
    assert isinstance(clock, ManualClock)
    return clock


async def _list(app: RunningApp[AnalyticsSettings], h: History, **params: Any) -> dict[str, Any]:
    manager = app.bearer("mia", manager=[h.programme])
    path = f"/v1/programmes/{h.programme}/reports"
    response = await app.client.get(path, params=params, headers=manager)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_each_ended_week_gets_one_report_and_one_event(
    analytics: RunningApp[AnalyticsSettings],
) -> None:
    h = History()
    max_, ana = h.person(Role.MENTOR, "DE"), h.person(Role.MENTEE, "SY")
    bo, cy = h.person(Role.MENTOR, "PT"), h.person(Role.MENTEE, "UA")
    pair, other = h.start(max_, ana), h.start(bo, cy)
    h.message(pair, max_, START, None)
    h.message(pair, ana, START + timedelta(hours=2), None)
    h.message(other, cy, START + timedelta(days=6, hours=10), None)  # Sunday, same week
    h.message(other, bo, START + timedelta(days=7), None)  # the next Monday
    for envelope in h.envelopes:
        await analytics.deliver(envelope)

    assert await _tick(analytics) == 1
    assert await _tick(analytics) == 0  # made once, however often the worker runs
    [event] = await analytics.outbox(ProgrammeReportReady)
    assert (event.programme_id, str(event.period_start), str(event.period_end)) == (
        h.programme,
        "2026-03-02",
        "2026-03-08",
    )
    [report] = (await _list(analytics, h))["items"]
    assert report["id"] == str(event.report_id)
    assert report["messages_in_week"] == 3
    assert (report["relationships"], report["active"], report["ended_early"]) == (2, 2, 0)
    # The figures as read after the week (the report says when): Cy's Sunday message was
    # answered on Monday, 14 h later; the pair's in 2 h.
    assert report["response_time_p50_hours"] == pytest.approx((2 + 14) / 2)
    manager = analytics.bearer("mia", manager=[h.programme])
    one = await analytics.client.get(
        f"/v1/programmes/{h.programme}/reports/{event.report_id}", headers=manager
    )
    assert one.status_code == 200, one.text
    assert one.json() == report

    # A report is kept: it counts the isolated, it never names anyone.
    async with analytics.runtime.database.transaction() as session:
        stored = json.dumps((await session.execute(select(programme_reports))).one().figures)
    for person in (max_, ana, bo, cy):
        assert str(person.participant_id) not in stored
        assert person.participant_id.hex not in stored

    # The next week, ended: its own report, newest first, a page at a time.
    _clock(analytics).advance(timedelta(days=7))
    assert await _tick(analytics) == 1
    first = await _list(analytics, h, limit=1)
    [newest] = first["items"]
    assert (newest["period_start"], newest["messages_in_week"]) == ("2026-03-09", 1)
    assert first["next_cursor"] is not None
    second = await _list(analytics, h, limit=1, cursor=first["next_cursor"])
    assert [r["period_start"] for r in second["items"]] == ["2026-03-02"]
    assert second["next_cursor"] is None
    assert len(await analytics.outbox(ProgrammeReportReady)) == 2


async def test_a_programme_whose_relationships_all_ended_gets_no_more_reports(
    analytics: RunningApp[AnalyticsSettings],
) -> None:
    h = History()
    pair = h.start(h.person(Role.MENTOR, "DE"), h.person(Role.MENTEE, "SY"))
    h.end(pair, START + timedelta(days=3), early=True)  # in the first week
    for envelope in h.envelopes:
        await analytics.deliver(envelope)
    assert await _tick(analytics) == 1  # the week it ended in
    assert (await _list(analytics, h))["items"][0]["ended_early"] == 1
    _clock(analytics).advance(timedelta(days=7))
    assert await _tick(analytics) == 0  # nothing was active in the week after
    assert len((await _list(analytics, h))["items"]) == 1


async def test_only_the_programmes_managers_see_its_reports(
    analytics: RunningApp[AnalyticsSettings],
) -> None:
    h = History()
    mentee = h.person(Role.MENTEE, "SY")
    h.start(h.person(Role.MENTOR, "DE"), mentee)
    for envelope in h.envelopes:
        await analytics.deliver(envelope)
    assert await _tick(analytics) == 1
    path = f"/v1/programmes/{h.programme}/reports"
    member = analytics.bearer(mentee.subject, mentee=[h.programme])
    response = await analytics.client.get(path, headers=member)
    assert_problem(response, 403, code="managers_only")
    stranger = analytics.bearer("olga", manager=[History().programme])
    response = await analytics.client.get(path, headers=stranger)
    assert_problem(response, 404, code="programme_not_found")
    manager = analytics.bearer("mia", manager=[h.programme])
    missing = await analytics.client.get(f"{path}/{History().programme}", headers=manager)
    assert_problem(missing, 404, code="report_not_found")
    bad = await analytics.client.get(path, params={"cursor": "not-a-cursor"}, headers=manager)
    assert_problem(bad, 400)
