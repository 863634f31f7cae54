"""Plans on the wire: the programme's template and policy (``PlanUpdate`` /
``ProgrammePlanPublic``) and a relationship's plan (``RelationshipPlanPublic``)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from tandem_contracts.common import Role
from tandem_kit.api import RequestModel
from tandem_meetings.domain.plans import (
    MAX_ACTIVITIES,
    MAX_EVERY_DAYS,
    MAX_WINDOW_DAYS,
    Activity,
    ActivityMode,
    ActivityState,
    ActivityWindow,
    Anchor,
)
from tandem_meetings.domain.policies import (
    DEFAULT_POLICY,
    MAX_BUFFER_MINUTES,
    MAX_MIN_NOTICE_HOURS,
    MAX_REMINDERS,
    Policy,
    clock_text,
)

_HH_MM = r"^([01]\d|2[0-4]):[0-5]\d$"


class ActivityWindowInput(RequestModel):
    """``[anchor + from_day, anchor + to_day)`` in days; for ``start_to_end``, ``from_day``
    counts from the start and ``to_day`` from the end (``14`` and ``-14``: all but the
    first and last two weeks)."""

    anchor: Anchor
    from_day: int = Field(ge=-MAX_WINDOW_DAYS, le=MAX_WINDOW_DAYS)
    to_day: int = Field(ge=-MAX_WINDOW_DAYS, le=MAX_WINDOW_DAYS)


class ActivityInput(RequestModel):
    key: str = Field(min_length=1, max_length=64, pattern=r"^[a-z][a-z0-9_]*$")
    name: str = Field(min_length=1, max_length=200)
    mode: ActivityMode
    duration_minutes: int = Field(ge=1, le=24 * 60)
    window: ActivityWindowInput
    every_days: int | None = Field(
        default=None, ge=1, le=MAX_EVERY_DAYS, description="Repeats at this cadence."
    )

    def record(self) -> Activity:
        w = self.window
        return Activity(
            key=self.key,
            name=self.name.strip(),
            mode=self.mode,
            duration_minutes=self.duration_minutes,
            window=ActivityWindow(w.anchor, w.from_day, w.to_day),
            every_days=self.every_days,
        )


class MeetingHoursInput(RequestModel):
    """On each member's own clock; an end before the start runs past midnight."""

    start: str = Field(default="08:00", pattern=_HH_MM)
    end: str = Field(default="20:00", pattern=_HH_MM)


class QuorumInput(RequestModel):
    """Who must be able to come to a group's meeting: everyone (null), or the mentor and
    at least ``min_mentees`` of the mentees."""

    min_mentees: int | None = Field(default=None, ge=0, le=100)


class PolicyInput(RequestModel):
    meeting_hours: MeetingHoursInput = Field(default_factory=MeetingHoursInput)
    min_notice_hours: int = Field(default=24, ge=0, le=MAX_MIN_NOTICE_HOURS)
    buffer_minutes: int = Field(default=15, ge=0, le=MAX_BUFFER_MINUTES)
    reminder_offsets_minutes: list[int] = Field(
        default_factory=lambda: [24 * 60, 60], max_length=MAX_REMINDERS
    )
    group_quorum: QuorumInput = Field(default_factory=QuorumInput)


