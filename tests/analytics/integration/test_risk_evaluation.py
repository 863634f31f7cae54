"""The risk evaluation over the real read models: events in through the consumer path,
the worker's tick flags what the rules find, relationship.ended clears the flag at the
end's event time, and an ended relationship is not looked at again."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.service.context import Context
from tandem_analytics.service.risk_flags import evaluation_tick
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts.analytics import (
    ClearedBy,
    RelationshipAtRisk,
    RelationshipRiskCleared,
    RiskReasonCode,
)
from tandem_contracts.common import Role
from tandem_kit.clock import ManualClock
from tandem_kit.testing import isolated_settings, run_app
from tests.analytics.integration.readmodels_history import START, History

THRESHOLDS: dict[str, Any] = {
    "no_contact_days": 3.0,
    "unanswered_factor": 2.0,
    "default_response_days": 2.0,
    "missed_windows": None,
    "window_grace_days": 0,
    "no_shows": None,
    "agreement_days": None,
    "isolation_days": None,
    "nudge_members": False,
}


async def test_flags_from_the_read_models_and_cleared_by_the_end(tmp_path: Path) -> None:
    h = History()
    mentor, mentee = h.person(Role.MENTOR, "DE"), h.person(Role.MENTEE, "FR")
    quiet = h.start(mentor, mentee)
    h.agreement(quiet, 1, 24, START + timedelta(days=1))
    h.message(quiet, mentor, START + timedelta(days=1), None)
    answer_at = START + timedelta(days=1, hours=2)
    h.message(quiet, mentee, answer_at, None)  # her answer waits for his
    other_mentor, other_mentee = h.person(Role.MENTOR, "DE"), h.person(Role.MENTEE, "ES")
    talking = h.start(other_mentor, other_mentee)
    h.message(talking, other_mentor, START + timedelta(days=4), None)
    h.message(talking, other_mentee, START + timedelta(days=4, hours=1), None)
    h.message(talking, other_mentor, START + timedelta(days=4, hours=3), None)

    settings = isolated_settings(AnalyticsSettings, tmp_path, service_name="analytics")
    clock = ManualClock(START)
    async with run_app(create_app(settings, clock=clock), settings, definition=DEFINITION) as app:
        manager = app.bearer("mia", manager=[str(h.programme)])
        path = f"/v1/programmes/{h.programme}/risk-thresholds"
        assert (await app.client.put(path, json=THRESHOLDS, headers=manager)).status_code == 200
        for envelope in h.envelopes:
            await app.deliver(envelope)
        ctx = Context.of(app.runtime)

        at = START + timedelta(days=5)
        assert await evaluation_tick(ctx, at) == 1
        assert await evaluation_tick(ctx, at) == 0  # once
        [event] = await app.outbox(RelationshipAtRisk)
        assert event.relationship_id == quiet
        assert event.flagged_at == at
        by_code = {reason.code: reason for reason in event.reasons}
        assert set(by_code) == {
            RiskReasonCode.NO_TWO_WAY_CONTACT,
            RiskReasonCode.MESSAGE_UNANSWERED,
        }
        assert by_code[RiskReasonCode.NO_TWO_WAY_CONTACT].value == round(
            (at - answer_at).total_seconds() / 86_400, 3
        )
        unanswered = by_code[RiskReasonCode.MESSAGE_UNANSWERED]
        assert unanswered.participant_id == mentee.participant_id
        assert (unanswered.value, unanswered.threshold) == (94.0, 48.0)  # 2 x the agreed 24 h

        ended_at = START + timedelta(days=6)
        h.end(quiet, ended_at, early=True)
        await app.deliver(h.envelopes[-1])
        [cleared] = await app.outbox(RelationshipRiskCleared)
        assert (cleared.flag_id, cleared.cleared_by) == (
            event.flag_id,
            ClearedBy.RELATIONSHIP_ENDED,
        )
        assert cleared.cleared_at == ended_at  # the end's event time, not its arrival

        # Ended, it is not evaluated again; the other one falls silent in its turn.
        assert await evaluation_tick(ctx, START + timedelta(days=30)) == 1
        flags = [e.relationship_id for e in await app.outbox(RelationshipAtRisk)]
        assert flags == [quiet, talking]
