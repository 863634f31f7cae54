"""The learned model over live relationships: where a programme's training chose the
model, the risk evaluation scores each active relationship from the read models and
flags it with the features that raised the score; the rules stay for the others.

The live weekly history is checked against the simulator's own fold of the same events
(``tests/support/risk_simulation.history_of``, the history a CSV import carries), so the
model scores live relationships on the very figures it was trained on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from tandem_analytics.adapters.risk_model_scoring import live_histories
from tandem_analytics.domain.training_data import to_csv
from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.service import risk_model_store
from tandem_analytics.service.context import Context
from tandem_analytics.service.risk_flags import evaluation_tick
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts import Envelope
from tandem_contracts.analytics import RelationshipAtRisk, RiskReasonCode, RiskSource
from tandem_kit.clock import ManualClock
from tandem_kit.testing import isolated_settings, run_app
from tests.support.risk_simulation import (
    SimulatedRelationship,
    history_of,
    simulate_programme,
    timed_events,
)

RULE_CODES = {
    RiskReasonCode.NO_TWO_WAY_CONTACT,
    RiskReasonCode.MESSAGE_UNANSWERED,
    RiskReasonCode.ACTIVITY_WINDOW_MISSED,
    RiskReasonCode.AGREEMENT_NOT_ACCEPTED,
    RiskReasonCode.PARTICIPANT_ISOLATED,
}


def _start(r: SimulatedRelationship) -> datetime:
    # The simulator counts weeks from midnight of the start day (UTC).
    return datetime.combine(r.started_on, time(0), tzinfo=UTC)


def _envelopes(r: SimulatedRelationship, before: datetime) -> Iterator[Envelope]:
    for at, event in timed_events(r):
        if at < before:
            yield Envelope.wrap(event).model_copy(update={"time": at})


async def test_the_live_history_is_the_one_a_csv_import_carries(tmp_path: Path) -> None:
    settings = isolated_settings(AnalyticsSettings, tmp_path, service_name="analytics")
    simulated = simulate_programme(seed=11, cohorts=1, per_cohort=8)
    later = max(r.ended_on for r in simulated) + timedelta(days=30)
    now = datetime.combine(later, time(0), tzinfo=UTC)
    app = create_app(settings, clock=ManualClock(now))
    async with run_app(app, settings, definition=DEFINITION) as running:
        for r in simulated:
            for envelope in _envelopes(r, now):
                await running.deliver(envelope)
        async with running.runtime.database.transaction() as session:
            live = await live_histories(session, [r.relationship_id for r in simulated], now)
    for r in simulated:
        expected = history_of(r)
        got = live[r.relationship_id]
        assert got.started_on == expected.started_on
        # Check-in answers are sealed and never read one by one: a live history has none.
        want = tuple(replace(w, check_in_score=None) for w in expected.weeks)
        assert got.weeks[: len(want)] == want, r.relationship_id


async def test_a_programme_whose_model_won_is_flagged_by_the_model(tmp_path: Path) -> None:
    simulated = simulate_programme(seed=5, cohorts=3, per_cohort=40)
    earlier = [r for r in simulated if r.cohort < 2]
    live = [r for r in simulated if r.cohort == 2]
    programme = simulated[0].programme_id
    now = _start(live[0]) + timedelta(weeks=8, hours=1)
    settings = isolated_settings(AnalyticsSettings, tmp_path, service_name="analytics")
    app = create_app(settings, clock=ManualClock(now))
    async with run_app(app, settings, definition=DEFINITION) as running:
        manager = running.bearer("mia", manager=[str(programme)])
        body = to_csv([(f"earlier-{i}", history_of(r)) for i, r in enumerate(earlier)])
        imported = await running.client.post(
            f"/v1/programmes/{programme}/training-data",
            content=body,
            headers={**manager, "content-type": "text/csv"},
        )
        assert imported.status_code == 201, imported.text
        assert imported.json()["model"]["decision"] == "model"
        for r in live:
            for envelope in _envelopes(r, now):
                await running.deliver(envelope)
        active = [r for r in live if _start(r) <= now and r.ended_on > now.date()]
        assert len(active) > 10

        await evaluation_tick(Context.of(running.runtime), now)

        flagged = await running.outbox(RelationshipAtRisk)
        assert flagged, "the model flagged no live relationship"
        async with running.runtime.database.transaction() as session:
            model = await risk_model_store.model_for(session, programme)
        assert model is not None
        for event in flagged:
            assert event.source is RiskSource.MODEL
            assert event.score is not None
            assert event.score >= model.threshold
            assert event.reasons
            assert not {r.code for r in event.reasons} & RULE_CODES
            assert all(r.value is not None and r.threshold is None for r in event.reasons)
        # Those it flagged end early more often than those it did not (the simulator's
        # hazard drives the endings; the model was trained on the earlier cohorts).
        ids = {e.relationship_id for e in flagged}
        early = {r.relationship_id for r in active if r.outcome.value == "ended_early"}
        share_flagged = len(ids & early) / len(ids)
        calm = {r.relationship_id for r in active} - ids
        share_calm = len(calm & early) / len(calm) if calm else 0.0
        assert share_flagged > share_calm, (share_flagged, share_calm)

        listed = await running.client.get(f"/v1/programmes/{programme}/risk-flags", headers=manager)
        assert listed.status_code == 200, listed.text
        assert {f["source"] for f in listed.json()["items"]} == {"model"}
