"""A programme's dashboard as the page draws it: analytics' figures laid out as charts
(server-rendered SVG, so no script is needed and the CSP's no-inline rule holds) with
the same figures as tables beside them. Pure geometry: coordinates in the SVG's own
units; the template only writes them out. Colours come from ``tandem.css`` classes
(``series-N``), never inline styles."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

WIDTH, HEIGHT = 640.0, 260.0
LEFT, RIGHT, TOP, BOTTOM = 48.0, 16.0, 16.0, 56.0  # room for the axes' labels
ROW_LEFT, ROW_HEIGHT = 160.0, 32.0  # a row chart's room for "DE, 6 months after"
TICK_ROOM = 28.0  # under a row chart: its count labels (the legend below them)


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: int  # its colour class, series-N
    value: float


@dataclass(frozen=True, slots=True)
class Group:
    label: str
    centre: float  # x of its label
    bars: tuple[Bar, ...]


@dataclass(frozen=True, slots=True)
class Tick:
    y: float
    value: float


@dataclass(frozen=True, slots=True)
class BarChart:
    groups: tuple[Group, ...]
    ticks: tuple[Tick, ...]
    width: float = WIDTH
    height: float = HEIGHT
    baseline: float = HEIGHT - BOTTOM

    @property
    def empty(self) -> bool:
        return not self.groups


def _nice_top(largest: float) -> float:
    """A round axis top at or above ``largest`` (1, 2, 5 × a power of ten)."""
    if largest <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(largest))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= largest)


def _ticks(top: float, scale: float) -> tuple[Tick, ...]:
    return tuple(Tick(HEIGHT - BOTTOM - top * i / 4 * scale, top * i / 4) for i in range(5))


def bar_chart(groups: Sequence[tuple[str, Sequence[float]]], stacked: bool = False) -> BarChart:
    """Bars per group (one per series, side by side, or stacked), on one scale from 0."""
    if not groups:
        return BarChart((), ())
    largest = max((sum(v) if stacked else max(v, default=0)) for _, v in groups)
    # Counts: four whole ticks of a round step (1, 2, 5 × a power of ten), e.g. 0-4, 0-20.
    top = 4 * _nice_top(max(largest / 4, 1.0))
    plot_height = HEIGHT - TOP - BOTTOM
    scale = plot_height / top
    slot = (WIDTH - LEFT - RIGHT) / len(groups)
    built = []
    for i, (label, values) in enumerate(groups):
        start = LEFT + i * slot + slot * 0.15
        inner = slot * 0.7
        bars, stack = [], 0.0
        for series, value in enumerate(values):
            height = value * scale
            if stacked:
                y = HEIGHT - BOTTOM - stack - height
                bars.append(Bar(start, y, inner, height, series, value))
                stack += height
            else:
                width = inner / max(len(values), 1)
                x = start + series * width
                bars.append(Bar(x, HEIGHT - BOTTOM - height, width, height, series, value))
        built.append(Group(label, start + inner / 2, tuple(bars)))
    return BarChart(tuple(built), _ticks(top, scale))


@dataclass(frozen=True, slots=True)
class StepLine:
    """Kaplan–Meier's share still active, a step down after each week with early ends."""

    path: str  # the SVG path's d
    points: tuple[tuple[float, float, str], ...]  # x, y of each week's label, and the label
    ticks: tuple[Tick, ...]
    width: float = WIDTH
    height: float = HEIGHT
    baseline: float = HEIGHT - BOTTOM

    @property
    def empty(self) -> bool:
        return not self.path


