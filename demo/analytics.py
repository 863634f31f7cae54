"""The demo's analytics part: the manager's programme dashboard and a CSV export.

Analytics builds its figures from the events the other services published during the
demo (relationships started, messages posted, kick-offs scheduled), so the demo waits
until the dashboard counts every relationship the flow started, then prints it and saves
the programme's CSV export beside the demo's databases.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx2

from demo.client import Api


@dataclass(frozen=True)
class Export:
    path: Path
    rows: int


def wait_for_dashboard(
    analytics: Api, manager: str, programme_id: str, relationships: int, timeout: float = 120
) -> dict[str, Any]:
    """The dashboard once it counts ``relationships`` (analytics consumes asynchronously)."""
    deadline = time.monotonic() + timeout
    while True:
        dashboard: dict[str, Any] = analytics.call(
            "GET", f"/v1/programmes/{programme_id}/dashboard", manager
        )
        if dashboard["relationships"] >= relationships or time.monotonic() > deadline:
            return dashboard
        time.sleep(1)


def _hours(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} h"


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def dashboard_lines(dashboard: dict[str, Any]) -> list[str]:
    """What the manager's dashboard says, a few lines of it."""
    weeks = dashboard["messages_per_week"]
    modes = ", ".join(
        f"{m['mode']} {m['planned']} planned / {m['held']} held"
        for m in dashboard["meetings_by_mode"]
    )
    return [
        f"  {dashboard['relationships']} relationships: {dashboard['active']} active, "
        f"{dashboard['completed']} completed, {dashboard['ended_early']} ended early "
        f"(drop-out rate {_share(dashboard['drop_out_rate'])})",
        f"  messages this week: {weeks[-1]['messages'] if weeks else 0}; response time "
        f"p50 {_hours(dashboard['response_time_p50_hours'])}, "
        f"p90 {_hours(dashboard['response_time_p90_hours'])}",
        f"  meetings by mode: {modes or 'none yet'}",
        f"  isolated participants (no contact for {dashboard['isolation_days']} days, or "
        f"never posted): {len(dashboard['isolated_participants'])}",
    ]


def export_csv(base_url: str, manager: str, programme_id: str, target: Path) -> Export:
    """Stream the programme's CSV export to ``target`` as a spreadsheet would get it."""
    with httpx2.stream(
        "GET",
        f"{base_url}/v1/programmes/{programme_id}/export.csv",
        headers={"Authorization": f"Bearer {manager}"},
        timeout=60,
    ) as response:
        response.raise_for_status()
        with target.open("wb") as out:
            for chunk in response.iter_bytes():
                out.write(chunk)
    lines = target.read_bytes().count(b"\r\n")
    return Export(target, max(lines - 1, 0))  # less the header line
