"""Participants (the kit's directory keeps their contacts) and their erasure.

Erasure destroys what the person wrote and unlinks them from what stays: others'
messages and the thread structure remain, the person's messages read "[deleted]"
by "former member", and a tombstone keeps late events from bringing the person back.

Content is sealed with one data key per conversation or forum, so an erased
person's words cannot be crypto-shredded without shredding everyone's: their
ciphertext is destroyed instead (the body columns are nulled in the erasing
transaction). Their contact is sealed under their own key, which the directory
shreds, with every mail and stored answer that names them (:mod:`tandem_kit.privacy`).
On SQLite the kit's engine zeroes freed space (``secure_delete``) and checkpoints
the WAL after the erasure commits; on PostgreSQL what old row versions and the WAL
still hold is ciphertext whose keys are gone (or, for message bodies, under the
conversation's key, which never is in the database in the clear).
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit import directory
from tandem_kit.auth import Principal, require_admin
from tandem_kit.directory import Erasure, Participant
from tandem_kit.errors import NotFound
from tandem_messaging.adapters import (
    agreements,
    conversations,
    digests,
    forums,
    messages,
    preferences,
    reports,
)
from tandem_messaging.adapters import notifications as mail
from tandem_messaging.service import notifications
from tandem_messaging.service.context import Context
from tandem_messaging.service.programmes import ensure_programme


@dataclass(frozen=True)
class Erased:
    participant_id: UUID
    messages: int
    posts: int


async def participant_recorded(
    session: AsyncSession, ctx: Context, participant: Participant
) -> None:
    """After the directory stored a registration or an update: mails owed to the person."""
    await ensure_programme(session, ctx, participant.programme_id)
    await notifications.owed_to_participant(session, ctx, participant.participant_id)


async def erase(session: AsyncSession, ctx: Context, forgotten: Erasure) -> Erased:
    """Messaging's part of an erasure, after the directory forgot the person's contact."""
    now = ctx.now()
    participant_id, subject = forgotten.participant_id, forgotten.subject
    memberships = await conversations.memberships_of_participant(session, participant_id)
    email = forgotten.participant.contact.email if forgotten.participant else None
    if subject is None:
        subject = memberships[0][1].subject if memberships else None
    relationship_ids = [conversation.relationship_id for conversation, _ in memberships]
    agreement_ids = [
        a.id
        for rid in relationship_ids
        if (a := await agreements.by_relationship(session, rid)) is not None
    ]
    erased_messages = await messages.erase_author(session, participant_id, now)
    erased_posts = await forums.erase_author(session, participant_id, now)
    await reports.erase_participant(session, participant_id)
    if subject is not None:
        await agreements.forget_subject(session, agreement_ids, subject)
    await conversations.remove_member(session, participant_id)
    if subject is not None and not await directory.subject_participates(session, subject):
        # The person is gone from every programme: their preferences and every mail
        # to their address (sent or not) go too.
        await preferences.forget(session, subject)
        await digests.forget(session, subject)
        if email is not None:
            await mail.forget_mails_to(session, email)
    return Erased(participant_id, erased_messages, erased_posts)


async def erase_by_admin(ctx: Context, principal: Principal, participant_id: UUID) -> Erased:
    require_admin(principal)
    async with ctx.database.transaction() as session:
        known = await directory.participants_by_id(session, [participant_id])
        memberships = await conversations.memberships_of_participant(session, participant_id)
        if not known and not memberships and not await directory.is_erased(session, participant_id):
            raise NotFound("No such participant.", code="participant_not_found")
        forgotten = await directory.erase_participant(session, participant_id, None, ctx.now())
        return await erase(session, ctx, forgotten)
