"""Analytics' suggested weights reach the programme's managers beside the current ones.

Delivered through the app's consumer path (inbox and effect in one transaction); an older
suggestion arriving late does not replace a newer one, and nothing changes the policy.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from uuid import UUID, uuid4

from tandem_contracts import Envelope
from tandem_contracts.analytics import CriterionWeight, MatchingWeightsSuggested
from tandem_kit.testing import assert_problem
from tests.matching.integration.helpers import Api


def _suggestion(programme: str, at: datetime, availability: float) -> Envelope:
    event = MatchingWeightsSuggested(
        programme_id=UUID(programme),
        suggestion_id=uuid4(),
        weights=[
            CriterionWeight(criterion="availability", suggested=availability),
            CriterionWeight(criterion="skills_goals", suggested=round(1 - availability, 4)),
        ],
        relationships_used=40,
        outcome="completion",
    )
    return Envelope.wrap(event).model_copy(update={"time": at})


async def test_managers_see_the_latest_suggestion_beside_their_weights(api: Api) -> None:
    pid = await api.programme()
    path = f"/v1/programmes/{pid}/suggested-weights"
    manager = api.tokens.manager(pid)
    assert_problem(await api.client.get(path, headers=manager), 404, "no_suggestion")

    before = await api.call("GET", f"/v1/programmes/{pid}", manager)
    newer = _suggestion(pid, datetime(2026, 3, 2, tzinfo=UTC), 0.7)
    older = _suggestion(pid, datetime(2026, 3, 1, tzinfo=UTC), 0.2)
    assert await api.running.deliver(newer)
    assert await api.running.deliver(older)  # late: kept out
    got = await api.call("GET", path, manager)
    assert got["suggestion_id"] == json.loads(newer.data)["suggestion_id"]
    assert got["relationships_used"] == 40
    assert got["outcome"] == "completion"
    assert got["suggested_at"] == "2026-03-02T00:00:00Z"
    lines = {line["criterion"]: line for line in got["weights"]}
    assert lines["availability"]["suggested"] == 0.7
    assert lines["skills_goals"]["suggested"] == 0.3
    # every current criterion is shown, normalised, including those without a suggestion
    assert abs(sum(line["current"] for line in got["weights"]) - 1) < 1e-3
    assert lines["sector"]["suggested"] is None

    after = await api.call("GET", f"/v1/programmes/{pid}", manager)
    assert after["policy"] == before["policy"]  # a suggestion, never a change: the manager decides

    assert_problem(await api.client.get(path, headers=api.tokens.mentee(pid, "ana")), 403)
    assert_problem(await api.client.get(path, headers=api.tokens.nobody("eve")), 404)
