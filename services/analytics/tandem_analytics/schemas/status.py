"""What ``GET /v1/status`` returns."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from tandem_analytics.domain.status import Status


class StatusPublic(BaseModel):
    service: str
    version: str
    events_handled: int
    checked_at: datetime

    @classmethod
    def from_record(cls, status: Status) -> StatusPublic:
        return cls.model_validate(status, from_attributes=True)
