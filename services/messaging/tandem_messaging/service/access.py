"""Who may see what: the token's role in the programme AND membership, on every call.

Membership comes from our own data; the role from the token. A membership never
stands in for a role the token no longer carries: a mentee whose grant was revoked
(or a token with no roles) is, for this service, outside the programme — 404.

- A conversation's content is for its members only. Its programme's managers
  (and admins) get 403 — they know it exists and may see its statistics, but
  never its content. Anyone else gets 404, as if it did not exist.
- A programme forum is open to the programme's registered participants and its
  managers; a group's forum to the group's members (managers: 403 on content).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit import directory
from tandem_kit.auth import Principal
from tandem_kit.directory import Participant
from tandem_kit.errors import Forbidden, Gone, NotFound
from tandem_messaging.adapters import conversations, forums
from tandem_messaging.domain.conversations import Conversation, ConversationStatus, Member
from tandem_messaging.domain.forums import Forum

CONFIDENTIAL = (
    "Managers see a conversation's statistics, never its content; use the statistics endpoint."
)


def oversees(principal: Principal, programme_id: UUID) -> bool:
    """Admin or the manager grant: the kit's one role rule (never the directory's
    list of a programme's managers, which says whom to mail)."""
    return principal.may_manage(programme_id)


def holds(principal: Principal, role: str, programme_id: UUID) -> bool:
    """Whether the token still grants the participant ``role`` (mentor or mentee) there."""
    return principal.acts_as(role, programme_id)


def seated(principal: Principal, me: Member | None, programme_id: UUID) -> Member | None:
    """The membership, if the token still grants its role; else none at all."""
    return me if me is not None and holds(principal, me.role, programme_id) else None


def no_conversation() -> NotFound:
    return NotFound("No such conversation.", code="conversation_not_found")


def check_retained(conversation: Conversation, now: datetime) -> None:
    expired = conversation.retention_until is not None and now >= conversation.retention_until
    if conversation.status == ConversationStatus.PURGED or expired:
        raise Gone(
            "The programme's retention period for this conversation is over; "
            "its content was deleted.",
            code="retention_expired",
        )


async def conversation_member(
    session: AsyncSession, principal: Principal, conversation_id: UUID, now: datetime
) -> tuple[Conversation, Member]:
    """The conversation and the caller as its member — or 403 (its manager) / 404."""
    conversation, me = await conversations.with_member(session, conversation_id, principal.subject)
    if conversation is None:
        raise no_conversation()
    me = seated(principal, me, conversation.programme_id)
    if me is None:
        if oversees(principal, conversation.programme_id):
            raise Forbidden(CONFIDENTIAL, code="content_confidential")
        raise no_conversation()
    check_retained(conversation, now)
    return conversation, me


async def conversation_overseer(
    session: AsyncSession, principal: Principal, conversation_id: UUID
) -> tuple[Conversation, Member | None]:
    """For statistics and agreements: members and the programme's managers; else 404."""
    conversation, me = await conversations.with_member(session, conversation_id, principal.subject)
    if conversation is None:
        raise no_conversation()
    me = seated(principal, me, conversation.programme_id)
    if me is None and not oversees(principal, conversation.programme_id):
        raise no_conversation()
    return conversation, me


async def relationship_party(
    session: AsyncSession, principal: Principal, relationship_id: UUID
) -> tuple[Conversation, Member | None]:
    conversation = await conversations.by_relationship(session, relationship_id)
    if conversation is None:
        raise NotFound("No such relationship.", code="relationship_not_found")
    me = seated(
        principal,
        await conversations.member(session, conversation.id, principal.subject),
        conversation.programme_id,
    )
    if me is None and not oversees(principal, conversation.programme_id):
        raise NotFound("No such relationship.", code="relationship_not_found")
    return conversation, me


async def programme_manager(
    session: AsyncSession, principal: Principal, programme_id: UUID
) -> None:
    """403 for the programme's participants, 404 for everyone outside it."""
    if oversees(principal, programme_id):
        return
    if principal.in_programme(programme_id):
        raise Forbidden("This needs the manager role in this programme.")
    raise NotFound("No such programme.", code="programme_not_found")


async def programme_member(
    session: AsyncSession, principal: Principal, programme_id: UUID
) -> Participant | None:
    """A registered participant (returned) or a manager (None) of the programme; else 404."""
    participant = await directory.participant_in_programme(session, programme_id, principal.subject)
    if participant is not None and holds(principal, participant.role, programme_id):
        return participant
    if oversees(principal, programme_id):
        return None
    raise NotFound("No such programme.", code="programme_not_found")


@dataclass(frozen=True)
class ForumSeat:
    """The caller in a forum: as a participant, as a group member, or as moderator."""

    forum: Forum
    participant_id: UUID | None
    role: str
    moderator: bool


def no_forum() -> NotFound:
    return NotFound("No such forum.", code="forum_not_found")


async def forum_reader(session: AsyncSession, principal: Principal, forum_id: UUID) -> ForumSeat:
    forum = await forums.by_id(session, forum_id)
    if forum is None:
        raise no_forum()
    if forum.relationship_id is not None:
        conversation = await conversations.by_relationship(session, forum.relationship_id)
        me = (
            seated(
                principal,
                await conversations.member(session, conversation.id, principal.subject),
                forum.programme_id,
            )
            if conversation is not None
            else None
        )
        if me is not None:
            return ForumSeat(forum, me.participant_id, me.role, moderator=False)
        if oversees(principal, forum.programme_id):
            raise Forbidden(
                "A group's forum is for its members; managers moderate reported "
                "posts without reading the forum.",
                code="content_confidential",
            )
        raise no_forum()
    participant = await directory.participant_in_programme(
        session, forum.programme_id, principal.subject
    )
    if participant is not None and holds(principal, participant.role, forum.programme_id):
        return ForumSeat(
            forum,
            participant.participant_id,
            participant.role,
            moderator=oversees(principal, forum.programme_id),
        )
    if oversees(principal, forum.programme_id):
        return ForumSeat(forum, None, "manager", moderator=True)
    raise no_forum()


async def forum_moderator(session: AsyncSession, principal: Principal, forum_id: UUID) -> Forum:
    """Managers moderate every forum of their programme, including groups' (by id, unread)."""
    forum = await forums.by_id(session, forum_id)
    if forum is None:
        raise no_forum()
    if oversees(principal, forum.programme_id):
        return forum
    await forum_reader(session, principal, forum_id)  # 404 for outsiders
    raise Forbidden("Only the programme's managers moderate its forums.")
