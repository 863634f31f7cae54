"""A programme's dashboard for its managers: analytics' figures (the dashboard, open
risk flags, survival, breakdowns, outcomes, check-ins) read at once with the session's
token and laid out as charts; the CSV export streamed through. Analytics refusing the
viewer (403, 404) is the page's refusal; one figure it cannot give blanks its part."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tandem_web.adapters import analytics_api, dashboard_api
from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.domain.dashboard import (
    BarChart,
    Label,
    RowChart,
    StepLine,
    bar_chart,
    outcome_rows,
    response_rate,
    row_chart,
    step_line,
)
from tandem_web.domain.figures import day
from tandem_web.domain.risk import STATUS, RiskShown, risk_refusal
from tandem_web.domain.sessions import WebSession
from tandem_web.service.home import grants
from tandem_web.settings import WebSettings

Json = dict[str, Any]
MODES = ("online", "face_to_face")
# Analytics' employment statuses in its own order (its ``Status``): the chart's segments.
OUTCOMES = ("employed", "in_training", "self_employed", "still_searching", "other")


@dataclass
class DashboardPage:
    shown: RiskShown
    programme_id: uuid.UUID
    figures: Json | None = None
    at_risk: int | None = None  # open flags; None: not known
    survival: Json | None = None
    breakdowns: Json | None = None
    outcomes: Json | None = None
    check_in_rate: float | None = None
    check_ins_known: bool = False
    weeks_chart: BarChart | None = None
    modes_chart: BarChart | None = None
    survival_chart: StepLine | None = None
    countries_chart: BarChart | None = None
    outcomes_chart: RowChart | None = None
    outcomes_suppressed: list[Label] | None = None  # groups analytics would not show

    @property
    def status(self) -> int:
        return STATUS[self.shown]

    def week_of(self, value: str) -> date:
        return date.fromisoformat(value)

    def computed_at(self) -> datetime | None:
        at = (self.figures or {}).get("computed_at")
        return datetime.fromisoformat(at) if isinstance(at, str) else None

    def countries(self) -> list[Json]:
        return [g for g in (self.breakdowns or {}).get("groups", []) if g["dimension"] == "country"]


def refusal(session: WebSession, pid: uuid.UUID, status: int) -> RiskShown:
    """Analytics' refusal as the page words it: a 404 to a viewer whose token does not
    make them the programme's manager is "not yours to manage" (as analytics' 403 is)."""
    if status == 404 and pid not in grants(session).manager:
        return RiskShown.FORBIDDEN
    return risk_refusal(status)


async def _part(call: Callable[[], Awaitable[Json]]) -> Json | None:
    try:
        return await call()
    except (Refused, ServiceUnavailable):
        return None


async def dashboard_page(
    settings: WebSettings, session: WebSession, pid: uuid.UUID, language: str
) -> DashboardPage:
    url, token = str(settings.analytics_url), session.access_token

    async def figures() -> Json | RiskShown:
        try:
            return await dashboard_api.dashboard(url, token, pid)
        except Refused as refused:
            return refusal(session, pid, refused.status)
        except ServiceUnavailable:
            return RiskShown.UNAVAILABLE

    async def flags() -> int | None:
        try:
            return len(await analytics_api.open_flags(url, token, pid, language))
        except (Refused, ServiceUnavailable):
            return None

    main, at_risk, survival, breakdowns, outcomes, check_ins = await asyncio.gather(
        figures(),
        flags(),
        _part(lambda: dashboard_api.survival(url, token, pid)),
        _part(lambda: dashboard_api.breakdowns(url, token, pid)),
        _part(lambda: dashboard_api.outcomes(url, token, pid)),
        _part(lambda: dashboard_api.check_ins(url, token, pid)),
    )
    if isinstance(main, RiskShown):
        return DashboardPage(main, pid)
    found = DashboardPage(RiskShown.SHOWN, pid, main, at_risk, survival, breakdowns, outcomes)
    if check_ins is not None:
        found.check_ins_known = True
        found.check_in_rate = response_rate(
            [(r["asked"], r["answered"]) for r in check_ins["rounds"]]
        )
    found.weeks_chart = bar_chart(
        [
            (day(date.fromisoformat(w["week"]), language), [w["messages"]])
            for w in main["messages_per_week"]
        ]
    )
    by_mode = {m["mode"]: m for m in main["meetings_by_mode"]}
    found.modes_chart = bar_chart(
        [
            (mode, [by_mode[mode]["planned"], by_mode[mode]["held"], by_mode[mode]["missed"]])
            for mode in [*MODES, *sorted(set(by_mode) - set(MODES))]
            if mode in by_mode
        ]
    )
    if survival is not None:
        found.survival_chart = step_line(
            [(w["week"], w["share_active"]) for w in survival["weeks"]]
        )
    if breakdowns is not None:
        found.countries_chart = bar_chart(
            [
                (g["value"], [g["active"], g["completed"], g["ended_early"]])
                for g in found.countries()
            ],
            stacked=True,
        )
    if outcomes is not None:
        rows, found.outcomes_suppressed = outcome_rows(outcomes["countries"], OUTCOMES)
        found.outcomes_chart = row_chart(rows)
    return found


async def csv_export(
    settings: WebSettings, session: WebSession, pid: uuid.UUID
) -> tuple[AsyncIterator[bytes], str]:
    """Analytics' export, streamed; raises Refused or ServiceUnavailable before any byte."""
    return await dashboard_api.csv_export(str(settings.analytics_url), session.access_token, pid)
