"""Your external calendar feed (ICS URL): what PUT takes, what GET shows (you only)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from tandem_kit.api import RequestModel
from tandem_meetings.domain.calendar_sources import (
    MAX_URL_LENGTH,
    CalendarSource,
    FailureReason,
    FeedStatus,
)


class CalendarSourceUpdate(RequestModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"url": "https://calendar.example.org/private/abc.ics"}]}
    )

    url: str = Field(
        min_length=1,
        max_length=MAX_URL_LENGTH,
        description=(
            "A read-only iCalendar feed of your own calendar (http, https or webcal). Meetings "
            "keeps only when you are busy, never titles or places; the URL is shown to you alone."
        ),
    )


class CalendarSourcePublic(BaseModel):
    url: str | None = Field(description="Yours only; null once it can no longer be read.")
    status: FeedStatus
    failure_reason: FailureReason | None = Field(description="Why the last fetch failed.")
    http_status: int | None = Field(description="The feed server's last status code.")
    busy_intervals: int = Field(description="Busy intervals kept from the feed (the horizon's).")
    truncated: bool = Field(description="Whether the feed held more events than are kept.")
    last_fetched_at: datetime | None
    last_success_at: datetime | None
    next_fetch_at: datetime
    updated_at: datetime

    @classmethod
    def from_record(cls, source: CalendarSource) -> CalendarSourcePublic:
        return cls(
            url=source.url,
            status=source.status,
            failure_reason=source.failure_reason,
            http_status=source.http_status,
            busy_intervals=source.busy_intervals,
            truncated=source.truncated,
            last_fetched_at=source.last_fetched_at,
            last_success_at=source.last_success_at,
            next_fetch_at=source.next_fetch_at,
            updated_at=source.updated_at,
        )
