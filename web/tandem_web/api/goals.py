"""A relationship's goals and milestones, for its members: the list, and forms to add a
goal, rename it or move it on, add a milestone and tick one off (POST, then a redirect
back). A form with a blank title or a bad date is a 422 page keeping what was typed."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from tandem_web.api.deps import (
    CheckedForm,
    CurrentSession,
    Settings,
    browser_zone,
)
from tandem_web.api.rendering import page, see_other
from tandem_web.domain.goals import NEXT_STATES, date_of, title_problem
from tandem_web.domain.sessions import WebSession
from tandem_web.domain.shown import STATUS, Shown
from tandem_web.service import goals as use
from tandem_web.service.shown import NotDone

router = APIRouter(prefix="/relationships/{relationship_id}/goals")
Text = Annotated[str, Form(max_length=1000)]


async def _render(
    request: Request,
    settings: Settings,
    session: WebSession,
    relationship_id: uuid.UUID,
    *,
    status: int | None = None,
    error: str | None = None,
    form: str | None = None,  # which form the error is about: "new", a goal's or its steps'
    typed: dict[str, str] | None = None,
) -> HTMLResponse:
    zone = browser_zone(request)
    found = await use.goals_page(settings, session, relationship_id, zone)
    shown = found.shown is Shown.SHOWN
    return page(
        request,
        "goals.html",
        session,
        status_code=status if shown and status else found.status,
        title="Goals and milestones",
        found=found,
        relationship_id=relationship_id,
        error=error,
        form=form,
        typed=typed or {},
    )


async def _submit(
    request: Request,
    settings: Settings,
    session: WebSession,
    relationship_id: uuid.UUID,
    call: Callable[[], Awaitable[None]],
    form: str,
    typed: dict[str, str],
) -> Response:
    try:
        await call()
    except NotDone as refused:
        return await _render(
            request,
            settings,
            session,
            relationship_id,
            status=STATUS[refused.shown],
            error=str(refused.shown),
            form=form,
            typed=typed,
        )
    return see_other(f"/relationships/{relationship_id}/goals")


def _checked(title: str, when: str) -> tuple[str | None, date | None]:
    """Why the form cannot be sent (its error code), and its date."""
    problem = title_problem(title)
    day = date_of(when)
    if problem:
        return problem, None
    if isinstance(day, str):
        return "bad_date", None
    return None, day


@router.get("", response_class=HTMLResponse)
async def read(
    request: Request, settings: Settings, session: CurrentSession, relationship_id: uuid.UUID
) -> Response:
    if session is None:
        return see_other("/")
    return await _render(request, settings, session, relationship_id)


@router.post("")
async def add(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    relationship_id: uuid.UUID,
    title: Text = "",
    target_date: Text = "",
) -> Response:
    if session is None:
        return see_other("/")
    typed = {"title": title, "date": target_date}
    problem, day = _checked(title, target_date)
    if problem:
        return await _render(
            request,
            settings,
            session,
            relationship_id,
            status=422,
            error=problem,
            form="new",
            typed=typed,
        )

    async def call() -> None:
        await use.add_goal(settings, session, relationship_id, title.strip(), day)

    return await _submit(request, settings, session, relationship_id, call, "new", typed)


@router.post("/{goal_id}")
async def change(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    relationship_id: uuid.UUID,
    goal_id: uuid.UUID,
    title: Text = "",
    state: Text = "",
) -> Response:
    if session is None:
        return see_other("/")
    typed = {"title": title, "state": state}
    problem = title_problem(title) or (None if state in NEXT_STATES else "bad_state")
    if problem:
        return await _render(
            request,
            settings,
            session,
            relationship_id,
            status=422,
            error=problem,
            form=str(goal_id),
            typed=typed,
        )

    async def call() -> None:
        await use.change_goal(settings, session, relationship_id, goal_id, title.strip(), state)

    return await _submit(request, settings, session, relationship_id, call, str(goal_id), typed)


@router.post("/{goal_id}/milestones")
async def add_milestone(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    relationship_id: uuid.UUID,
    goal_id: uuid.UUID,
    title: Text = "",
    due_date: Text = "",
) -> Response:
    if session is None:
        return see_other("/")
    typed = {"title": title, "date": due_date}
    form = f"steps-{goal_id}"
    problem, day = _checked(title, due_date)
    if problem:
        return await _render(
            request,
            settings,
            session,
            relationship_id,
            status=422,
            error=problem,
            form=form,
            typed=typed,
        )

    async def call() -> None:
        await use.add_milestone(settings, session, relationship_id, goal_id, title.strip(), day)

    return await _submit(request, settings, session, relationship_id, call, form, typed)


@router.post("/{goal_id}/milestones/{milestone_id}")
async def tick(
    request: Request,
    settings: Settings,
    session: CheckedForm,
    relationship_id: uuid.UUID,
    goal_id: uuid.UUID,
    milestone_id: uuid.UUID,
    done: Annotated[bool, Form()],
) -> Response:
    if session is None:
        return see_other("/")

    async def call() -> None:
        await use.tick_milestone(settings, session, relationship_id, goal_id, milestone_id, done)

    return await _submit(request, settings, session, relationship_id, call, f"steps-{goal_id}", {})
