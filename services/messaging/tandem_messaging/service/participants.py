"""Participants' contacts (from matching's events) and their erasure.

Erasure destroys what the person wrote and unlinks them from what stays
(see :mod:`tandem_messaging.adapters.erasure` for the design): others'
messages and the thread structure remain, the person's messages read
"[deleted]" by "former member", and a tombstone keeps late events from
bringing the person back.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.matching import ParticipantErased, ParticipantProfileFacts
from tandem_kit.auth import Principal, require_admin
from tandem_kit.errors import NotFound
from tandem_messaging.adapters import (
    agreements,
    conversations,
    directory,
    erasure,
    forums,
    mail,
    messages,
    preferences,
    reports,
)
from tandem_messaging.adapters.directory import Contact, Participant
from tandem_messaging.service import notifications
from tandem_messaging.service.context import Context
from tandem_messaging.service.programmes import ensure_programme


@dataclass(frozen=True)
class Erased:
    participant_id: UUID
    messages: int
    posts: int


async def record_participant(
    session: AsyncSession, ctx: Context, event: ParticipantProfileFacts
) -> None:
    if await directory.is_erased(session, event.participant_id):
        return  # an update that overtook the erasure must not restore the contact
    await ensure_programme(session, ctx, event.programme_id)
    contact = event.contact
    await directory.save_participant(
        session,
        Participant(
            event.participant_id,
            event.programme_id,
            event.role.value,
            Contact(
                contact.subject,
                contact.display_name,
                contact.email,
                contact.preferred_language,
                contact.time_zone,
                event.linkedin_url,
            ),
        ),
        ctx.now(),
    )
    await notifications.owed_to_participant(session, ctx, event.participant_id)


async def erase(
    session: AsyncSession, ctx: Context, participant_id: UUID, subject: str | None
) -> Erased:
    now = ctx.now()
    memberships = await conversations.memberships_of_participant(session, participant_id)
    known = await directory.participants_by_id(session, [participant_id])
    email = known[participant_id].contact.email if known else None
    if subject is None:
        subject = memberships[0][1].subject if memberships else None
    relationship_ids = [conversation.relationship_id for conversation, _ in memberships]
    agreement_ids = [
        a.id
        for rid in relationship_ids
        if (a := await agreements.by_relationship(session, rid)) is not None
    ]
    await erasure.overwrite_freed_space(session)
    erased_messages = await messages.erase_author(session, participant_id, now)
    erased_posts = await forums.erase_author(session, participant_id, now)
    await reports.erase_participant(session, participant_id)
    if subject is not None:
        await agreements.forget_subject(session, agreement_ids, subject)
    await conversations.remove_member(session, participant_id)
    await directory.forget_participant(session, participant_id, now)
    if subject is not None and not await directory.subject_still_participates(session, subject):
        # The person is gone from every programme: their preferences and every mail
        # to their address (sent or not) go too.
        await preferences.forget(session, subject)
        if email is not None:
            await mail.forget_mails_to(session, email)
    return Erased(participant_id, erased_messages, erased_posts)


async def on_erased(session: AsyncSession, ctx: Context, event: ParticipantErased) -> None:
    await erase(session, ctx, event.participant_id, event.subject)


async def erase_by_admin(ctx: Context, principal: Principal, participant_id: UUID) -> Erased:
    require_admin(principal)
    async with ctx.database.transaction() as session:
        known = await directory.participants_by_id(session, [participant_id])
        memberships = await conversations.memberships_of_participant(session, participant_id)
        if not known and not memberships and not await directory.is_erased(session, participant_id):
            raise NotFound("No such participant.", code="participant_not_found")
        subject = known[participant_id].contact.subject if known else None
        return await erase(session, ctx, participant_id, subject)
