"""Answers to a meeting: through the API (``RsvpUpdate``) and one-click links."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from tandem_contracts.common import Role
from tandem_kit.api import RequestModel
from tandem_meetings.domain.meetings import Attendee, MeetingStatus, Partstat
from tandem_meetings.domain.rsvp_links import RsvpResponse


class RsvpUpdate(RequestModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"response": "accepted"}]})

    response: RsvpResponse


class RsvpPublic(BaseModel):
    meeting_id: UUID
    participant_id: UUID | None
    role: Role
    partstat: Partstat
    responded_at: datetime | None

    @classmethod
    def from_record(cls, attendee: Attendee) -> RsvpPublic:
        return cls(
            meeting_id=attendee.meeting_id,
            participant_id=attendee.participant_id,
            role=attendee.role,
            partstat=attendee.partstat,
            responded_at=attendee.responded_at,
        )


class RsvpLinkPublic(BaseModel):
    """What ``POST`` on this link would do; reading it changes nothing (mail scanners
    open links)."""

    meeting_id: UUID
    response: RsvpResponse
    status: MeetingStatus
    starts_at: datetime
    ends_at: datetime
    expires_at: datetime
    action: str = Field(description="In words: what POST on the same URL does.")
