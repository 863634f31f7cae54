"""Learned match weights: proposals' criterion scores and outcomes in, a suggestion out.

In the simulated programme completion depends on the availability and skills scores and
not at all on the sector score, so the suggestion must weigh the first two and leave the
third near nothing. Events are delivered through the app's consumer path (inbox row and
effect in one transaction), in a shuffled order, then all of them again.
"""

from __future__ import annotations

import math
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID, uuid4

from tandem_analytics.domain.match_weights import FinishedMatch, suggest
from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_contracts import Envelope, Event
from tandem_contracts.analytics import MatchingWeightsSuggested
from tandem_contracts.common import MentoringFormat
from tandem_contracts.matching import EndedBy, EndReason, MatchProposed, RelationshipEnded
from tandem_kit.clock import ManualClock
from tandem_kit.testing import isolated_settings, run_app

CRITERIA = ("availability", "sector", "skills_goals")


def _programme(seed: int, pairs: int) -> list[tuple[dict[str, float], bool]]:
    rng = random.Random(seed)
    out = []
    for _ in range(pairs):
        scores = {c: round(rng.random(), 4) for c in CRITERIA}
        z = -1.0 + 3.0 * scores["availability"] + 1.5 * scores["skills_goals"]
        out.append((scores, rng.random() < 1 / (1 + math.exp(-z))))
    return out


def test_the_suggestion_follows_the_criteria_that_go_with_completion() -> None:
    data = _programme(seed=4, pairs=400)
    suggested = suggest([FinishedMatch(s, done) for s, done in data])
    assert suggested is not None
    weights = dict(suggested.weights)
    assert math.isclose(sum(weights.values()), 1.0, abs_tol=1e-3)
    assert weights["availability"] > weights["skills_goals"] > weights["sector"]
    assert weights["sector"] < 0.1
    assert suggested.relationships_used == 400
    assert suggest([FinishedMatch(s, done) for s, done in data[:10]]) is None  # too few
    assert suggest([FinishedMatch(s, True) for s, _ in data]) is None  # one outcome only


def _events(programme_id: UUID, data: list[tuple[dict[str, float], bool]]) -> list[Envelope]:
    start = datetime(2025, 1, 6, tzinfo=UTC)
    out: list[Envelope] = []
    for i, (scores, completed) in enumerate(data):
        rid = uuid4()
        proposed: Event = MatchProposed(
            programme_id=programme_id,
            relationship_id=rid,
            match_run_id=None,
            mentor_id=uuid4(),
            mentee_ids=[uuid4()],
            format=MentoringFormat.PAIR,
            score=0.5,
            criterion_scores=scores,
        )
        ended: Event = RelationshipEnded(
            programme_id=programme_id,
            relationship_id=rid,
            outcome="completed" if completed else "ended_early",
            ended_by=EndedBy.SYSTEM if completed else EndedBy.MENTEE,
            reason=EndReason.PROGRAMME_COMPLETED if completed else EndReason.NO_TIME,
        )
        for event, at in ((proposed, start), (ended, start + timedelta(days=90 + i))):
            out.append(Envelope.wrap(event).model_copy(update={"time": at}))
    return out


async def test_weights_are_suggested_once_from_reordered_and_redelivered_events(
    tmp_path: Path,
) -> None:
    settings = isolated_settings(AnalyticsSettings, tmp_path, service_name="analytics")
    app = create_app(settings, clock=ManualClock(datetime(2026, 3, 1, tzinfo=UTC)))
    programme = uuid4()
    envelopes = _events(programme, _programme(seed=9, pairs=60))
    random.Random(1).shuffle(envelopes)  # an end may arrive before its proposal
    async with run_app(app, settings, definition=DEFINITION) as running:
        for envelope in envelopes:
            assert await running.deliver(envelope)
        suggestions = await running.outbox(MatchingWeightsSuggested)
        assert suggestions, "no suggestion published"
        last = suggestions[-1]
        assert last.programme_id == programme
        assert last.outcome == "completion"
        assert {w.criterion for w in last.weights} == set(CRITERIA)
        assert all(w.current is None for w in last.weights)  # matching holds the current ones
        assert math.isclose(sum(w.suggested for w in last.weights), 1.0, abs_tol=1e-3)
        assert last.relationships_used <= 60
        assert len({s.suggestion_id for s in suggestions}) == len(suggestions)

        for envelope in envelopes:  # a redelivery is a no-op
            assert not await running.deliver(envelope)
        assert len(await running.outbox(MatchingWeightsSuggested)) == len(suggestions)
