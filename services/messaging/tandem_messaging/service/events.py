"""Every event messaging publishes is built here, from the records of the use case.

Events carry ids and facts, never content: a message's or post's length, not its
text; an agreement's channels and figures, not its free text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from tandem_contracts.common import Role
from tandem_contracts.messaging import (
    AgreementAccepted,
    ForumPostCreated,
    MessagePosted,
    SenderRole,
)
from tandem_contracts.messaging import Channel as ContractChannel
from tandem_messaging.domain.agreements import Agreement, Version
from tandem_messaging.domain.conversations import Conversation, Member
from tandem_messaging.domain.forums import Post, Thread
from tandem_messaging.domain.messages import StoredMessage
from tandem_messaging.service.access import ForumSeat


def message_posted(
    conversation: Conversation, sender: Member, message: StoredMessage
) -> MessagePosted:
    return MessagePosted(
        programme_id=conversation.programme_id,
        relationship_id=conversation.relationship_id,
        conversation_id=conversation.id,
        message_id=message.id,
        sender_participant_id=sender.participant_id,
        sender_role=SenderRole(sender.role),
        posted_at=message.posted_at,
        length=message.length,
        in_reply_to=message.in_reply_to,
    )


def forum_post_created(seat: ForumSeat, thread: Thread, post: Post) -> ForumPostCreated:
    return ForumPostCreated(
        programme_id=seat.forum.programme_id,
        forum_id=seat.forum.id,
        thread_id=thread.id,
        post_id=post.id,
        author_participant_id=seat.participant_id,
        author_role=SenderRole(seat.role),
        posted_at=post.posted_at,
        length=post.length,
        relationship_id=seat.forum.relationship_id,
    )


def agreement_accepted(
    conversation: Conversation,
    agreement: Agreement,
    version: Version,
    accepted_at: datetime,
    members: Sequence[Member],
) -> AgreementAccepted:
    return AgreementAccepted(
        programme_id=conversation.programme_id,
        relationship_id=conversation.relationship_id,
        agreement_id=agreement.id,
        version=agreement.version,
        channels=[ContractChannel(c.value) for c in version.channels],
        response_time_hours=version.response_time_hours,
        meeting_cadence_days=version.meeting_cadence_days,
        accepted_at=accepted_at,
        member_roles=sorted({Role(m.role) for m in members}),
    )
