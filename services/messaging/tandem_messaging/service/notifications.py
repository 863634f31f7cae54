"""Which mails messaging sends, to whom, and under which idempotency key.

Every mail is queued in the transaction of the change that causes it (kit mail
outbox) and keyed by cause + recipient, so redeliveries and retries never
double a mail and a crash never loses one. Nobody's contact is mailed before it
has arrived from matching; whoever is still owed a mail gets it when it does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit import directory, privacy
from tandem_kit.directory import Contact, Participant
from tandem_kit.i18n import Wording
from tandem_messaging.adapters import agreements, conversations, digests, preferences
from tandem_messaging.adapters import notifications as mail
from tandem_messaging.domain.agreements import MANAGER, Agreement, outstanding
from tandem_messaging.domain.conversations import Conversation, Member
from tandem_messaging.domain.digest import ManagerMail, ManagerNotice, NewMessageMail
from tandem_messaging.service.context import Context

PREFERENCES_PATH = "/me/notification-preferences"


async def programme_wording(session: AsyncSession, programme_id: UUID) -> tuple[str, Wording]:
    """The programme's name for mails, and its wording: its languages (the recipients'
    fallbacks) and the overrides its managers set."""
    programme = await directory.programme(session, programme_id)
    if programme is None:
        return "Tandem", Wording()
    return programme.name or "Tandem", programme.wording


def _names(participant_ids: Sequence[UUID]) -> list[str]:
    """The people a mail names, as the kit's vault knows them (their erasure deletes it)."""
    return [privacy.participant(pid) for pid in participant_ids]


def _person(member: Member, known: dict[UUID, Participant]) -> mail.Person:
    found = known.get(member.participant_id)
    return mail.Person(found.contact.display_name if found else None, member.role)


async def new_message(
    session: AsyncSession,
    ctx: Context,
    conversation: Conversation,
    sender: Member,
    message_id: UUID,
    written_at: datetime,
) -> str | None:
    """Tell the other members who want it immediately (never the content).

    Returns the sender's display name, if their contact has arrived.
    """
    members, _ = await preferences.conversation_recipients(
        session, conversation.id, conversation.programme_id
    )
    programme, wording = await programme_wording(session, conversation.programme_id)
    sender_name = next(
        (m.contact.display_name for m in members if m.subject == sender.subject and m.contact), None
    )
    for member in members:
        if (
            member.subject == sender.subject
            or member.contact is None
            or member.new_message is not NewMessageMail.IMMEDIATE
        ):
            continue
        await mail.new_message(
            session,
            member.contact,
            sender=mail.Person(sender_name, sender.role),
            programme=programme,
            wording=wording,
            written_at=written_at,
            link=ctx.link(f"/conversations/{conversation.id}"),
            preferences=ctx.link(PREFERENCES_PATH),
            key=f"message-new:{message_id}:{member.participant_id}",
            names=_names([member.participant_id, sender.participant_id]),
        )
    return sender_name


async def introduce(session: AsyncSession, ctx: Context, conversation: Conversation) -> None:
    """Introduce the members to each other once everyone's contact has arrived.

    LinkedIn profiles are suggested between two people only when both shared theirs
    (matching sends a profile URL only with its owner's consent).
    """
    members = await conversations.members_of(session, conversation.id)
    known = await directory.participants_by_id(session, [m.participant_id for m in members])
    if not members or any(m.participant_id not in known for m in members):
        return
    programme, wording = await programme_wording(session, conversation.programme_id)
    for member in (m for m in members if not m.introduced):
        me = known[member.participant_id].contact
        others = [
            mail.Person(
                known[o.participant_id].contact.display_name,
                o.role,
                known[o.participant_id].contact.linkedin_url if me.linkedin_url else None,
            )
            for o in members
            if o.participant_id != member.participant_id
        ]
        await mail.introduction(
            session,
            me,
            others=others,
            programme=programme,
            wording=wording,
            link=ctx.link(f"/conversations/{conversation.id}"),
            key=f"relationship-introduction:{conversation.relationship_id}:{member.participant_id}",
            names=_names([m.participant_id for m in members]),
        )
        await conversations.mark_introduced(session, conversation.id, member.participant_id)


async def agreement_pending(session: AsyncSession, ctx: Context, agreement: Agreement) -> None:
    """Ask everyone who has not accepted the current version yet (whose contact we have).

    Members are asked at once. Managers are asked in their digest (one mail per period
    listing every relationship waiting, :mod:`tandem_messaging.service.digests`) unless
    they chose immediate mails: a match run starting 33 relationships is one mail, not 33.
    """
    if agreement.closed or agreement.version == 0:
        return
    members = await conversations.members_of(session, agreement.conversation_id)
    accepted = await agreements.acceptances(session, agreement.id, agreement.version)
    waiting = outstanding(
        [m.subject for m in members],
        [a.subject for a in accepted if a.role != MANAGER],
        any(a.role == MANAGER for a in accepted),
    )
    if not waiting:
        return
    known = await directory.participants_by_id(session, [m.participant_id for m in members])
    recipients: list[Contact] = [
        known[m.participant_id].contact
        for m in members
        if m.subject in waiting and m.participant_id in known
    ]
    if MANAGER in waiting:
        recipients += await _managers_asked_now(session, ctx, agreement)
    await _ask(
        session,
        ctx,
        agreement,
        recipients,
        [_person(m, known) for m in members],
        _names([m.participant_id for m in members]),
    )


async def _managers_asked_now(
    session: AsyncSession, ctx: Context, agreement: Agreement
) -> list[Contact]:
    """The managers who want an immediate mail; the others' digests get a notice."""
    managers = await directory.managers_of(session, agreement.programme_id)
    chosen = await preferences.of_subjects(
        session, [m.subject for m in managers], ctx.settings.digest_default_hour
    )
    immediate = []
    for manager in managers:
        if chosen[manager.subject].manager_mail is ManagerMail.IMMEDIATE:
            immediate.append(manager)
            continue
        notice = ManagerNotice(
            manager.subject, agreement.id, agreement.version, agreement.programme_id, ctx.now()
        )
        await digests.note(session, notice)
    return immediate


async def _ask(
    session: AsyncSession,
    ctx: Context,
    agreement: Agreement,
    recipients: Sequence[Contact],
    members: Sequence[mail.Person],
    names: Sequence[str],
) -> None:
    programme, wording = await programme_wording(session, agreement.programme_id)
    for contact in recipients:
        await mail.agreement_pending(
            session,
            contact,
            version=agreement.version,
            programme=programme,
            wording=wording,
            members=members,
            link=agreement_link(ctx, agreement.relationship_id),
            key=f"agreement-pending:{agreement.id}:v{agreement.version}:{contact.subject}",
            names=names,
        )


def agreement_link(ctx: Context, relationship_id: UUID) -> str:
    return ctx.link(f"/relationships/{relationship_id}/agreement")


async def owed_to_participant(session: AsyncSession, ctx: Context, participant_id: UUID) -> None:
    """A contact arrived: send the introductions and agreement requests waiting for it."""
    for conversation, _member in await conversations.memberships_of_participant(
        session, participant_id
    ):
        await introduce(session, ctx, conversation)
        agreement = await agreements.by_relationship(session, conversation.relationship_id)
        if agreement is not None:
            await agreement_pending(session, ctx, agreement)


async def owed_to_managers(session: AsyncSession, ctx: Context, programme_id: UUID) -> None:
    """The managers' contacts arrived: ask them about agreements waiting for a manager."""
    for agreement in await agreements.pending_in_programme(session, programme_id):
        await agreement_pending(session, ctx, agreement)
