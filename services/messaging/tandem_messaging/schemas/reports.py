"""Misconduct reports: filed by members, read by the programme's managers."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, Field

from tandem_kit.api import RequestModel
from tandem_messaging.domain.reports import ReportStatus
from tandem_messaging.schemas.common import examples


class ReportReason(StrEnum):
    HARASSMENT = "harassment"
    DISCRIMINATION = "discrimination"
    INAPPROPRIATE_CONTENT = "inappropriate_content"
    CONFIDENTIALITY_BREACH = "confidentiality_breach"
    SPAM = "spam"
    OTHER = "other"


class ReportCreate(RequestModel):
    model_config = examples(
        {
            "reason": "harassment",
            "note": "This keeps happening after I said no.",
            "include_excerpt": True,
        },
        {"reason": "spam", "include_excerpt": False},
    )

    reason: ReportReason
    note: str | None = Field(
        default=None, max_length=2000, description="Your words to the manager (optional)."
    )
    include_excerpt: bool = Field(
        default=False,
        description=(
            "Send the reported text to the manager. Managers never read private conversations "
            "otherwise; without it they see only who, when and why."
        ),
    )


class ReportReceipt(BaseModel):
    model_config = examples(
        {
            "id": "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b",
            "status": "open",
            "includes_excerpt": True,
            "created_at": "2026-03-02T17:10:00Z",
        }
    )

    id: UUID
    status: ReportStatus
    includes_excerpt: bool
    created_at: datetime


class ReportParty(BaseModel):
    participant_id: UUID | None = Field(description="Null once the person was erased.")
    role: str | None


class ReportPublic(BaseModel):
    model_config = examples(
        {
            "id": "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b",
            "target_kind": "message",
            "container_id": "3c9f6a4e-1d2b-4c8e-9f0a-7b6d5e4c3b2a",
            "target_id": "8d7c6b5a-4e3f-4a1b-9c8d-7e6f5a4b3c2d",
            "author": {"participant_id": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d", "role": "mentor"},
            "reporter": {
                "participant_id": "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
                "role": "mentee",
            },
            "reason": "harassment",
            "note": "This keeps happening after I said no.",
            "excerpt": "…the reported text…",
            "status": "open",
            "created_at": "2026-03-02T17:10:00Z",
            "resolved_at": None,
        }
    )

    id: UUID
    target_kind: Literal["message", "post"]
    container_id: UUID = Field(description="The conversation or forum.")
    target_id: UUID
    author: ReportParty
    reporter: ReportParty
    reason: ReportReason
    note: str | None
    excerpt: str | None = Field(description="Only when the reporter chose to include it.")
    status: ReportStatus
    created_at: datetime
    resolved_at: datetime | None


class ReportUpdate(RequestModel):
    model_config = examples({"status": "resolved"})

    status: ReportStatus