def step_line(weeks: Sequence[tuple[int, float]]) -> StepLine:
    """``weeks``: (programme week, share active after it), in order; the curve starts at
    1 (every relationship active) and steps to each week's share at that week's end."""
    if not weeks:
        return StepLine("", (), ())
    plot_height = HEIGHT - TOP - BOTTOM
    last = max(w for w, _ in weeks) + 1
    step = (WIDTH - LEFT - RIGHT) / last

    def y(share: float) -> float:
        return HEIGHT - BOTTOM - share * plot_height

    parts = [f"M {LEFT:.1f} {y(1.0):.1f}"]
    for week, share in weeks:
        parts.append(f"H {LEFT + (week + 1) * step:.1f} V {y(share):.1f}")
    parts.append(f"H {LEFT + last * step:.1f}")
    labels = tuple((LEFT + (w + 0.5) * step, HEIGHT - BOTTOM + 18, str(w + 1)) for w, _ in weeks)
    return StepLine(" ".join(parts), labels, _ticks(1.0, plot_height))


@dataclass(frozen=True, slots=True)
class Row:
    label: tuple[str, str]  # (group, detail): the country and the stage asked at
    middle: float  # y of its label
    bars: tuple[Bar, ...]  # its segments, left to right


@dataclass(frozen=True, slots=True)
class XTick:
    x: float
    value: float


@dataclass(frozen=True, slots=True)
class RowChart:
    """Stacked horizontal bars, one row per group (outcomes by country and stage): the
    labels are longer than a column's width, so the groups run down the page."""

    rows: tuple[Row, ...]
    ticks: tuple[XTick, ...]
    width: float = WIDTH
    height: float = HEIGHT
    left: float = ROW_LEFT
    baseline: float = HEIGHT - BOTTOM  # y of the count axis, under the last row

    @property
    def empty(self) -> bool:
        return not self.rows


def row_chart(rows: Sequence[tuple[tuple[str, str], Sequence[float]]]) -> RowChart:
    """One stacked bar per row (a segment per series, left to right), on one count scale
    from 0 so that rows of different sizes compare; the chart grows with its rows."""
    if not rows:
        return RowChart((), ())
    largest = max(sum(v) for _, v in rows)
    top = 4 * _nice_top(max(largest / 4, 1.0))
    scale = (WIDTH - ROW_LEFT - RIGHT) / top
    baseline = TOP + len(rows) * ROW_HEIGHT
    built = []
    for i, (label, values) in enumerate(rows):
        y, x, bars = TOP + i * ROW_HEIGHT + ROW_HEIGHT * 0.15, ROW_LEFT, []
        for series, value in enumerate(values):
            bars.append(Bar(x, y, value * scale, ROW_HEIGHT * 0.7, series, value))
            x += value * scale
        built.append(Row(label, TOP + (i + 0.5) * ROW_HEIGHT, tuple(bars)))
    ticks = tuple(XTick(ROW_LEFT + top * i / 4 * scale, top * i / 4) for i in range(5))
    return RowChart(tuple(built), ticks, WIDTH, baseline + TICK_ROOM, ROW_LEFT, baseline)


Label = tuple[str, str]  # a row's group and, translated by the page, its detail


def outcome_rows(
    countries: Sequence[Mapping[str, Any]], statuses: Sequence[str]
) -> tuple[list[tuple[Label, list[float]]], list[Label]]:
    """Analytics' outcome figures (``outcome_summary``'s countries, by country then stage)
    as the row chart's rows, labelled (country, stage), one value per status in
    ``statuses``' order; and the (country, stage) groups analytics suppressed (too few
    answers to show), which the chart names instead of drawing."""
    rows: list[tuple[Label, list[float]]] = []
    suppressed: list[Label] = []
    for group in countries:
        label = (str(group["country"]), str(group["stage"]))
        figures = group.get("statuses")
        if group["suppressed"] or figures is None:
            suppressed.append(label)
        else:
            rows.append((label, [float(figures.get(s, 0)) for s in statuses]))
    return rows, suppressed


def response_rate(rounds: Sequence[tuple[int, int]]) -> float | None:
    """Check-ins answered of those asked, over every round (None before any was asked)."""
    asked = sum(a for a, _ in rounds)
    return sum(answered for _, answered in rounds) / asked if asked else None
