"""A relationship's goals and milestones, with the session's token (meetings lets only
the relationship's members read and change them)."""

from __future__ import annotations

import uuid
from datetime import date

from tandem_web.adapters import goals_api
from tandem_web.domain.goals import Goal
from tandem_web.domain.sessions import WebSession
from tandem_web.domain.shown import Found
from tandem_web.service.shown import done, found, viewer
from tandem_web.settings import WebSettings


async def goals_page(
    settings: WebSettings, session: WebSession, relationship_id: uuid.UUID, browser_zone: str | None
) -> Found[list[Goal]]:
    who = await viewer(settings, session, browser_zone)
    url = str(settings.meetings_url)
    return await found(
        who.zone, lambda: goals_api.goals(url, session.access_token, relationship_id)
    )


async def add_goal(
    settings: WebSettings,
    session: WebSession,
    relationship_id: uuid.UUID,
    title: str,
    target: date | None,
) -> None:
    url = str(settings.meetings_url)
    await done(lambda: goals_api.add(url, session.access_token, relationship_id, title, target))


async def change_goal(
    settings: WebSettings,
    session: WebSession,
    relationship_id: uuid.UUID,
    goal_id: uuid.UUID,
    title: str,
    state: str,
) -> None:
    url, token = str(settings.meetings_url), session.access_token
    await done(lambda: goals_api.change(url, token, relationship_id, goal_id, title, state))


async def add_milestone(
    settings: WebSettings,
    session: WebSession,
    relationship_id: uuid.UUID,
    goal_id: uuid.UUID,
    title: str,
    due: date | None,
) -> None:
    url, token = str(settings.meetings_url), session.access_token
    await done(lambda: goals_api.add_step(url, token, relationship_id, goal_id, title, due))


async def tick_milestone(
    settings: WebSettings,
    session: WebSession,
    relationship_id: uuid.UUID,
    goal_id: uuid.UUID,
    milestone_id: uuid.UUID,
    done_now: bool,
) -> None:
    url, token = str(settings.meetings_url), session.access_token
    await done(lambda: goals_api.tick(url, token, relationship_id, goal_id, milestone_id, done_now))
