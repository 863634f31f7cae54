"""The dashboards Grafana provisions are exactly what tools/dashboards.py generates.

A hand edit of deploy/grafana/dashboards/*.json, or a change to the generator without
regenerating, fails here (``uv run python tools/dashboards.py`` rewrites the files).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from tools import dashboards


def test_every_committed_dashboard_is_the_generators_output() -> None:
    committed = {path.name for path in dashboards.DASHBOARDS.glob("*.json")}
    generated = {dashboards.path_of(board).name for board in dashboards.BOARDS}
    assert committed == generated, "a dashboard JSON that the generator does not write"
    for board in dashboards.BOARDS:
        on_disk = dashboards.path_of(board).read_text()
        assert on_disk == dashboards.text(board), (
            f"{dashboards.path_of(board).name} differs from the generator's output: "
            "run `uv run python tools/dashboards.py`"
        )
    assert dashboards.main(["--check"]) == 0


def test_a_changed_file_is_reported_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dashboards, "DASHBOARDS", tmp_path)
    assert dashboards.main(["--check"]) == 1  # nothing written yet
    assert dashboards.main([]) == 0
    assert dashboards.main(["--check"]) == 0
    path = dashboards.path_of(dashboards.SYSTEM)
    path.write_text(path.read_text().replace("Request rate", "Requests"))
    assert dashboards.main(["--check"]) == 1


def test_uids_are_stable_and_panel_ids_unique() -> None:
    assert [b.uid for b in dashboards.BOARDS] == ["tandem-system", "tandem-programmes"]
    for board in dashboards.BOARDS:
        model = dashboards.render(board)
        assert model["uid"] == board.uid
        ids = Counter(panel["id"] for panel in model["panels"])
        assert all(count == 1 for count in ids.values()), ids
        for panel in model["panels"]:
            if panel["type"] == "row":
                continue
            assert panel["targets"], panel["title"]
            for target in panel["targets"]:
                assert target["datasource"] == {"type": "prometheus", "uid": "prometheus"}
                assert target["expr"].strip()
        assert json.loads(dashboards.text(board)) == model


def test_programmes_dashboard_filters_every_query_by_its_programme_variable() -> None:
    model = dashboards.render(dashboards.PROGRAMMES)
    [variable] = model["templating"]["list"]
    assert variable["name"] == "programme"
    for panel in model["panels"]:
        for target in panel.get("targets", []):
            assert 'programme=~"$programme"' in target["expr"], panel["title"]
