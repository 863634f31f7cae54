"""The programme dashboard: figures from the read models, for its managers and admins
only (a member of the programme gets a 403, anyone else a 404)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts.common import Role
from tandem_contracts.meetings import MeetingMode
from tandem_kit.clock import ManualClock
from tandem_kit.testing import RunningApp, assert_problem, isolated_settings, run_app
from tests.analytics.integration.readmodels_history import START, History


@pytest.fixture
async def analytics(tmp_path: Path) -> AsyncIterator[RunningApp[AnalyticsSettings]]:
    settings = isolated_settings(AnalyticsSettings, tmp_path, isolation_days=10)
    clock = ManualClock(START + timedelta(days=28))
    async with run_app(create_app(settings, clock=clock), settings, definition=DEFINITION) as app:
        yield app


async def test_the_dashboard_shows_the_programme_figures(
    analytics: RunningApp[AnalyticsSettings],
) -> None:
    h = History()
    max_, ana = h.person(Role.MENTOR, "DE"), h.person(Role.MENTEE, "SY")
    bo, cy = h.person(Role.MENTOR, "PT"), h.person(Role.MENTEE, "UA")
    quiet = h.person(Role.MENTEE, "UA")  # never posts: isolated
    pair = h.start(max_, ana)
    other = h.start(bo, cy)
    h.message(pair, max_, START, None)
    h.message(pair, ana, START + timedelta(hours=2), None)  # answered in 2 h
    h.message(pair, max_, START + timedelta(hours=12), None)  # answered in 10 h
    h.message(pair, ana, START + timedelta(days=22), None)  # the next-but-one week
    h.message(other, cy, START + timedelta(days=1), None)
    h.message(other, bo, START + timedelta(days=3), None)  # answered in 48 h
    h.agreement(pair, 1, 24, START)  # both answers in the pair within 24 h
    online, f2f = uuid.uuid4(), uuid.uuid4()
    h.meeting(pair, "scheduled", 0, MeetingMode.ONLINE, START + timedelta(days=2), online)
    h.attendance(pair, online, [max_, ana], START + timedelta(days=2, hours=2))
    h.meeting(other, "scheduled", 0, MeetingMode.FACE_TO_FACE, START + timedelta(days=5), f2f)
    h.attendance(other, f2f, [bo], START + timedelta(days=5, hours=2), MeetingMode.FACE_TO_FACE)
    h.end(other, START + timedelta(days=10), early=True)
    for envelope in h.envelopes:
        await analytics.deliver(envelope)

    manager = analytics.bearer("manager", manager=[h.programme])
    response = await analytics.client.get(
        f"/v1/programmes/{h.programme}/dashboard", headers=manager
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["relationships"] == 2
    assert body["active"] == 1
    assert body["ended_early"] == 1
    assert body["drop_out_rate"] == 1.0
    assert body["messages_per_week"] == [
        {"week": "2026-03-02", "messages": 5},
        {"week": "2026-03-23", "messages": 1},
    ]
    assert body["meetings_by_mode"] == [
        {"mode": "face_to_face", "planned": 1, "held": 0, "missed": 1},
        {"mode": "online", "planned": 1, "held": 1, "missed": 0},
    ]
    # Answers: 2 h, 10 h and 516 h in the pair (Ana's day-22 message answers Max's second),
    # 48 h in the other.
    assert body["response_time_p50_hours"] == pytest.approx((10 + 48) / 2)
    assert body["response_adherence"] == pytest.approx(2 / 3)
    # Day 28, cadence 14 days: two meetings asked of the pair, one held.
    assert body["cadence_adherence"] == pytest.approx(0.5)
    # Isolated after 10 days: Max (last met on day 2), Bo and Cy (last active by day 5),
    # and quiet (never posted); Ana wrote on day 22.
    isolated = {str(p.participant_id) for p in (max_, bo, cy, quiet)}
    assert set(body["isolated_participants"]) == isolated
    assert "length" not in response.text


async def test_only_its_managers_and_admins_see_it(
    analytics: RunningApp[AnalyticsSettings],
) -> None:
    programme = uuid.uuid4()
    path = f"/v1/programmes/{programme}/dashboard"
    assert_problem(await analytics.client.get(path), 401, "missing_token")
    member = analytics.bearer("ana", mentee=[programme])
    assert_problem(await analytics.client.get(path, headers=member), 403, "managers_only")
    stranger = analytics.bearer("eve", manager=[uuid.uuid4()])
    assert_problem(await analytics.client.get(path, headers=stranger), 404, "programme_not_found")
    admin = analytics.bearer("root", admin=True)
    response = await analytics.client.get(path, headers=admin)
    assert response.status_code == 200
    assert response.json()["relationships"] == 0
