"""Breakdowns per country, reach, format and modality, and the Kaplan–Meier share still
active by programme week."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts.common import Modality, Role
from tandem_kit.clock import ManualClock
from tandem_kit.testing import RunningApp, isolated_settings, run_app
from tests.analytics.integration.readmodels_history import START, History


@pytest.fixture
async def analytics(tmp_path: Path) -> AsyncIterator[RunningApp[AnalyticsSettings]]:
    settings = isolated_settings(AnalyticsSettings, tmp_path)
    clock = ManualClock(START + timedelta(days=35))  # five weeks in
    async with run_app(create_app(settings, clock=clock), settings, definition=DEFINITION) as app:
        yield app


def _programme() -> History:
    h = History()
    de_mentor = h.person(Role.MENTOR, "DE")
    de_mentee = h.person(Role.MENTEE, "DE")
    sy_mentee = h.person(Role.MENTEE, "SY", Modality.ONLINE_ONLY)
    pt_mentor = h.person(Role.MENTOR, "PT")
    ua_a, ua_b = h.person(Role.MENTEE, "UA"), h.person(Role.MENTEE, "UA")
    same = h.start(de_mentor, de_mentee)  # same country, active
    cross = h.start(pt_mentor, sy_mentee)  # cross-country, online: ends early in week 1
    group = h.start(h.person(Role.MENTOR, "UA"), ua_a, ua_b)  # same country, completes
    h.message(same, de_mentor, START, None)
    h.message(cross, sy_mentee, START, None)
    h.end(cross, START + timedelta(days=10), early=True)
    h.end(group, START + timedelta(days=30), early=False)
    return h


async def test_breakdowns_per_dimension(analytics: RunningApp[AnalyticsSettings]) -> None:
    h = _programme()
    for envelope in h.envelopes:
        await analytics.deliver(envelope)
    manager = analytics.bearer("manager", manager=[h.programme])
    response = await analytics.client.get(
        f"/v1/programmes/{h.programme}/breakdowns", headers=manager
    )
    assert response.status_code == 200, response.text
    groups = {(g["dimension"], g["value"]): g for g in response.json()["groups"]}
    assert set(groups) == {
        ("country", "DE"),
        ("country", "PT"),
        ("country", "SY"),
        ("country", "UA"),
        ("reach", "same_country"),
        ("reach", "cross_country"),
        ("format", "pair"),
        ("format", "group"),
        ("modality", "online"),
        ("modality", "blended"),
    }
    assert groups[("reach", "cross_country")]["ended_early"] == 1
    assert groups[("reach", "cross_country")]["drop_out_rate"] == 1.0
    assert groups[("reach", "same_country")]["relationships"] == 2
    assert groups[("reach", "same_country")]["drop_out_rate"] == 0.0
    assert groups[("country", "DE")]["messages"] == 1
    assert groups[("format", "group")]["completed"] == 1
    assert groups[("modality", "online")]["relationships"] == 1


async def test_survival_by_programme_week(analytics: RunningApp[AnalyticsSettings]) -> None:
    h = _programme()
    for envelope in h.envelopes:
        await analytics.deliver(envelope)
    manager = analytics.bearer("manager", manager=[h.programme])
    response = await analytics.client.get(f"/v1/programmes/{h.programme}/survival", headers=manager)
    assert response.status_code == 200, response.text
    weeks = response.json()["weeks"]
    # Three start; one ends early in week 1 (of 3 at risk), one completes in week 4
    # (censored), one is active until now, week 5 (censored).
    assert [w["at_risk"] for w in weeks] == [3, 3, 2, 2, 2, 1]
    assert weeks[1]["ended_early"] == 1
    assert weeks[0]["share_active"] == 1.0
    assert weeks[1]["share_active"] == pytest.approx(2 / 3)
    assert weeks[-1]["share_active"] == pytest.approx(2 / 3)
    assert weeks[4]["censored"] == 1
