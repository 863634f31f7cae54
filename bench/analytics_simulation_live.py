"""``bench/analytics_simulation_live.py``: the drop-out evaluation through the real broker.

``bench/analytics_simulation.py`` scores histories folded in-process; this one runs the
pipeline as a programme would. The simulated programme's earlier cohorts are imported
through analytics' own API (``POST /training-data``, the CSV an organisation uploads),
which fits the model and decides between it and the rules. The last cohort's contract
events are then published through the local Kafka broker, one week at a time, with the
kit's producer (as the outbox relays do), into analytics consuming with its own consumer
and handlers into its read models. At the end of each week (the clock set there) every
active relationship is scored from those read models: the rules over the signals the
risk evaluation reads (``adapters/risk_signals.py``, the default thresholds; score: the
share of the six rules that fire), and the model over the live weekly history
(``adapters/risk_model_scoring.py``); and the risk evaluation's own tick runs, whose
``relationship.at_risk`` events are counted.

Figures: AUC and Brier over the relationship-weeks (label: ends early within the model's
horizon), precision at the manager's caseload k, the median lead time from a
relationship's first flag to its early end, the share of early ends flagged and of
completed ones ever flagged. Simulated data proves the pipeline, not real-world accuracy.
Each pair agreed a two-day response time and a fortnightly cadence on day 2 (an
``agreement.accepted`` is published), as the in-process bench assumes; each member's
contact goes to the contacts topic with a time zone whose gap is the simulator's. The
simulated check-in answers are not sent: live scoring reads none (see
``domain/live_history.py``), while the imported histories carry them.

Run: ``uv run python bench/analytics_simulation_live.py [--seed 12] [--cohorts 3]
[--per-cohort 60] [--caseload 10]`` (starts the local Kafka if it is not running).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from sklearn.metrics import brier_score_loss, roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.meetings_broker import _inbox_count
from bench.meetings_broker_setup import commit_at, end_offsets, publish
from tandem_analytics.adapters import risk_signals
from tandem_analytics.adapters.risk_model_scoring import live_histories
from tandem_analytics.domain.risk_features import features_at
from tandem_analytics.domain.risk_rules import RiskThresholds, evaluate
from tandem_analytics.domain.training_data import to_csv
from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.service import risk_model_store
from tandem_analytics.service.context import Context
from tandem_analytics.service.risk_flags import evaluation_tick
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts import Envelope, Event
from tandem_contracts.analytics import RelationshipAtRisk
from tandem_contracts.common import Contact, Role
from tandem_contracts.contacts import ParticipantContact
from tandem_contracts.matching import RelationshipStarted
from tandem_contracts.messaging import AgreementAccepted, Channel
from tandem_kit.clock import ManualClock
from tandem_kit.testing import RunningApp, isolated_settings, run_app
from tests.support.risk_simulation import (
    SimulatedRelationship,
    history_of,
    simulate_programme,
    timed_events,
)

RULES = 6
WEEK = timedelta(days=7)
Week = list[tuple[uuid.UUID, float, float, bool]]  # relationship, rules, model, label


def _start(r: SimulatedRelationship) -> datetime:
    return datetime.combine(r.started_on, clock_time(0), tzinfo=UTC)


def _ended_at(r: SimulatedRelationship) -> datetime:
    return datetime.combine(r.ended_on, clock_time(12), tzinfo=UTC)


def _timed(r: SimulatedRelationship) -> Iterator[tuple[datetime, Event]]:
    """The simulator's events at their times, with what a live programme also sends: the
    members' contacts before the start (the directory's time zones give the live history
    its zone gap: the simulator's, the mentee east of the mentor) and the agreement."""
    for at, event in timed_events(r):
        if isinstance(event, RelationshipStarted):
            for member in event.members:
                east = int(r.tz_gap_hours) if member.role is Role.MENTEE else 0
                yield (
                    at - timedelta(hours=1),
                    ParticipantContact(
                        programme_id=r.programme_id,
                        participant_id=member.participant_id,
                        role=member.role,
                        contact=Contact(
                            subject=member.subject,
                            display_name="Simulated member",
                            email="member@example.org",
                            time_zone=f"Etc/GMT-{east}" if east else "UTC",
                        ),
                    ),
                )
            yield (
                at + timedelta(days=2),
                AgreementAccepted(
                    programme_id=r.programme_id,
                    relationship_id=r.relationship_id,
                    agreement_id=uuid.uuid5(r.relationship_id, "agreement"),
                    version=1,
                    channels=[Channel.MESSAGES],
                    response_time_hours=48,
                    meeting_cadence_days=14,
                    accepted_at=at + timedelta(days=2),
                    member_roles=[Role.MENTOR, Role.MENTEE],
                ),
            )
        yield at, event


