"""Analytics' figures for a programme's dashboard page, as the services' JSON shapes
(``to_dict`` of the generated models): the dashboard, the Kaplan–Meier survival, the
breakdowns, employment outcomes and check-in response, and the CSV export streamed
through (the browser never holds the session's token)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx

from tandem_web.adapters.service_calls import (
    REFUSALS,
    Refused,
    ServiceUnavailable,
    authenticated,
    expect,
    reaching,
)
from tandem_web.clients.analytics import AuthenticatedClient
from tandem_web.clients.analytics.api.check_ins import check_in_summary
from tandem_web.clients.analytics.api.outcomes import outcome_summary
from tandem_web.clients.analytics.api.statistics import (
    export_csv,
    get_breakdowns,
    get_dashboard,
    get_survival,
)
from tandem_web.clients.analytics.models import (
    BreakdownsPublic,
    CheckInSummaryPublic,
    DashboardPublic,
    OutcomeSummaryPublic,
    SurvivalPublic,
)

SERVICE = "analytics"
Json = dict[str, Any]


def _client(url: str, token: str) -> AuthenticatedClient:
    return authenticated(AuthenticatedClient, url, token)


async def dashboard(url: str, token: str, pid: uuid.UUID) -> Json:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await get_dashboard.asyncio_detailed(pid, client=client)
        return expect(SERVICE, answer.status_code, answer.parsed, DashboardPublic).to_dict()


async def survival(url: str, token: str, pid: uuid.UUID) -> Json:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await get_survival.asyncio_detailed(pid, client=client)
        return expect(SERVICE, answer.status_code, answer.parsed, SurvivalPublic).to_dict()


async def breakdowns(url: str, token: str, pid: uuid.UUID) -> Json:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await get_breakdowns.asyncio_detailed(pid, client=client)
        return expect(SERVICE, answer.status_code, answer.parsed, BreakdownsPublic).to_dict()


async def outcomes(url: str, token: str, pid: uuid.UUID) -> Json:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await outcome_summary.asyncio_detailed(pid, client=client)
        return expect(SERVICE, answer.status_code, answer.parsed, OutcomeSummaryPublic).to_dict()


async def check_ins(url: str, token: str, pid: uuid.UUID) -> Json:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await check_in_summary.asyncio_detailed(pid, client=client)
        return expect(SERVICE, answer.status_code, answer.parsed, CheckInSummaryPublic).to_dict()


async def csv_export(url: str, token: str, pid: uuid.UUID) -> tuple[AsyncIterator[bytes], str]:
    """The export's bytes as analytics streams them, and its Content-Disposition; raises
    Refused (403, 404) or ServiceUnavailable before the first byte, so that the page can
    still answer in words. The generated client reads a whole body: its own httpx client
    and request (``_get_kwargs``, the generated path) are used to stream instead."""
    client = _client(url, token)
    http = client.get_async_httpx_client()
    try:
        response = await http.send(http.build_request(**export_csv._get_kwargs(pid)), stream=True)
    except httpx.HTTPError as exc:
        await http.aclose()
        raise ServiceUnavailable(SERVICE, type(exc).__name__) from exc
    if response.status_code != 200:
        await response.aread()
        await http.aclose()
        if response.status_code in REFUSALS:
            raise Refused(SERVICE, response.status_code, None)
        raise ServiceUnavailable(SERVICE, f"answered {response.status_code}")

    async def chunks() -> AsyncIterator[bytes]:
        try:
            async for chunk in response.aiter_bytes():
                yield chunk
        finally:
            await response.aclose()
            await http.aclose()

    named = response.headers.get("content-disposition", f'attachment; filename="{pid}.csv"')
    return chunks(), named
