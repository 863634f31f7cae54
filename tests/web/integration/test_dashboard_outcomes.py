"""The dashboard's employment-outcomes chart against the real platform: after the
mentees of ended relationships recorded their status through analytics' API
(``tests/web/platform_outcomes.py``), each bar segment of the chart and each cell of its
data table carry the figures analytics' ``outcome_summary`` gives, on one scale; the
group analytics suppresses is named in the chart's description and not drawn."""

from __future__ import annotations

import re
from typing import Any

import pytest

from demo.client import Api
from tests.web.integration.test_participant_pages import signed_in
from tests.web.platform import Platform, wait_for
from tests.web.platform_outcomes import ANSWERS, Outcomes, outcomes

pytestmark = [pytest.mark.kafka, pytest.mark.slow]
__all__ = ["outcomes"]  # the fixture, imported for pytest
STATUSES = ("employed", "in_training", "self_employed", "still_searching", "other")
NAMES = {
    "employed": "Employed",
    "in_training": "In training or education",
    "self_employed": "Self-employed",
    "still_searching": "Still looking for work",
    "other": "Something else",
}
SEGMENT = re.compile(
    r'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="[\d.]+" '
    r'class="series-(\d)"><title>([^<:]+): (\d+)</title></rect>'
)


def summary(platform: Platform, found: Outcomes) -> Any:
    return Api(platform.urls["analytics"]).call(
        "GET", f"/v1/programmes/{found.programme_id}/outcomes", found.token
    )


def test_the_outcomes_chart_carries_analytics_outcome_summary(
    platform: Platform, outcomes: Outcomes
) -> None:
    pid = outcomes.programme_id

    # Each answer is kept as it is recorded (no consumer between): this waits for none.
    def complete() -> Any:
        found = summary(platform, outcomes)
        answers = sum(c["answered"] for c in found["countries"])
        return found if answers == sum(map(len, ANSWERS.values())) else None

    figures = wait_for("every answer in analytics' summary", complete)
    shown = [c for c in figures["countries"] if not c["suppressed"]]
    hidden = [c for c in figures["countries"] if c["suppressed"]]
    assert [(c["country"], c["stage"]) for c in shown] == [("DE", "closure")]
    assert [(c["country"], c["stage"]) for c in hidden] == [("GR", "closure")]
    assert figures["min_group"] == 5
    assert shown[0]["statuses"] == {s: ANSWERS["DE"].count(s) for s in STATUSES}

    with signed_in(platform.urls["web"], outcomes.manager) as browser:
        page = browser.get(f"/programmes/{pid}/dashboard")
    assert page.status_code == 200, page.text
    chart = re.search(
        r'<svg[^>]*aria-labelledby="outcomes-chart-title[^>]*>(.*?)</svg>', page.text, re.S
    )
    assert chart is not None, page.text
    svg = chart.group(1)
    assert '<title id="outcomes-chart-title">Employment outcomes by country</title>' in svg
    desc = re.search(r'<desc id="outcomes-chart-desc">([^<]*)</desc>', svg)
    assert desc is not None
    assert "Not drawn, with fewer than 5 answers to show: GR (the end)." in desc.group(1)
    assert ">GR, " not in svg  # the suppressed group has no bar
    below = page.text[page.text.index("</svg>", chart.end() - 6) :]
    assert (
        '<p class="meta">Not drawn, with fewer than 5 answers to show: GR (the end).</p>' in below
    )
    assert ">DE, the end</text>" in svg

    segments = SEGMENT.findall(svg)
    assert [(int(s), name, int(v)) for _, _, _, s, name, v in segments] == [
        (i, NAMES[status], shown[0]["statuses"][status]) for i, status in enumerate(STATUSES)
    ]
    # One row, its segments end to end, each as wide as its count on one scale.
    xs = [float(x) for x, _, _, _, _, _ in segments]
    widths = [float(w) for _, _, w, _, _, _ in segments]
    assert len({y for _, y, _, _, _, _ in segments}) == 1
    for before, after, width in zip(xs, xs[1:], widths, strict=False):
        assert after == pytest.approx(before + width, abs=0.2)
    per_answer = {w / int(v) for (*_, v), w in zip(segments, widths, strict=True) if int(v)}
    assert max(per_answer) - min(per_answer) < 0.2
    for i, _ in enumerate(STATUSES):  # the legend: a swatch and a name per status
        assert svg.count(f'class="series-{i}"') == 2

    table = re.search(
        r"<caption>Employment outcomes by country</caption>(.*?)</table>", page.text, re.S
    )
    assert table is not None
    rows = {
        m.group(1): re.findall(r"<td[^>]*>([^<]*)</td>", m.group(2))
        for m in re.finditer(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', table.group(1))
    }
    de, gr = shown[0], hidden[0]
    assert rows["DE"] == [
        "the end",
        str(de["asked"]),
        str(de["answered"]),
        *(str(de["statuses"][s]) for s in STATUSES),
    ]
    assert rows["GR"] == [
        "the end",
        str(gr["asked"]),
        str(gr["answered"]),
        "fewer than 5 answers: not shown",
    ]
