"""Meetings' goals and milestones of a relationship: reading them, adding, renaming,
moving a goal on, and ticking a milestone off (members only: meetings refuses others)."""

from __future__ import annotations

import uuid
from datetime import date

from tandem_web.adapters.service_calls import authenticated, expect, reaching
from tandem_web.clients.meetings import AuthenticatedClient
from tandem_web.clients.meetings.api.goals import (
    add_goal,
    add_milestone,
    list_goals,
    update_goal,
    update_milestone,
)
from tandem_web.clients.meetings.models import (
    GoalCreate,
    GoalPublic,
    GoalState,
    GoalUpdate,
    MilestoneCreate,
    MilestonePublic,
    MilestoneUpdate,
    PageGoalPublic,
)
from tandem_web.clients.meetings.types import UNSET
from tandem_web.domain.goals import Goal, Milestone

SERVICE = "meetings"
MAX_PAGES = 10


def _client(url: str, token: str) -> AuthenticatedClient:
    return authenticated(AuthenticatedClient, url, token)


def _goal(item: GoalPublic) -> Goal:
    return Goal(
        id=item.id,
        token=item.token if isinstance(item.token, str) else None,
        title=item.title if isinstance(item.title, str) else None,
        target_date=item.target_date if isinstance(item.target_date, date) else None,
        state=str(item.state),
        milestones=tuple(
            Milestone(m.id, m.title, m.due_date if isinstance(m.due_date, date) else None, m.done)
            for m in item.milestones
        ),
        done_count=item.milestones_done,
        total=item.milestones_total,
    )


async def goals(url: str, token: str, relationship_id: uuid.UUID) -> list[Goal]:
    """The relationship's goals, oldest first (raises Refused: 403 for a manager)."""
    found: list[Goal] = []
    cursor: str | None = None
    async with reaching(SERVICE), _client(url, token) as client:
        for _ in range(MAX_PAGES):
            answer = await list_goals.asyncio_detailed(
                relationship_id, client=client, cursor=cursor or UNSET, limit=200
            )
            page = expect(SERVICE, answer.status_code, answer.parsed, PageGoalPublic)
            found += [_goal(item) for item in page.items]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    return found


async def add(
    url: str, token: str, relationship_id: uuid.UUID, title: str, target: date | None
) -> None:
    async with reaching(SERVICE), _client(url, token) as client:
        body = GoalCreate(title=title, target_date=target if target else UNSET)
        answer = await add_goal.asyncio_detailed(relationship_id, client=client, body=body)
        expect(SERVICE, answer.status_code, answer.parsed, GoalPublic, ok=201)


async def change(
    url: str, token: str, relationship_id: uuid.UUID, goal_id: uuid.UUID, title: str, state: str
) -> None:
    """Rename the goal and move it to ``state`` (raises Refused: 409 for a move its
    state does not allow)."""
    async with reaching(SERVICE), _client(url, token) as client:
        body = GoalUpdate(title=title, state=GoalState(state))
        answer = await update_goal.asyncio_detailed(
            relationship_id, goal_id, client=client, body=body
        )
        expect(SERVICE, answer.status_code, answer.parsed, GoalPublic)


async def add_step(
    url: str,
    token: str,
    relationship_id: uuid.UUID,
    goal_id: uuid.UUID,
    title: str,
    due: date | None,
) -> None:
    async with reaching(SERVICE), _client(url, token) as client:
        body = MilestoneCreate(title=title, due_date=due if due else UNSET)
        answer = await add_milestone.asyncio_detailed(
            relationship_id, goal_id, client=client, body=body
        )
        expect(SERVICE, answer.status_code, answer.parsed, MilestonePublic, ok=201)


async def tick(
    url: str,
    token: str,
    relationship_id: uuid.UUID,
    goal_id: uuid.UUID,
    milestone_id: uuid.UUID,
    done: bool,
) -> None:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await update_milestone.asyncio_detailed(
            relationship_id, goal_id, milestone_id, client=client, body=MilestoneUpdate(done=done)
        )
        expect(SERVICE, answer.status_code, answer.parsed, MilestonePublic)
