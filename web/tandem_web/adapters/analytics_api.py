"""Analytics' API, as the web app reads and writes it: a programme's open risk flags
(worded in the reader's language), their dismissal, and the programme's dashboard."""

from __future__ import annotations

import uuid

from tandem_web.adapters.service_calls import authenticated, expect, reaching
from tandem_web.clients.analytics import AuthenticatedClient
from tandem_web.clients.analytics.api.drop_out_risk import dismiss_risk_flag, list_risk_flags
from tandem_web.clients.analytics.api.statistics import get_dashboard
from tandem_web.clients.analytics.models import (
    DashboardPublic,
    DismissalIn,
    RiskFlagPage,
    RiskFlagPublic,
)
from tandem_web.clients.analytics.types import UNSET
from tandem_web.domain.risk import Dashboard, Mode, Reason, RiskFlag, Week

SERVICE = "analytics"
MAX_PAGES = 10


def _client(url: str, token: str) -> AuthenticatedClient:
    return authenticated(AuthenticatedClient, url, token)


def _flag(item: RiskFlagPublic) -> RiskFlag:
    return RiskFlag(
        item.id,
        item.relationship_id,
        tuple(Reason(str(r.code), r.text, r.action_text) for r in item.reasons),
        item.raised_at,
    )


async def open_flags(
    url: str, token: str, programme_id: uuid.UUID, language: str
) -> list[RiskFlag]:
    """The programme's flags not cleared yet, newest first, worded in ``language``."""
    found: list[RiskFlag] = []
    cursor: str | None = None
    async with reaching(SERVICE), _client(url, token) as client:
        for _ in range(MAX_PAGES):
            answer = await list_risk_flags.asyncio_detailed(
                programme_id,
                client=client,
                open_=True,
                cursor=cursor or UNSET,
                limit=200,
                accept_language=language,
            )
            page = expect(SERVICE, answer.status_code, answer.parsed, RiskFlagPage)
            found += [_flag(item) for item in page.items]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    return found


async def dismiss(
    url: str, token: str, programme_id: uuid.UUID, flag_id: uuid.UUID, reason: str, language: str
) -> None:
    """Clear the flag with the manager's reason (raises Refused: 409 once cleared)."""
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await dismiss_risk_flag.asyncio_detailed(
            programme_id,
            flag_id,
            client=client,
            body=DismissalIn(reason=reason),
            accept_language=language,
        )
        expect(SERVICE, answer.status_code, answer.parsed, RiskFlagPublic)


async def dashboard(url: str, token: str, programme_id: uuid.UUID) -> Dashboard:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await get_dashboard.asyncio_detailed(programme_id, client=client)
        found = expect(SERVICE, answer.status_code, answer.parsed, DashboardPublic)
    return Dashboard(
        active=found.active,
        completed=found.completed,
        ended_early=found.ended_early,
        drop_out_rate=found.drop_out_rate,
        messages_per_week=tuple(Week(w.week, w.messages) for w in found.messages_per_week),
        meetings_by_mode=tuple(
            Mode(m.mode, m.planned, m.held, m.missed) for m in found.meetings_by_mode
        ),
        response_p50_hours=found.response_time_p50_hours,
        response_p90_hours=found.response_time_p90_hours,
        computed_at=found.computed_at,
    )
