"""A draft's review: its proposals with their members, scores and explanations, and the
forms that change it (approve one or all, move a mentee, swap two, publish), each a
POST then a redirect back. Matching decides: a change that breaks a rule is the review
again with matching's explanation of each breach (422), a run no longer a draft 409."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from tandem_web.adapters import match_runs_api
from tandem_web.api.deps import CheckedForm, CurrentSession, Settings, browser_zone
from tandem_web.api.match_runs import refused_status
from tandem_web.api.rendering import page, see_other
from tandem_web.domain.match_runs import EditRefused
from tandem_web.service.match_runs import change, review_page

router = APIRouter(prefix="/programmes/{programme_id}/match-runs/{run_id}")
TITLE = "Review the draft"
Choice = Annotated[str, Form(max_length=64)]


async def _review(
    request: Request,
    settings: Settings,
    session: Any,
    programme_id: uuid.UUID,
    run_id: uuid.UUID,
    refused: EditRefused | None = None,
    **kept: Any,
) -> Response:
    found = await review_page(settings, session, programme_id, run_id, browser_zone(request))
    status = found.status if refused is None else refused_status(refused, found.status)
    return page(
        request,
        "review.html",
        session,
        status_code=status,
        title=TITLE,
        found=found,
        refused=refused,
        kept=kept,
    )


@router.get("/proposals", response_class=HTMLResponse)
async def read(
    request: Request,
    settings: Settings,
    session: CurrentSession,
    programme_id: uuid.UUID,
    run_id: uuid.UUID,
) -> Response:
    if session is None:
        return see_other("/")
    return await _review(request, settings, session, programme_id, run_id)


def _ids(*chosen: str) -> list[uuid.UUID] | None:
    try:
        return [uuid.UUID(c) for c in chosen]
    except ValueError:
        return None


async def _edit(
    request: Request,
    settings: Settings,
    session: Any,
    programme_id: uuid.UUID,
    run_id: uuid.UUID,
    call: Callable[[str, str], Awaitable[object]],
    then: str,
    **kept: Any,
) -> Response:
    try:
        await change(settings, session, programme_id, call)
    except EditRefused as refused:
        return await _review(request, settings, session, programme_id, run_id, refused, **kept)
    return see_other(then)


def _unchosen() -> EditRefused:
    return EditRefused(422, "choose", "")


@router.post("/approvals")
async def approve(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    programme_id: uuid.UUID,
    run_id: uuid.UUID,
    proposal_id: Annotated[str, Form(max_length=64)] = "all",
) -> Response:
    if session is None:
        return see_other("/")
    chosen = None if proposal_id == "all" else _ids(proposal_id)
    if proposal_id != "all" and chosen is None:
        return await _review(request, settings, session, programme_id, run_id, _unchosen())
    one = chosen[0] if chosen else None

    async def call(url: str, token: str) -> object:
        return await match_runs_api.approve_proposals(url, token, programme_id, run_id, one)

    back = f"/programmes/{programme_id}/match-runs/{run_id}/proposals"
    return await _edit(request, settings, session, programme_id, run_id, call, back)


@router.post("/moves")
async def move(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    programme_id: uuid.UUID,
    run_id: uuid.UUID,
    mentee_id: Choice = "",
    mentor_id: Choice = "",
) -> Response:
    if session is None:
        return see_other("/")
    kept = {"move_mentee": mentee_id, "move_mentor": mentor_id}
    chosen = _ids(mentee_id, mentor_id)
    if chosen is None:
        return await _review(request, settings, session, programme_id, run_id, _unchosen(), **kept)
    mentee, mentor = chosen

    async def call(url: str, token: str) -> object:
        return await match_runs_api.move_mentee(url, token, programme_id, run_id, mentee, mentor)

    back = f"/programmes/{programme_id}/match-runs/{run_id}/proposals"
    return await _edit(request, settings, session, programme_id, run_id, call, back, **kept)


@router.post("/swaps")
async def swap(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    programme_id: uuid.UUID,
    run_id: uuid.UUID,
    mentee_a: Choice = "",
    mentee_b: Choice = "",
) -> Response:
    if session is None:
        return see_other("/")
    kept = {"swap_a": mentee_a, "swap_b": mentee_b}
    chosen = _ids(mentee_a, mentee_b)
    if chosen is None:
        return await _review(request, settings, session, programme_id, run_id, _unchosen(), **kept)
    a, b = chosen

    async def call(url: str, token: str) -> object:
        return await match_runs_api.swap_mentees(url, token, programme_id, run_id, a, b)

    back = f"/programmes/{programme_id}/match-runs/{run_id}/proposals"
    return await _edit(request, settings, session, programme_id, run_id, call, back, **kept)


@router.post("/publish")
async def publish(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    programme_id: uuid.UUID,
    run_id: uuid.UUID,
) -> Response:
    if session is None:
        return see_other("/")

    async def call(url: str, token: str) -> object:
        return await match_runs_api.publish_draft(url, token, programme_id, run_id)

    back = f"/programmes/{programme_id}/match-runs/{run_id}"
    return await _edit(request, settings, session, programme_id, run_id, call, back)
