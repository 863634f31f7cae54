"""The demo time scale: a deployment that sets ``risk_demo_day_seconds`` flags after
minutes of its clock what a real one flags after days, words the figures in those days,
and evaluates often enough for the flag to appear within a demo; without it, a day is a
day and a threshold under an hour is refused."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.service.context import Context
from tandem_analytics.service.risk_flags import evaluation_tick, risk_evaluation
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts.analytics import RelationshipAtRisk, RiskReasonCode
from tandem_contracts.common import Role
from tandem_kit.clock import ManualClock
from tandem_kit.testing import assert_problem, isolated_settings, run_app
from tests.analytics.integration.readmodels_history import START, History
from tests.conftest import UrlFactory

THRESHOLDS: dict[str, Any] = {
    "no_contact_days": 2.0,  # two minutes on the demo's scale
    "unanswered_factor": None,
    "default_response_days": 2.0,
    "missed_windows": None,
    "window_grace_days": 0,
    "no_shows": None,
    "agreement_days": None,
    "isolation_days": None,
    "nudge_members": False,
}


async def test_a_demo_day_is_a_minute(url_factory: UrlFactory, tmp_path: Path) -> None:
    h = History()
    mentor, mentee = h.person(Role.MENTOR, "DE"), h.person(Role.MENTEE, "FR")
    quiet = h.start(mentor, mentee)
    settings = isolated_settings(
        AnalyticsSettings,
        tmp_path,
        database_url=await url_factory("analytics"),
        risk_demo_day_seconds=60,
    )
    clock = ManualClock(START)
    async with run_app(create_app(settings, clock=clock), settings, definition=DEFINITION) as app:
        manager = app.bearer("mia", manager=[str(h.programme)])
        path = f"/v1/programmes/{h.programme}/risk-thresholds"
        response = await app.client.put(path, json=THRESHOLDS, headers=manager)
        assert response.status_code == 200, response.text
        assert response.json()["day_seconds"] == 60.0  # the manager sees the scale
        for envelope in h.envelopes:
            await app.deliver(envelope)
        ctx = Context.of(app.runtime)

        clock.advance(minutes=1, seconds=59)
        assert await evaluation_tick(ctx, clock()) == 0  # not yet two demo days
        clock.advance(seconds=31)  # 2.5 minutes after the start
        assert await evaluation_tick(ctx, clock()) == 1
        [event] = await app.outbox(RelationshipAtRisk)
        assert event.relationship_id == quiet
        assert event.flagged_at == START + timedelta(minutes=2, seconds=30)
        [reason] = event.reasons
        assert (reason.code, reason.value, reason.threshold) == (
            RiskReasonCode.NO_TWO_WAY_CONTACT,
            2.5,
            2.0,
        )
        flags = f"/v1/programmes/{h.programme}/risk-flags"
        [flag] = (await app.client.get(flags, headers=manager)).json()["items"]
        assert flag["reasons"][0]["text"] == (
            "No two-way contact for 2 days (the programme flags at 2)."
        )

        # Five minutes of a real day are as few seconds of a demo day: a tick a second.
        assert risk_evaluation(app.runtime).interval == 1.0


async def test_a_real_deployment_counts_days_and_refuses_minutes(tmp_path: Path) -> None:
    h = History()
    h.start(h.person(Role.MENTOR, "DE"), h.person(Role.MENTEE, "FR"))
    settings = isolated_settings(AnalyticsSettings, tmp_path)
    assert settings.risk_demo_day_seconds is None
    clock = ManualClock(START)
    async with run_app(create_app(settings, clock=clock), settings, definition=DEFINITION) as app:
        manager = app.bearer("mia", manager=[str(h.programme)])
        path = f"/v1/programmes/{h.programme}/risk-thresholds"
        minutes = {**THRESHOLDS, "no_contact_days": 0.002}  # three minutes, in days
        assert_problem(await app.client.put(path, json=minutes, headers=manager), 422)
        response = await app.client.put(path, json=THRESHOLDS, headers=manager)
        assert response.status_code == 200, response.text
        assert response.json()["day_seconds"] == 86_400.0
        for envelope in h.envelopes:
            await app.deliver(envelope)
        ctx = Context.of(app.runtime)
        clock.advance(minutes=30)
        assert await evaluation_tick(ctx, clock()) == 0
        clock.advance(days=2)
        assert await evaluation_tick(ctx, clock()) == 1
        assert risk_evaluation(app.runtime).interval == 300.0


@pytest.mark.parametrize("seconds", [0, 0.5, 86_401, "a minute"])
def test_a_time_scale_out_of_bounds_stops_the_service(seconds: object, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="risk_demo_day_seconds"):
        isolated_settings(AnalyticsSettings, tmp_path, risk_demo_day_seconds=seconds)
