"""A participant's weekly availability for meetings: what PUT takes, what GET shows."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from tandem_kit.api import RequestModel
from tandem_meetings.domain.availability import (
    MAX_WINDOWS,
    Availability,
    AvailabilitySource,
    AvailabilityWindow,
)

_START = r"^([01]\d|2[0-3]):[0-5]\d$"
_END = r"^([01]\d|2[0-3]):[0-5]\d$|^24:00$"


class WindowBody(RequestModel):
    weekday: int = Field(ge=0, le=6, description="0 = Monday … 6 = Sunday.")
    start: str = Field(pattern=_START, description="Local time, HH:MM.", examples=["09:00"])
    end: str = Field(
        pattern=_END,
        description="Local time, HH:MM, after start (24:00 allowed).",
        examples=["12:30"],
    )


class AvailabilityUpdate(RequestModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"windows": [{"weekday": 0, "start": "09:00", "end": "12:00"}]}]
        }
    )

    windows: list[WindowBody] = Field(
        max_length=MAX_WINDOWS,
        description=(
            "Your weekly windows in your own time zone, used by meetings instead of your "
            f"profile's: at most {MAX_WINDOWS}, each ending after it starts, none overlapping "
            "another of the same day. An empty list means no time at all."
        ),
    )


class WindowPublic(BaseModel):
    weekday: int
    start: str
    end: str

    @classmethod
    def from_record(cls, window: AvailabilityWindow) -> WindowPublic:
        return cls(weekday=window.weekday, start=window.start, end=window.end)


class AvailabilityPublic(BaseModel):
    participant_id: UUID
    programme_id: UUID
    source: AvailabilitySource = Field(
        description="override: the windows you set here; matching: your profile's."
    )
    time_zone: str = Field(description="The IANA zone the windows are in (yours).")
    windows: list[WindowPublic]
    updated_at: datetime | None

    @classmethod
    def from_record(cls, availability: Availability) -> AvailabilityPublic:
        return cls(
            participant_id=availability.participant_id,
            programme_id=availability.programme_id,
            source=availability.source,
            time_zone=availability.time_zone,
            windows=[WindowPublic.from_record(w) for w in availability.windows],
            updated_at=availability.updated_at,
        )
