"""A participant's export: everything they wrote, decrypted."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel

from tandem_messaging.schemas.common import examples
from tandem_messaging.schemas.preferences import NotificationPreferences


class ExportedMessage(BaseModel):
    conversation_id: UUID
    relationship_id: UUID
    message_id: UUID
    seq: int
    posted_at: datetime
    edited_at: datetime | None
    format: str
    body: str | None
    in_reply_to: UUID | None


class ExportedThread(BaseModel):
    forum_id: UUID
    thread_id: UUID
    title: str | None
    created_at: datetime


class ExportedPost(BaseModel):
    forum_id: UUID
    thread_id: UUID
    post_id: UUID
    posted_at: datetime
    format: str
    body: str | None
    in_reply_to: UUID | None
    hidden: bool


class ExportedReport(BaseModel):
    report_id: UUID
    target_kind: str
    target_id: UUID
    reason: str
    note: str | None
    created_at: datetime


class ExportedAgreementChange(BaseModel):
    agreement_id: UUID
    relationship_id: UUID
    version: int
    rules: list[str]
    created_at: datetime


class ExportPublic(BaseModel):
    model_config = examples(
        {
            "subject": "auth0|ana",
            "exported_at": "2026-03-03T09:00:00Z",
            "messages": [
                {
                    "conversation_id": "3c9f6a4e-1d2b-4c8e-9f0a-7b6d5e4c3b2a",
                    "relationship_id": "5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b",
                    "message_id": "8d7c6b5a-4e3f-4a1b-9c8d-7e6f5a4b3c2d",
                    "seq": 1,
                    "posted_at": "2026-03-02T17:04:00Z",
                    "edited_at": None,
                    "format": "plain",
                    "body": "Thanks for today!",
                    "in_reply_to": None,
                }
            ],
            "forum_threads": [],
            "forum_posts": [],
            "reports": [],
            "agreement_changes": [],
            "notification_preferences": {"new_message": "immediate", "digest_hour": 18},
        }
    )

    subject: str
    exported_at: datetime
    messages: list[ExportedMessage]
    forum_threads: list[ExportedThread]
    forum_posts: list[ExportedPost]
    reports: list[ExportedReport]
    agreement_changes: list[ExportedAgreementChange]
    notification_preferences: NotificationPreferences
