"""Meetings on the wire: schedule (``MeetingCreate``), move (``MeetingUpdate``), cancel
(``MeetingCancel``) and what is shown (``MeetingPublic``)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from tandem_contracts.common import Role
from tandem_contracts.meetings import CancelledBy, CancelReason, MeetingMode
from tandem_kit.api import RequestModel
from tandem_meetings.domain.meetings import LinkStatus, MeetingStatus, Partstat
from tandem_meetings.domain.places import (
    PLACE_ADDRESS_MAX,
    PLACE_NAME_MAX,
    PLACE_NOTES_MAX,
    Place,
)

_START = "2026-03-09T16:00:00Z"


class PlaceInput(RequestModel):
    """Where a face-to-face meeting happens (sealed at rest; shown to members only)."""

    name: str = Field(min_length=1, max_length=PLACE_NAME_MAX)
    address: str = Field(default="", max_length=PLACE_ADDRESS_MAX)
    notes: str = Field(default="", max_length=PLACE_NOTES_MAX)

    def record(self) -> Place:
        """The place as typed, tidied; ``PlaceInvalid`` if a field breaks its rules."""
        return Place.of(self.name, self.address, self.notes)


class MeetingCreate(RequestModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"mode": "online", "starts_at": _START, "duration_minutes": 60},
                {
                    "mode": "face_to_face",
                    "starts_at": _START,
                    "ends_at": "2026-03-09T17:30:00Z",
                    "activity_key": "kick_off",
                    "place": {"name": "Café Central", "address": "Herrengasse 14, Wien"},
                },
            ]
        }
    )

    mode: MeetingMode
    starts_at: datetime = Field(description="With a UTC offset; stored in UTC.")
    ends_at: datetime | None = Field(default=None, description="Give this or duration_minutes.")
    duration_minutes: int | None = Field(default=None, ge=1, le=24 * 60)
    planned_activity_id: UUID | None = None
    activity_key: str | None = Field(default=None, max_length=64, pattern=r"^[a-z0-9_]+$")
    place: PlaceInput | None = Field(
        default=None, description="Required face to face; forbidden online (it gets a link)."
    )
    agenda_goal_ids: list[UUID] = Field(default_factory=list, max_length=50)


class MeetingUpdate(RequestModel):
    """A reschedule: any of time, duration, mode and place. SEQUENCE rises when the time,
    the duration or the place (or the mode) changes."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"starts_at": "2026-03-10T16:00:00Z"},
                {"duration_minutes": 90},
                {"mode": "face_to_face", "place": {"name": "Library, room 2"}},
            ]
        }
    )

    starts_at: datetime | None = None
    ends_at: datetime | None = None
    duration_minutes: int | None = Field(default=None, ge=1, le=24 * 60)
    mode: MeetingMode | None = None
    place: PlaceInput | None = None


class MeetingCancel(RequestModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"reason": "illness", "note": "Sorry, a fever."}]}
    )

    reason: CancelReason = Field(
        description="Not `relationship_ended` or `participant_erased`: the system's reasons."
    )
    note: str | None = Field(default=None, max_length=1000, description="Shown to members only.")


class PlacePublic(BaseModel):
    name: str
    address: str
    notes: str

    @classmethod
    def from_record(cls, place: Place) -> PlacePublic:
        return cls(name=place.name, address=place.address, notes=place.notes)


class VideoLinkPublic(BaseModel):
    provider: str
    url: str = Field(description="The caller's own way in (the mentor's moderates).")
    moderator: bool


class AttendeePublic(BaseModel):
    """A member invited to the meeting, with the meeting's times on their own clock."""

    participant_id: UUID | None = Field(description="None once the person was erased.")
    role: Role
    partstat: Partstat
    responded_at: datetime | None
    time_zone: str = Field(description="Their contact's IANA zone; UTC if unknown.")
    starts_at_local: datetime
    ends_at_local: datetime


class CancellationPublic(BaseModel):
    reason: CancelReason
    cancelled_by: CancelledBy
    cancelled_at: datetime
    note: str | None = Field(description="Members only.")


class MeetingPublic(BaseModel):
    id: UUID
    relationship_id: UUID
    programme_id: UUID
    planned_activity_id: UUID | None
    activity_key: str | None
    mode: MeetingMode
    status: MeetingStatus
    starts_at: datetime
    ends_at: datetime
    duration_minutes: int
    sequence: int = Field(description="iCalendar SEQUENCE: rises on every significant change.")
    ical_uid: str
    viewer: Literal["member", "manager"] = Field(
        description="Managers see when and how, never the place, the link or the agenda."
    )
    link_status: LinkStatus | None = Field(description="Online meetings: ready or pending.")
    link: VideoLinkPublic | None = Field(description="Members only: the caller's own link.")
    place: PlacePublic | None = Field(description="Members only.")
    agenda_goal_ids: list[UUID] | None = Field(description="Members only.")
    attendees: list[AttendeePublic]
    cancellation: CancellationPublic | None
    created_at: datetime
    updated_at: datetime
