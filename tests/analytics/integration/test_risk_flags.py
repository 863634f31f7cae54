"""Risk flags: raised once with its event, cleared when the reasons go, when the
relationship ends or when a manager dismisses it; a dismissal holds its reasons back."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

from tandem_analytics.domain.risk_rules import MemberActivity, RelationshipSignals
from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.service import risk_flags
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts.analytics import (
    ClearedBy,
    RelationshipAtRisk,
    RelationshipRiskCleared,
    RiskReasonCode,
)
from tandem_kit.clock import ManualClock
from tandem_kit.testing import RunningApp, assert_problem, isolated_settings, run_app

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
MENTEE, MENTOR = uuid4(), uuid4()
THRESHOLDS: dict[str, Any] = {
    "no_contact_days": 1.0,
    "unanswered_factor": None,
    "default_response_days": 1.0,
    "missed_windows": None,
    "window_grace_days": 0,
    "no_shows": None,
    "agreement_days": None,
    "isolation_days": None,
    "nudge_members": True,
}


@dataclass
class World:
    running: RunningApp[AnalyticsSettings]
    clock: ManualClock
    programme: UUID
    manager: dict[str, str]

    async def evaluate(self, signals: RelationshipSignals) -> int:
        async with self.running.runtime.database.transaction() as session:
            day = self.running.runtime.settings.risk_day_seconds
            return await risk_flags.evaluate_signals(session, [signals], day_seconds=day)

    async def flags(self, **params: Any) -> list[dict[str, Any]]:
        path = f"/v1/programmes/{self.programme}/risk-flags"
        response = await self.running.client.get(path, params=params, headers=self.manager)
        assert response.status_code == 200, response.text
        items: list[dict[str, Any]] = response.json()["items"]
        return items


@asynccontextmanager
async def world(tmp_path: Path) -> AsyncIterator[World]:
    settings = isolated_settings(AnalyticsSettings, tmp_path, service_name="analytics")
    clock = ManualClock(START)
    programme = uuid4()
    app = create_app(settings, clock=clock)
    async with run_app(app, settings, definition=DEFINITION) as running:
        manager = running.bearer("mia", manager=[str(programme)])
        path = f"/v1/programmes/{programme}/risk-thresholds"
        response = await running.client.put(path, json=THRESHOLDS, headers=manager)
        assert response.status_code == 200, response.text
        yield World(running, clock, programme, manager)


def silent(w: World, relationship: UUID, days: float) -> RelationshipSignals:
    return RelationshipSignals(
        relationship_id=relationship,
        programme_id=w.programme,
        as_of=START + timedelta(days=days),
        started_at=START,
        members=(MemberActivity(MENTEE), MemberActivity(MENTOR)),
    )


async def test_raised_once_then_cleared_when_contact_resumes(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        relationship = uuid4()
        assert await w.evaluate(silent(w, relationship, 0.9)) == 0
        assert await w.evaluate(silent(w, relationship, 1.5)) == 1
        assert await w.evaluate(silent(w, relationship, 1.5)) == 0  # the same: nothing
        assert await w.evaluate(silent(w, relationship, 2.5)) == 0  # the figure follows, quietly

        [event] = await w.running.outbox(RelationshipAtRisk)
        assert event.relationship_id == relationship
        assert event.flagged_at == START + timedelta(days=1.5)  # the evaluation's clock
        assert event.nudge_members is True
        [reason] = event.reasons
        assert (reason.code, reason.value, reason.threshold) == (
            RiskReasonCode.NO_TWO_WAY_CONTACT,
            1.5,
            1.0,
        )

        [flag] = await w.flags()
        assert flag["id"] == str(event.flag_id)
        assert flag["reasons"][0]["value"] == 2.5
        assert flag["reasons"][0]["text"] == (
            "No two-way contact for 2 days (the programme flags at 1)."
        )
        assert flag["reasons"][0]["action_text"] == "Get in touch with the members."

        headers = {**w.manager, "Accept-Language": "fr-BE, de;q=0.5"}
        path = f"/v1/programmes/{w.programme}/risk-flags"
        french = (await w.running.client.get(path, headers=headers)).json()["items"][0]
        assert french["language"] == "fr"
        assert french["reasons"][0]["text"].startswith("Aucun échange réciproque depuis 2 jours")

        talking = replace(
            silent(w, relationship, 3), last_two_way_contact_at=START + timedelta(days=2.8)
        )
        assert await w.evaluate(talking) == 1
        [cleared] = await w.running.outbox(RelationshipRiskCleared)
        assert (cleared.flag_id, cleared.cleared_by) == (
            event.flag_id,
            ClearedBy.CONDITIONS_CLEARED,
        )
        assert cleared.cleared_at == START + timedelta(days=3)
        assert await w.flags() == []
        [history] = await w.flags(open="false")
        assert history["cleared_by"] == "conditions_cleared"


async def test_a_dismissal_holds_its_reasons_until_they_go(tmp_path: Path) -> None:
    async with world(tmp_path) as w:
        relationship = uuid4()
        assert await w.evaluate(silent(w, relationship, 2)) == 1
        [flag] = await w.flags()
        path = f"/v1/programmes/{w.programme}/risk-flags/{flag['id']}/dismissal"
        mentee = w.running.bearer("ana", mentee=[str(w.programme)])
        stranger = w.running.bearer("eve", manager=[str(uuid4())])
        body = {"reason": "  Both on holiday until the 20th "}
        assert_problem(await w.running.client.post(path, json=body, headers=mentee), 403)
        assert_problem(await w.running.client.post(path, json=body, headers=stranger), 404)
        for blank in ("", "   \n\t"):  # spaces alone are no reason
            assert_problem(
                await w.running.client.post(path, json={"reason": blank}, headers=w.manager), 422
            )
        other = f"/v1/programmes/{w.programme}/risk-flags/{uuid4()}/dismissal"
        assert_problem(await w.running.client.post(other, json=body, headers=w.manager), 404)
        assert await w.running.outbox(RelationshipRiskCleared) == []

        w.clock.advance(days=2)
        response = await w.running.client.post(path, json=body, headers=w.manager)
        assert response.status_code == 200, response.text
        dismissed = response.json()
        assert dismissed["cleared_by"] == "manager_dismissed"
        assert dismissed["dismissal_reason"] == "Both on holiday until the 20th"  # trimmed
        assert dismissed["cleared_at"] == "2026-03-04T09:00:00Z"
        [cleared] = await w.running.outbox(RelationshipRiskCleared)
        assert cleared.cleared_by is ClearedBy.MANAGER_DISMISSED
        assert_problem(await w.running.client.post(path, json=body, headers=w.manager), 409)

        # The same reason again: the manager has seen it, no new flag.
        assert await w.evaluate(silent(w, relationship, 5)) == 0
        # A reason the manager has not seen raises a new flag.
        isolated = {**THRESHOLDS, "isolation_days": 4.0}
        put = f"/v1/programmes/{w.programme}/risk-thresholds"
        assert (
            await w.running.client.put(put, json=isolated, headers=w.manager)
        ).status_code == 200
        assert await w.evaluate(silent(w, relationship, 5)) == 1
        assert len(await w.running.outbox(RelationshipAtRisk)) == 2
        # Once every reason has gone, the held dismissal is released.
        async with w.running.runtime.database.transaction() as session:
            await risk_flags.relationship_ended(session, relationship, START + timedelta(days=6))
        [_, ended] = await w.running.outbox(RelationshipRiskCleared)
        assert ended.cleared_by is ClearedBy.RELATIONSHIP_ENDED
        assert ended.cleared_at == START + timedelta(days=6)
        assert await w.flags() == []
