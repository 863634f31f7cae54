"""The demo's analytics part: the manager's dashboard, the at-risk relationships with
their reasons, and a CSV export.

Analytics builds its figures from the events the other services published during the
demo (relationships started, messages posted, kick-offs scheduled), so the demo waits
until the dashboard counts every relationship the flow started, then prints it and saves
the programme's CSV export beside the demo's databases.

Drop-out risk runs on the demo's time scale (`processes.RISK_DAY_SECONDS`: a threshold's
day lasts half a minute), so the demo programme's "2 days without two-way contact" flags
its silent relationships a minute after they started, and messaging mails the manager why.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.message import Message
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


# The demo programme's drop-out risk thresholds, in the demo's days (half a minute each):
# a relationship whose members have not written to each other for two days is flagged
# (two, so that every figure reads "2 days" or more); the rules a demo does not reach in
# its few minutes (no-shows, missed plan windows, agreements, isolation) are off, and so
# is "unanswered", which would flag the few pairs that talked for the mentor's last word.
RISK_THRESHOLDS: dict[str, Any] = {
    "no_contact_days": 2.0,
    "unanswered_factor": None,
    "default_response_days": 1.0,
    "missed_windows": None,
    "window_grace_days": 0,
    "no_shows": None,
    "agreement_days": None,
    "isolation_days": None,
    "nudge_members": False,
}
AT_RISK_SUBJECT = "A mentoring relationship may need you"


def set_risk_thresholds(analytics: Api, manager: str, programme_id: str) -> float:
    """The manager sets the programme's thresholds; how long a day of them lasts here."""
    saved = analytics.call(
        "PUT", f"/v1/programmes/{programme_id}/risk-thresholds", manager, json=RISK_THRESHOLDS
    )
    seconds: float = saved["day_seconds"]
    return seconds


def wait_for_risk_flags(
    analytics: Api, manager: str, programme_id: str, settle: float = 3, timeout: float = 180
) -> list[dict[str, Any]]:
    """The programme's open flags once they stop growing for ``settle`` seconds. The
    evaluation runs every second on the demo's scale: its first flags are the
    relationships that started first, two demo days ago; those accepted a little later
    follow tick by tick."""
    deadline = time.monotonic() + timeout
    flags: list[dict[str, Any]] = []
    steady_since = time.monotonic()
    while True:
        found = list(analytics.pages(f"/v1/programmes/{programme_id}/risk-flags", manager))
        if len(found) != len(flags):
            flags, steady_since = found, time.monotonic()
        elif flags and time.monotonic() - steady_since >= settle:
            return flags
        if time.monotonic() > deadline:
            return flags
        time.sleep(1)


def risk_lines(flags: list[dict[str, Any]], names: dict[str, str], shown: int = 3) -> list[str]:
    """A few flagged relationships, their members and each reason with its action, in
    the manager's words (the flags' own texts)."""
    lines = []
    for flag in flags[:shown]:
        lines.append(f"  - {names.get(flag['relationship_id'], flag['relationship_id'])}:")
        for reason in flag["reasons"]:
            lines.append(f"      {reason['text']} {reason['action_text']}")
    if len(flags) > shown:
        lines.append(f"  … and {len(flags) - shown} more")
    return lines


def wait_for_at_risk_mail(mails: list[Message], to: str, timeout: float = 30) -> Message | None:
    """Messaging's mail to the manager about a flag, once the catcher has it."""
    deadline = time.monotonic() + timeout
    while True:
        for mail in list(mails):
            if to in str(mail["To"]) and str(mail["Subject"]).startswith(AT_RISK_SUBJECT):
                return mail
        if time.monotonic() > deadline:
            return None
        time.sleep(0.5)


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
