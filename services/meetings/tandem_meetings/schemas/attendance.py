"""Attendance on the wire: a member's record (``AttendanceUpdate``, PUT) and the
meeting's outcome with its records (``AttendancePublic``)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from tandem_contracts.common import Role
from tandem_contracts.meetings import AttendanceOutcome, MeetingMode
from tandem_kit.api import RequestModel
from tandem_meetings.domain.attendance import (
    MAX_DURATION_MINUTES,
    MIN_DURATION_MINUTES,
    AttendanceRecord,
    AttendanceState,
    Presence,
)


class MarkUpdate(RequestModel):
    participant_id: UUID
    presence: Presence


class AttendanceUpdate(RequestModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "members": [
                        {
                            "participant_id": "0b6b1c6e-3f0e-4a5e-9d61-1c2f3a4b5c6d",
                            "presence": "attended",
                        },
                        {
                            "participant_id": "7d3e2f1a-9b8c-4d5e-8f70-6a5b4c3d2e1f",
                            "presence": "no_show",
                        },
                    ],
                    "mode": "online",
                    "duration_minutes": 45,
                }
            ]
        }
    )

    members: list[MarkUpdate] = Field(
        min_length=1, max_length=50, description="Exactly the meeting's members, once each."
    )
    mode: MeetingMode = Field(description="The mode actually used.")
    duration_minutes: int = Field(ge=MIN_DURATION_MINUTES, le=MAX_DURATION_MINUTES)


class MarkPublic(BaseModel):
    participant_id: UUID | None = Field(description="None: an erased member.")
    role: Role
    presence: Presence


class AttendanceRecordPublic(BaseModel):
    recorder_id: UUID | None = Field(description="None: the recorder was erased.")
    recorder_role: Role
    mine: bool
    members: list[MarkPublic]
    mode: MeetingMode
    duration_minutes: int
    recorded_at: datetime = Field(description="When the member first recorded.")
    updated_at: datetime

    @classmethod
    def from_record(cls, record: AttendanceRecord, me: UUID) -> AttendanceRecordPublic:
        return cls(
            recorder_id=record.recorder_id,
            recorder_role=record.recorder_role,
            mine=record.recorder_id == me,
            members=[
                MarkPublic(participant_id=k.participant_id, role=k.role, presence=k.presence)
                for k in record.marks
            ],
            mode=record.mode,
            duration_minutes=record.duration_minutes,
            recorded_at=record.created_at,
            updated_at=record.updated_at,
        )


class AttendancePublic(BaseModel):
    meeting_id: UUID
    state: AttendanceState = Field(
        description="`awaiting` nobody recorded yet; `recorded`; `disputed` records "
        "disagree (all shown); `unrecorded` nobody recorded in time (not a no-show)."
    )
    outcome: AttendanceOutcome | None = Field(description="From the counting record.")
    counting: AttendanceRecordPublic | None = Field(
        description="The record that counts: a group's mentor's, else the first made."
    )
    records: list[AttendanceRecordPublic] = Field(
        description="Every member's record, first made first: when they disagree all are kept."
    )
