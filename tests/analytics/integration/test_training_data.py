"""A programme's managers import finished relationships (CSV); the model retrains on them.

All rows or none: a bad cell is a 422 naming line and column, and no row is written.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID, uuid4

from sqlalchemy import func, select

from tandem_analytics.adapters.tables import risk_models, risk_training_histories
from tandem_analytics.domain.training_data import to_csv
from tandem_analytics.main import DEFINITION, create_app
from tandem_analytics.settings import AnalyticsSettings
from tandem_kit.clock import ManualClock
from tandem_kit.testing import assert_problem, isolated_settings, run_app
from tandem_kit.testing.app import RunningApp
from tests.support.risk_simulation import history_of, simulate_programme

CSV = {"content-type": "text/csv"}


def _file(per_cohort: int = 40) -> str:
    simulated = simulate_programme(seed=5, cohorts=2, per_cohort=per_cohort)
    return to_csv([(f"earlier-{i}", history_of(r)) for i, r in enumerate(simulated)])


async def _rows(running: RunningApp[AnalyticsSettings]) -> tuple[int, int]:
    async with running.runtime.database.sessions() as session:
        histories = await session.scalar(select(func.count()).select_from(risk_training_histories))
        models = await session.scalar(select(func.count()).select_from(risk_models))
    return int(histories or 0), int(models or 0)


async def test_an_import_trains_the_model_and_a_reimport_replaces(tmp_path: Path) -> None:
    settings = isolated_settings(AnalyticsSettings, tmp_path, service_name="analytics")
    programme = uuid4()
    app = create_app(settings, clock=ManualClock(datetime(2026, 3, 1, 9, 30, tzinfo=UTC)))
    async with run_app(app, settings, definition=DEFINITION) as running:
        path = f"/v1/programmes/{programme}/training-data"
        manager = running.bearer("mia", manager=[str(programme)])
        before = (await running.client.get(path, headers=manager)).json()
        assert (before["decision"], before["used"], before["fitted_at"]) == (
            "too_little_history",
            False,
            None,
        )

        body = _file()
        response = await running.client.post(path, content=body, headers={**manager, **CSV})
        assert response.status_code == 201, response.text
        report = response.json()
        assert UUID(report["import_id"])
        assert report["rows"] == body.count("\n") - 1
        assert report["relationships"] == report["relationships_held"] == 80
        model = report["model"]
        assert (model["decision"], model["used"], model["finished_relationships"]) == (
            "model",
            True,
            80,
        )
        assert model["model_auc"] > model["rules_auc"]
        assert model["trained_on"] + model["held_out"] == 80
        assert (await running.client.get(path, headers=manager)).json() == model

        again = await running.client.post(path, content=body, headers={**manager, **CSV})
        assert again.status_code == 201, again.text
        assert again.json()["relationships_held"] == 80
        assert await _rows(running) == (80, 1)

        # A few relationships are too little history: stored as such, the rules alone.
        other = uuid4()
        few = "\n".join(body.splitlines()[:60]) + "\n"
        response = await running.client.post(
            f"/v1/programmes/{other}/training-data",
            content=few,
            headers={**running.bearer("root", admin=True), **CSV},
        )
        assert response.status_code == 201, response.text
        assert response.json()["model"]["decision"] == "too_little_history"
        assert response.json()["model"]["used"] is False


async def test_roles_and_bad_files_import_nothing(tmp_path: Path) -> None:
    settings = isolated_settings(
        AnalyticsSettings, tmp_path, service_name="analytics", training_data_max_bytes=64 * 1024
    )
    programme = uuid4()
    app = create_app(settings, clock=ManualClock(datetime(2026, 3, 1, tzinfo=UTC)))
    async with run_app(app, settings, definition=DEFINITION) as running:
        path = f"/v1/programmes/{programme}/training-data"
        manager = {**running.bearer("mia", manager=[str(programme)]), **CSV}
        mentee = {**running.bearer("ana", mentee=[str(programme)]), **CSV}
        stranger = {**running.bearer("eve", manager=[str(uuid4())]), **CSV}
        good = _file(per_cohort=4)
        header, first, *rest = good.splitlines()

        assert_problem(await running.client.post(path, content=good, headers=CSV), 401)
        assert_problem(
            await running.client.post(path, content=good, headers=mentee), 403, "managers_only"
        )
        assert_problem(await running.client.get(path, headers=mentee), 403, "managers_only")
        assert_problem(await running.client.post(path, content=good, headers=stranger), 404)
        assert_problem(
            await running.client.post(
                path, content=good, headers={**manager, "content-type": "application/json"}
            ),
            415,
        )

        def bad_cell(column: str, value: str, line: int = 3) -> str:
            names = header.split(",")
            lines = [header, first, *rest]
            cells = lines[line - 1].split(",")
            cells[names.index(column)] = value
            lines[line - 1] = ",".join(cells)
            return "\n".join(lines) + "\n"

        for content, line, column in (
            (bad_cell("mentor_messages", "-1"), 3, "mentor_messages"),
            (bad_cell("check_in_score", "7"), 3, "check_in_score"),
            (bad_cell("outcome", "dropped"), 3, "outcome"),
            (bad_cell("mentor_latency_hours", "nan"), 3, "mentor_latency_hours"),
            (bad_cell("started_on", "2024-13-01"), 3, "started_on"),
            (bad_cell("ended_on", "2031-01-01"), 3, "ended_on"),  # disagrees with line 2
            (bad_cell("week", "5", line=2), 2, "week"),  # week 0 missing, 5 twice
        ):
            response = await running.client.post(path, content=content, headers=manager)
            problem = assert_problem(response, 422, "invalid_rows")
            assert {"line": line, "column": column} in [
                {"line": e["line"], "column": e["column"]} for e in problem["errors"]
            ], problem

        for unreadable in (
            b"",
            (header.replace("no_shows", "noshows") + "\n" + first + "\n").encode(),
            (header + "\n").encode(),
            (header + ",extra\n" + first + ",1\n").encode(),
            b"\xff\xfe" + header.encode(),
        ):
            response = await running.client.post(path, content=unreadable, headers=manager)
            assert_problem(response, 422, "invalid_csv")
        short = header + "\n" + first.rsplit(",", 1)[0] + "\n"
        problem = assert_problem(
            await running.client.post(path, content=short, headers=manager), 422, "invalid_rows"
        )
        assert problem["errors"][0] == {
            "line": 2,
            "column": None,
            "problem": "16 cells for 17 columns",
        }

        big = good + "\n".join([rest[-1]] * 2000)
        assert len(big) > 64 * 1024
        assert_problem(await running.client.post(path, content=big, headers=manager), 413)

        assert await _rows(running) == (0, 0)
        response = await running.client.post(path, content=good, headers=manager)
        assert response.status_code == 201, response.text
        assert await _rows(running) == (8, 1)