def _envelopes(
    timed: list[tuple[datetime, Event]], since: datetime, until: datetime
) -> list[Envelope]:
    return [
        Envelope.wrap(e).model_copy(update={"time": at}) for at, e in timed if since <= at < until
    ]


async def _consumed(running: RunningApp[AnalyticsSettings], sent: int) -> None:
    while True:
        if await _inbox_count(running.runtime, None) >= sent:
            return
        await asyncio.sleep(0.1)


async def _scores(
    running: RunningApp[AnalyticsSettings],
    programme: uuid.UUID,
    cut: datetime,
    horizon: timedelta,
    by_id: dict[uuid.UUID, SimulatedRelationship],
) -> Week:
    thresholds = RiskThresholds()
    out: Week = []
    async with running.runtime.database.transaction() as session:
        model = await risk_model_store.model_for(session, programme)
        assert model is not None
        signals = await risk_signals.active_signals(session, cut, after=None, limit=10**6)
        histories = await live_histories(session, [s.relationship_id for s in signals], cut)
    for s in signals:
        history = histories.get(s.relationship_id)
        r = by_id.get(s.relationship_id)
        if history is None or r is None:
            continue  # younger than a week, or not of the scored cohort
        rules = len({reason.code for reason in evaluate(s, thresholds)}) / RULES
        p = model.probability(features_at(history, len(history.weeks) - 1))
        label = r.outcome.value == "ended_early" and _ended_at(r) <= cut + horizon
        out.append((s.relationship_id, rules, p, label))
    return out


def _precision_at_k(weeks: list[Week], column: int, k: int) -> float:
    shares = []
    for rows in weeks:
        if len(rows) >= k:
            top = sorted(rows, key=lambda row: (row[column], row[0].int), reverse=True)[:k]
            shares.append(sum(row[3] for row in top) / k)
    return statistics.fmean(shares) if shares else float("nan")


def _leads(
    weeks: list[tuple[datetime, Week]],
    flagged: Any,
    scored: list[SimulatedRelationship],
) -> tuple[list[float], float, float]:
    first: dict[uuid.UUID, datetime] = {}
    for cut, rows in weeks:
        for row in rows:
            if flagged(row) and row[0] not in first:
                first[row[0]] = cut
    early = [r for r in scored if r.outcome.value == "ended_early"]
    done = [r for r in scored if r.outcome.value != "ended_early"]
    leads = [
        (_ended_at(r) - first[r.relationship_id]).total_seconds() / 86400
        for r in early
        if r.relationship_id in first
    ]
    alarms = sum(1 for r in done if r.relationship_id in first)
    return leads, len(leads) / max(len(early), 1), alarms / max(len(done), 1)


