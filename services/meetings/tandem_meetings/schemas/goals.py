"""Goals and milestones on the wire: add (``GoalCreate``, ``MilestoneCreate``), change
(``GoalUpdate``, ``MilestoneUpdate``) and what members see (``GoalPublic``)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from tandem_contracts.meetings import GoalState
from tandem_kit.api import RequestModel

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class MilestoneCreate(RequestModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"title": "Send the CV to Max", "due_date": "2026-03-20"}]}
    )

    title: Title
    due_date: date | None = None


class GoalCreate(RequestModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "title": "Three interviews in logistics",
                    "target_date": "2026-06-30",
                    "milestones": [{"title": "Update the CV"}],
                }
            ]
        }
    )

    title: Title
    target_date: date | None = None
    milestones: list[MilestoneCreate] = Field(default_factory=list, max_length=50)


class GoalUpdate(RequestModel):
    """Any of the title, the target date (null clears it) and the state."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"state": "in_progress"}, {"target_date": None}]}
    )

    title: Title | None = None
    target_date: date | None = None
    state: GoalState | None = Field(
        default=None,
        description="open → in_progress → done, or to dropped; done and dropped are final.",
    )


class MilestoneUpdate(RequestModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"done": True}]})

    title: Title | None = None
    due_date: date | None = None
    done: bool | None = None


class MilestonePublic(BaseModel):
    id: UUID
    goal_id: UUID
    title: str
    due_date: date | None
    done: bool
    done_at: datetime | None
    created_at: datetime
    updated_at: datetime


class GoalPublic(BaseModel):
    """A goal as its relationship's members see it (managers see counts only)."""

    id: UUID
    relationship_id: UUID
    token: str | None = Field(
        description="The mentee's profile goal it started from (e.g. `cv`); null for a "
        "goal a member added."
    )
    title: str | None = Field(
        description="The members' words; null for a seeded goal not yet named."
    )
    target_date: date | None
    state: GoalState
    milestones: list[MilestonePublic]
    milestones_total: int
    milestones_done: int
    created_by: UUID | None = Field(description="The member who added it; null when seeded.")
    created_at: datetime
    updated_at: datetime
