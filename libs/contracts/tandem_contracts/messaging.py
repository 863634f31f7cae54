"""Events published by the messaging service on ``tandem.messaging.v1``.

Metadata only: no message or post content ever leaves the messaging service.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import ClassVar
from uuid import UUID

from pydantic import Field

from tandem_contracts.base import Event
from tandem_contracts.common import Role


class MessagingEvent(Event):
    producer: ClassVar = "messaging"


class SenderRole(StrEnum):
    MENTOR = "mentor"
    MENTEE = "mentee"
    MANAGER = "manager"


class MessagePosted(MessagingEvent):
    event_type: ClassVar = "tandem.message.posted.v1"

    relationship_id: UUID
    conversation_id: UUID
    message_id: UUID
    sender_participant_id: UUID | None
    sender_role: SenderRole
    posted_at: datetime
    length: int = Field(ge=0, description="Characters in the message; never the content.")
    in_reply_to: UUID | None = None


class ForumPostCreated(MessagingEvent):
    event_type: ClassVar = "tandem.forum.post.created.v1"

    forum_id: UUID
    thread_id: UUID
    post_id: UUID
    author_participant_id: UUID | None
    author_role: SenderRole
    posted_at: datetime
    length: int = Field(ge=0)
    relationship_id: UUID | None = Field(default=None, description="Set for a group's own forum.")


class Channel(StrEnum):
    MESSAGES = "messages"
    FORUM = "forum"
    EMAIL = "email"
    VIRTUAL_MEETING = "virtual_meeting"
    FACE_TO_FACE = "face_to_face"


class AgreementAccepted(MessagingEvent):
    """Everyone (members and manager) accepted this version; carries figures, not free text."""

    event_type: ClassVar = "tandem.agreement.accepted.v1"

    relationship_id: UUID
    agreement_id: UUID
    version: int = Field(ge=1)
    channels: list[Channel]
    response_time_hours: int = Field(ge=1)
    meeting_cadence_days: int = Field(ge=1)
    accepted_at: datetime
    member_roles: list[Role]
