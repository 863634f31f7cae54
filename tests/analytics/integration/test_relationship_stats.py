"""A relationship's statistics: per member messages and answer times, weeks, the last
two-way contact, meetings by mode, goals and the agreement; another programme's
relationship is a 404 even to a manager of this one."""

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
    settings = isolated_settings(AnalyticsSettings, tmp_path)
    clock = ManualClock(START + timedelta(days=28))
    async with run_app(create_app(settings, clock=clock), settings, definition=DEFINITION) as app:
        yield app


async def test_a_relationships_statistics(analytics: RunningApp[AnalyticsSettings]) -> None:
    h = History()
    max_, ana = h.person(Role.MENTOR, "DE"), h.person(Role.MENTEE, "SY")
    pair = h.start(max_, ana)
    h.message(pair, max_, START, None)
    h.message(pair, ana, START + timedelta(hours=4), None)
    h.message(pair, ana, START + timedelta(days=8), None)
    h.agreement(pair, 1, 24, START)
    meeting = uuid.uuid4()
    h.meeting(pair, "scheduled", 0, MeetingMode.FACE_TO_FACE, START + timedelta(days=3), meeting)
    h.attendance(pair, meeting, [max_, ana], START + timedelta(days=3, hours=2), MeetingMode.ONLINE)
    goal = uuid.uuid4()
    h.goal(pair, goal, 3, START + timedelta(days=9))
    for envelope in h.envelopes:
        await analytics.deliver(envelope)

    manager = analytics.bearer("manager", manager=[h.programme])
    path = f"/v1/programmes/{h.programme}/relationships/{pair}/statistics"
    response = await analytics.client.get(path, headers=manager)
    assert response.status_code == 200, response.text
    body = response.json()
    members = {m["participant_id"]: m for m in body["members"]}
    assert members[str(ana.participant_id)]["messages"] == 2
    assert members[str(ana.participant_id)]["response_time_p50_hours"] == 4
    assert members[str(max_.participant_id)]["response_time_p50_hours"] is None
    assert body["messages_per_week"] == [
        {"week": "2026-03-02", "messages": 2},
        {"week": "2026-03-09", "messages": 1},
    ]
    # Held online although planned face to face: each mode counts what it is about.
    assert body["meetings_by_mode"] == [
        {"mode": "face_to_face", "planned": 1, "held": 0, "missed": 0},
        {"mode": "online", "planned": 0, "held": 1, "missed": 0},
    ]
    # The meeting's record (day 3) is later than the second writer's first message (4 h).
    assert body["last_two_way_contact_at"] == "2026-03-05T11:00:00Z"
    assert body["agreed_response_time_hours"] == 24
    assert (body["goals"], body["goals_done"], body["milestones_done"]) == (1, 1, 3)
    assert body["outcome"] is None

    elsewhere = History()
    assert_problem(
        await analytics.client.get(
            f"/v1/programmes/{elsewhere.programme}/relationships/{pair}/statistics",
            headers=analytics.bearer("other", manager=[elsewhere.programme]),
        ),
        404,
        "relationship_not_found",
    )
