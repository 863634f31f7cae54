"""The manager's match runs: listed, started, followed to the end, cancelled; the draft's
review (its proposals with the participants' names) and its edits, with the session's
token. Matching decides every change; its refusals come back in its words."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import TypeVar

from tandem_web.adapters import match_runs_api
from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.domain.manager_pages import Shown, refusal
from tandem_web.domain.match_runs import EditRefused, Review, Run, RunsPage
from tandem_web.domain.sessions import WebSession
from tandem_web.service.manager_pages import may_manage, programme_name, zone_of
from tandem_web.settings import WebSettings

T = TypeVar("T")


async def _page(
    settings: WebSettings,
    session: WebSession,
    programme_id: uuid.UUID,
    browser_zone: str | None,
    build: Callable[[str, str], Awaitable[T]],
    into: Callable[[RunsPage, T], RunsPage],
) -> RunsPage:
    zone = zone_of(browser_zone)
    if not may_manage(session, programme_id):
        return RunsPage(Shown.FORBIDDEN, programme_id, zone)
    url, token = str(settings.matching_url), session.access_token
    try:
        found, name = await asyncio.gather(
            build(url, token), programme_name(settings, session, programme_id)
        )
    except Refused as refused:
        return RunsPage(refusal(refused.status), programme_id, zone)
    except ServiceUnavailable:
        return RunsPage(Shown.UNAVAILABLE, programme_id, zone)
    return into(RunsPage(Shown.SHOWN, programme_id, zone, name), found)


async def runs_page(
    settings: WebSettings, session: WebSession, programme_id: uuid.UUID, zone: str | None
) -> RunsPage:
    async def build(url: str, token: str) -> list[Run]:
        return await match_runs_api.runs(url, token, programme_id)

    def into(page: RunsPage, runs: list[Run]) -> RunsPage:
        return RunsPage(page.shown, page.programme_id, page.zone, page.name, runs=tuple(runs))

    return await _page(settings, session, programme_id, zone, build, into)


async def run_page(
    settings: WebSettings,
    session: WebSession,
    programme_id: uuid.UUID,
    run_id: uuid.UUID,
    zone: str | None,
) -> RunsPage:
    async def build(url: str, token: str) -> Run:
        return await match_runs_api.run(url, token, programme_id, run_id)

    def into(page: RunsPage, run: Run) -> RunsPage:
        return RunsPage(page.shown, page.programme_id, page.zone, page.name, run=run)

    return await _page(settings, session, programme_id, zone, build, into)


async def review_page(
    settings: WebSettings,
    session: WebSession,
    programme_id: uuid.UUID,
    run_id: uuid.UUID,
    zone: str | None,
) -> RunsPage:
    async def build(url: str, token: str) -> Review:
        run, proposals, people = await asyncio.gather(
            match_runs_api.run(url, token, programme_id, run_id),
            match_runs_api.proposals(url, token, programme_id, run_id),
            match_runs_api.people(url, token, programme_id),
        )
        return Review(run, tuple(proposals), {p.id: p for p in people})

    def into(page: RunsPage, review: Review) -> RunsPage:
        return RunsPage(
            page.shown, page.programme_id, page.zone, page.name, run=review.run, review=review
        )

    return await _page(settings, session, programme_id, zone, build, into)


async def progress(
    settings: WebSettings, session: WebSession, programme_id: uuid.UUID, run_id: uuid.UUID
) -> Run:
    """The run as it stands (raises Refused, ServiceUnavailable): the script's poll."""
    return await match_runs_api.run(
        str(settings.matching_url), session.access_token, programme_id, run_id
    )


async def change(
    settings: WebSettings,
    session: WebSession,
    programme_id: uuid.UUID,
    call: Callable[[str, str], Awaitable[T]],
) -> T:
    """One change matching decides (start, cancel, approve, move, swap, publish):
    raises EditRefused with matching's refusal (403 before any call for a viewer who
    does not manage the programme; None as the status when matching did not answer)."""
    if not may_manage(session, programme_id):
        raise EditRefused(403, "managers_only", "")
    try:
        return await call(str(settings.matching_url), session.access_token)
    except Refused as refused:
        raise EditRefused(refused.status, refused.code, "") from refused
    except ServiceUnavailable as down:
        raise EditRefused(None, None, "") from down