class PlanUpdate(RequestModel):
    """The whole plan: it replaces the one before (running relationships keep theirs)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "activities": [
                        {
                            "key": "kick_off",
                            "name": "Kick-off",
                            "mode": "face_to_face",
                            "duration_minutes": 90,
                            "window": {"anchor": "start", "from_day": 0, "to_day": 14},
                        },
                        {
                            "key": "regular",
                            "name": "Regular session",
                            "mode": "online",
                            "duration_minutes": 60,
                            "window": {"anchor": "start_to_end", "from_day": 14, "to_day": -14},
                            "every_days": 14,
                        },
                    ],
                    "policy": {
                        "meeting_hours": {"start": "08:00", "end": "20:00"},
                        "min_notice_hours": 24,
                        "buffer_minutes": 15,
                        "reminder_offsets_minutes": [1440, 60],
                        "group_quorum": {"min_mentees": 2},
                    },
                }
            ]
        }
    )

    activities: list[ActivityInput] = Field(min_length=1, max_length=MAX_ACTIVITIES)
    policy: PolicyInput = Field(default_factory=PolicyInput)


class ActivityWindowPublic(BaseModel):
    anchor: Anchor
    from_day: int
    to_day: int


class ActivityPublic(BaseModel):
    key: str
    name: str
    mode: ActivityMode
    duration_minutes: int
    window: ActivityWindowPublic
    every_days: int | None

    @classmethod
    def from_record(cls, a: Activity) -> ActivityPublic:
        w = a.window
        return cls(
            key=a.key,
            name=a.name,
            mode=a.mode,
            duration_minutes=a.duration_minutes,
            window=ActivityWindowPublic(anchor=w.anchor, from_day=w.from_day, to_day=w.to_day),
            every_days=a.every_days,
        )


class MeetingHoursPublic(BaseModel):
    start: str
    end: str


class QuorumPublic(BaseModel):
    min_mentees: int | None


class PolicyPublic(BaseModel):
    meeting_hours: MeetingHoursPublic
    min_notice_hours: int
    buffer_minutes: int
    reminder_offsets_minutes: list[int]
    group_quorum: QuorumPublic

    @classmethod
    def from_record(cls, p: Policy = DEFAULT_POLICY) -> PolicyPublic:
        return cls(
            meeting_hours=MeetingHoursPublic(
                start=clock_text(p.meeting_hours_start), end=clock_text(p.meeting_hours_end)
            ),
            min_notice_hours=p.min_notice_hours,
            buffer_minutes=p.buffer_minutes,
            reminder_offsets_minutes=list(p.reminder_offsets_minutes),
            group_quorum=QuorumPublic(min_mentees=p.group_min_mentees),
        )


class ProgrammePlanPublic(BaseModel):
    programme_id: UUID
    default: bool = Field(description="True while the manager has set no plan of their own.")
    activities: list[ActivityPublic]
    policy: PolicyPublic
    updated_at: datetime | None


class MemberTimePublic(BaseModel):
    """A time on one member's clock."""

    participant_id: UUID
    role: Role
    time_zone: str
    starts_at_local: datetime
    ends_at_local: datetime


class ProposalPublic(BaseModel):
    rank: int
    starts_at: datetime
    ends_at: datetime
    local: list[MemberTimePublic]


class PlannedActivityPublic(BaseModel):
    id: UUID = Field(description="Give it as planned_activity_id to schedule it.")
    key: str
    occurrence: int = Field(description="0 for a one-off; 0, 1, 2 … for a repeating one.")
    name: str
    planned_mode: ActivityMode = Field(description="As the programme's plan says.")
    mode: ActivityMode = Field(description="For this relationship.")
    adapted: bool
    adaptation: str | None = Field(description="Why the mode changed (a stable code).")
    reason: str | None
    duration_minutes: int
    window_start: datetime
    window_end: datetime
    state: ActivityState
    meeting_id: UUID | None
    proposals: list[ProposalPublic]


class PlaceSuggestionPublic(BaseModel):
    """Where a face-to-face meeting could be: the city most members share (members only)."""

    city: str = Field(description="As most of its members spell it in their profiles.")
    reason: str = Field(description='Plain English, e.g. "all 2 members live in Lisbon".')
    members_in_city: int
    members: int


class RelationshipPlanPublic(BaseModel):
    relationship_id: UUID
    programme_id: UUID
    cadence_days: int | None = Field(
        description="The accepted agreement's meeting cadence, once there is one."
    )
    cadence_source: Literal["plan", "agreement"]
    adaptation: str | None
    reason: str | None
    activities: list[PlannedActivityPublic]
    place_suggestion: PlaceSuggestionPublic | None = Field(
        default=None,
        description="Members only: the city at least two members share, to meet in face to "
        "face; null when no two share one (the members agree a place between them).",
    )