async def run(args: argparse.Namespace, bootstrap: str) -> None:
    began = time.perf_counter()
    simulated = simulate_programme(args.seed, args.cohorts, args.per_cohort)
    programme = simulated[0].programme_id
    last = args.cohorts - 1
    earlier = [r for r in simulated if r.cohort < last]
    scored = [r for r in simulated if r.cohort == last]
    by_id = {r.relationship_id: r for r in scored}
    timed = sorted((pair for r in scored for pair in _timed(r)), key=lambda pair: pair[0])
    group = f"tandem.bench-simulation-{uuid.uuid4().hex[:8]}"
    # Every topic analytics consumes (the default is meetings' topics): what earlier runs
    # left in the messaging and meetings topics must not be read again.
    topics = list(DEFINITION.consumes)
    await commit_at(bootstrap, group, await end_offsets(bootstrap, topics))
    first_cut = min(_start(r) for r in scored) + WEEK
    clock = ManualClock(first_cut - WEEK)
    with tempfile.TemporaryDirectory() as folder:
        settings = isolated_settings(
            AnalyticsSettings,
            Path(folder),
            kafka_bootstrap_servers=bootstrap,
            run_consumers=True,
            kafka_consumer_group=group,
        )
        async with run_app(create_app(settings, clock=clock), settings) as running:
            manager = running.bearer("bench-manager", manager=[programme])
            csv = to_csv([(f"earlier-{i}", history_of(r)) for i, r in enumerate(earlier)])
            imported = await running.client.post(
                f"/v1/programmes/{programme}/training-data",
                content=csv,
                headers={**manager, "content-type": "text/csv"},
            )
            assert imported.status_code == 201, imported.text
            decision = imported.json()["model"]
            async with running.runtime.database.transaction() as session:
                model = await risk_model_store.model_for(session, programme)
            if model is None:
                print(f"decision: {decision['decision']} (rules alone); nothing to compare")
                return
            horizon = timedelta(weeks=model.horizon_weeks)
            weeks: list[tuple[datetime, Week]] = []
            sent, cut, published = 0, first_cut, 0.0
            since = datetime.min.replace(tzinfo=UTC)
            while since <= timed[-1][0]:
                batch = _envelopes(timed, since, cut)
                published += await publish(bootstrap, batch)
                sent += len(batch)
                await _consumed(running, sent)
                clock.set(cut)
                weeks.append((cut, await _scores(running, programme, cut, horizon, by_id)))
                await evaluation_tick(Context.of(running.runtime), cut)
                since, cut = cut, cut + WEEK
            at_risk = await running.outbox(RelationshipAtRisk)
    rows = [row for _, week in weeks for row in week]
    y = [int(row[3]) for row in rows]
    rules_p, model_p = [row[1] for row in rows], [row[2] for row in rows]
    rules_leads, rules_recall, rules_alarms = _leads(weeks, lambda row: row[1] > 0, scored)
    model_leads, model_recall, model_alarms = _leads(
        weeks, lambda row: row[2] >= model.threshold, scored
    )
    print("Drop-out risk through the real broker (simulated data proves the pipeline,")
    print("not real-world accuracy)")
    print(
        f"  {len(simulated)} relationships in {args.cohorts} cohorts; seed {args.seed}; "
        f"cohorts 0-{last - 1} imported as CSV: decision {decision['decision']} (held-out "
        f"model AUC {decision['model_auc']:.3f}, rules {decision['rules_auc']:.3f})"
    )
    print(
        f"  cohort {last}: {sent} events published in {len(weeks)} weekly batches "
        f"({published:.1f} s in the producer), consumed into the read models; "
        f"{len(rows)} relationship-weeks scored, {sum(y)} positive; the evaluation "
        f"raised {len(at_risk)} flags (source: {sorted({e.source.value for e in at_risk})})"
    )
    print(f"  {'':24}{'rules':>10}{'model':>10}")
    table = [
        ("AUC", roc_auc_score(y, rules_p), roc_auc_score(y, model_p)),
        ("Brier score", brier_score_loss(y, rules_p), brier_score_loss(y, model_p)),
        (
            f"precision at k={args.caseload}",
            _precision_at_k([w for _, w in weeks], 1, args.caseload),
            _precision_at_k([w for _, w in weeks], 2, args.caseload),
        ),
        (
            "median lead time (days)",
            statistics.median(rules_leads) if rules_leads else float("nan"),
            statistics.median(model_leads) if model_leads else float("nan"),
        ),
        ("early ends flagged", rules_recall, model_recall),
        ("completed ever flagged", rules_alarms, model_alarms),
    ]
    for name, rules_value, model_value in table:
        print(f"  {name:24}{rules_value:>10.3f}{model_value:>10.3f}")
    gain = table[0][2] - table[0][1]
    lead = statistics.median(model_leads) if model_leads else 0.0
    print(
        f"  targets: model AUC >= rules + 0.05: {'met' if gain >= 0.05 else 'NOT met'} "
        f"({gain:+.3f}); median lead time >= 14 days: {'met' if lead >= 14 else 'NOT met'}"
    )
    print(f"  took {time.perf_counter() - began:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--cohorts", type=int, default=3)
    parser.add_argument("--per-cohort", type=int, default=60)
    parser.add_argument("--caseload", type=int, default=10, help="k of precision at k")
    args = parser.parse_args()
    from tests.support.infra import ensure_kafka  # before the loop: it runs one itself

    bootstrap = ensure_kafka()
    asyncio.run(run(args, bootstrap))


if __name__ == "__main__":
    main()
