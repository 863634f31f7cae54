"""Your data in meetings: everything it holds about you, decrypted, as one JSON document."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from tandem_contracts.meetings import CancelReason
from tandem_meetings.schemas.attendance import MarkPublic
from tandem_meetings.schemas.availability import WindowPublic
from tandem_meetings.schemas.calendar_sources import CalendarSourcePublic
from tandem_meetings.schemas.goals import GoalPublic


class ExportedContact(BaseModel):
    """The copy of your contact meetings keeps (from matching) to mail and place you."""

    display_name: str
    email: str
    language: str
    time_zone: str
    city: str | None
    linkedin_url: str | None


class ExportedBusyInterval(BaseModel):
    starts_at: datetime
    ends_at: datetime


class ExportedParticipation(BaseModel):
    """You as a participant of one programme: contact, availability, external calendar."""

    participant_id: UUID
    programme_id: UUID | None
    role: str | None
    contact: ExportedContact | None
    country: str | None = Field(description="From your matching profile (meetings' copy).")
    modality: str | None
    profile_goals: list[str] = Field(description="Your profile's goal tokens.")
    profile_availability: list[WindowPublic] = Field(description="Matching's copy.")
    availability_override: list[WindowPublic] | None = Field(
        description="The windows you set here instead; null when not set."
    )
    calendar_source: CalendarSourcePublic | None = Field(description="Its URL decrypted.")
    busy_intervals: list[ExportedBusyInterval] = Field(description="Read from your feed.")


class ExportedMembership(BaseModel):
    relationship_id: UUID
    programme_id: UUID
    participant_id: UUID
    role: str
    status: str
    starts_on: date
    agreed_end_date: date


class ExportedMeeting(BaseModel):
    """A meeting you are invited to, with your answer (its place and link are the
    relationship's: the meeting's own page shows them)."""

    meeting_id: UUID
    relationship_id: UUID
    status: str
    mode: str
    starts_at: datetime
    ends_at: datetime
    partstat: str = Field(description="Your answer: needs_action, accepted, declined, tentative.")
    responded_at: datetime | None
    cancel_reason: CancelReason | None
    cancel_note: str | None = Field(description="Your words, if you cancelled it with a note.")


class ExportedNote(BaseModel):
    note_id: UUID
    meeting_id: UUID
    relationship_id: UUID
    text: str | None = Field(description="Null only if it can no longer be opened.")
    created_at: datetime
    updated_at: datetime


class ExportedReminder(BaseModel):
    meeting_id: UUID
    offset_minutes: int
    due_at: datetime


class ExportedAttendance(BaseModel):
    """A record of a meeting's attendance you made (what you said about every member)."""

    meeting_id: UUID
    recorder_role: str
    members: list[MarkPublic]
    mode: str = Field(description="The mode you said was used.")
    duration_minutes: int
    recorded_at: datetime
    updated_at: datetime


class ExportedCalendarFeed(BaseModel):
    """Whether you have a personal calendar feed (its token is never stored or shown)."""

    exists: bool
    created_at: datetime | None


class ExportPublic(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "subject": "auth0|ana",
                    "exported_at": "2026-03-03T09:00:00Z",
                    "participations": [],
                    "memberships": [],
                    "meetings": [],
                    "goals": [],
                    "notes": [],
                    "reminders": [],
                    "attendance": [],
                    "calendar_feed": {"exists": False, "created_at": None},
                }
            ]
        }
    )

    subject: str
    exported_at: datetime
    participations: list[ExportedParticipation]
    memberships: list[ExportedMembership]
    meetings: list[ExportedMeeting]
    goals: list[GoalPublic] = Field(description="Goals you added, with their milestones.")
    notes: list[ExportedNote] = Field(description="Meeting notes you wrote.")
    reminders: list[ExportedReminder] = Field(description="Reminders still to be mailed to you.")
    attendance: list[ExportedAttendance] = Field(
        description="Attendance records you made, oldest first."
    )
    calendar_feed: ExportedCalendarFeed
