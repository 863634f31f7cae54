"""Analytics' writes, as the other services' (``test_idempotency_services``): a retry after
a lost response acts once.

Its one creating POST (the training-data import, a CSV) replays its first answer for the
same key and body and writes nothing more; its PUTs (risk thresholds, check-in plan) need
no key: repeated after a lost response they answer the same and change no row.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from uuid import uuid4

import pytest

from tandem_analytics.domain.training_data import to_csv
from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_kit.clock import ManualClock
from tandem_kit.testing import isolated_settings, run_app
from tests.analytics.integration.readmodels_history import History
from tests.analytics.integration.test_authorization_matrix import CHECK_IN_PLAN, THRESHOLDS
from tests.contract.test_idempotency_services import (
    Creation,
    ResponseLost,
    check_retry,
    concrete,
    creating_operations,
    losing_responses,
    row_counts,
)
from tests.support.risk_simulation import history_of, simulate_programme


def training_file() -> bytes:
    simulated = simulate_programme(seed=5, cohorts=2, per_cohort=20)
    return to_csv([(f"earlier-{i}", history_of(r)) for i, r in enumerate(simulated)]).encode()


async def test_every_write_of_analytics_acts_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = isolated_settings(AnalyticsSettings, tmp_path)
    app = create_app(settings, clock=ManualClock(datetime(2026, 3, 1, 9, 30, tzinfo=UTC)))
    with losing_responses(monkeypatch) as armed:
        async with run_app(app, settings, definition=DEFINITION) as running:
            history = History()  # the plan needs the programme (its languages) from matching
            history.created(uuid4())
            for envelope in history.envelopes:
                await running.deliver(envelope)
            programme = history.programme
            manager = running.bearer("mia", manager=[str(programme)])
            path = f"/v1/programmes/{programme}/training-data"
            csv = Creation(path, {**manager, "content-type": "text/csv"}, files=training_file())
            operations = creating_operations(running.app.openapi())
            assert (
                {op for op in operations if concrete(op, csv)}
                == operations
                == {"/v1/programmes/{programme_id}/training-data"}
            )
            await check_retry(running.client, running.runtime.database, armed, csv)

            for put, body in (("risk-thresholds", THRESHOLDS), ("check-in-plan", CHECK_IN_PLAN)):
                url = f"/v1/programmes/{programme}/{put}"
                database = running.runtime.database
                before = await row_counts(database)
                armed[0] = True
                try:
                    lost = await running.client.put(url, json=body, headers=manager)
                except ResponseLost:
                    pass
                else:  # a client that does not raise app errors sees the server's 500
                    assert lost.status_code == 500, lost.text
                after_commit = await row_counts(database)
                assert after_commit != before, put  # the write was committed
                retried = await running.client.put(url, json=body, headers=manager)
                assert retried.status_code == 200, retried.text
                again = await running.client.put(url, json=body, headers=manager)
                assert again.json() == retried.json()
                assert await row_counts(database) == after_commit, put
