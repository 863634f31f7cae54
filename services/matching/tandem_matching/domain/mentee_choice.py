"""Mentor requests: a mentee asks a mentor directly, and the mentor decides."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID


class RequestStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"  # by the mentor: the relationship starts at once
    DECLINED = "declined"  # by the mentor (or the mentor left): not proposed again
    WITHDRAWN = "withdrawn"  # by the mentee (or the mentee left)


@dataclass(frozen=True, slots=True)
class MentorRequest:
    id: UUID
    programme_id: UUID
    mentee_id: UUID
    mentor_id: UUID
    status: RequestStatus
    message: str | None  # nulled on erasure
    score: float
    explanation: Mapping[str, object] | None  # {"score": …, "criteria": […]}; nulled on erasure
    relationship_id: UUID | None  # set when the mentor accepted
    created_at: dt.datetime
    decided_at: dt.datetime | None

    def involves(self, participant_id: UUID | None) -> bool:
        return participant_id in (self.mentee_id, self.mentor_id)
