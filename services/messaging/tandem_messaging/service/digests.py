"""Digests. The daily digest: once a day per member, at their chosen local hour, one mail
listing their unread messages (counts and who wrote, never content). The manager digest:
at most once per period per manager, one mail listing the relationships whose
communication agreement waits for a manager's review."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit import directory, privacy
from tandem_kit.directory import Contact
from tandem_kit.i18n import Wording
from tandem_messaging.adapters import agreements, conversations, digests, messages, preferences
from tandem_messaging.adapters import notifications as mail
from tandem_messaging.domain.agreements import MANAGER
from tandem_messaging.domain.digest import ManagerNotice, digest_due, period_start
from tandem_messaging.service.context import Context
from tandem_messaging.service.notifications import (
    PREFERENCES_PATH,
    agreement_link,
    programme_wording,
)

log = logging.getLogger(__name__)


async def send_due_digests(ctx: Context, now: datetime) -> int:
    """Queue the digests due at ``now``; returns how many were queued.

    One transaction per member: the day is claimed (``last_digest_on``) in the
    same transaction as the queued mail, whose key is member + local day, so a
    crash, a second worker or a rerun never sends a day's digest twice.
    """
    async with ctx.database.transaction() as session:
        subscribers = await preferences.digest_subscribers(session)
    queued = 0
    for chosen, time_zone in subscribers:
        day = digest_due(now, time_zone, chosen.digest_hour, chosen.last_digest_on)
        if day is None:
            continue
        async with ctx.database.transaction() as session:
            if not await preferences.mark_digest_done(session, chosen.subject, day):
                continue
            unread = await messages.unread_by_conversation(session, chosen.subject)
            contact = await directory.contact_of_subject(session, chosen.subject)
            if not unread or contact is None:
                continue
            lines = []
            programme_ids = set()
            named: set[str] = set()
            for conversation_id, count in unread:
                conversation = await conversations.by_id(session, conversation_id)
                if conversation is not None:
                    programme_ids.add(conversation.programme_id)
                members = await conversations.members_of(session, conversation_id)
                # The digest names everyone in these conversations, its recipient included.
                named.update(privacy.participant(m.participant_id) for m in members)
                others = [m for m in members if m.subject != chosen.subject]
                known = await directory.participants_by_id(
                    session, [m.participant_id for m in others]
                )
                lines.append(
                    (
                        count,
                        [
                            mail.Person(
                                known[m.participant_id].contact.display_name
                                if m.participant_id in known
                                else None,
                                m.role,
                            )
                            for m in others
                        ],
                    )
                )
            # One digest covers every programme: their languages and overrides apply
            # only when the unread conversations are all in one programme.
            wording = Wording()
            if len(programme_ids) == 1:
                _, wording = await programme_wording(session, programme_ids.pop())
            if await mail.digest(
                session,
                contact,
                unread=lines,
                wording=wording,
                link=ctx.link("/conversations"),
                preferences=ctx.link(PREFERENCES_PATH),
                key=f"message-digest:{chosen.subject}:{day.isoformat()}",
                names=sorted(named),
            ):
                queued += 1
    return queued


async def send_manager_digests(ctx: Context, now: datetime) -> int:
    """Queue the managers' digests due at ``now``; returns how many were queued.

    A manager's digest lists the agreements that came to wait for them in the periods
    before the current one and still wait (not accepted by a manager, not replaced by a
    newer version, not closed). One transaction per manager: the notices are marked in
    the same transaction as the queued mail, whose key is manager + period, so a crash,
    a second worker or a rerun never sends a period's digest twice and never drops a
    notice; what arrives during a period waits for the next one.
    """
    current = period_start(now, ctx.settings.manager_digest_period_minutes)
    async with ctx.database.transaction() as session:
        subjects = await digests.subjects_waiting(session, current)
    queued = 0
    for subject in subjects:
        async with ctx.database.transaction() as session:
            notices = await digests.waiting_of(session, subject, current)
            lines = [line for n in notices if (line := await _still_waiting(session, ctx, n))]
            contact = await _manager_contact(session, subject, notices)
            if lines and contact is not None:
                # As for the daily digest: a programme's languages apply when all it lists
                # is in that one programme.
                programme_ids = {n.programme_id for n in notices}
                wording = Wording()
                if len(programme_ids) == 1:
                    _, wording = await programme_wording(session, programme_ids.pop())
                if not await mail.manager_digest(
                    session,
                    contact,
                    waiting=lines,
                    wording=wording,
                    preferences=ctx.link(PREFERENCES_PATH),
                    key=f"manager-digest:{subject}:{current.isoformat()}",
                ):
                    continue  # this period's digest went out already: these wait for the next
                queued += 1
            await digests.mark_digested(session, notices, now)
    if queued:
        log.info("queued %d manager digests", queued)
    return queued


async def _still_waiting(
    session: AsyncSession, ctx: Context, notice: ManagerNotice
) -> mail.WaitingAgreement | None:
    agreement = await agreements.by_id(session, notice.agreement_id)
    if agreement is None or agreement.closed or agreement.version != notice.version:
        return None
    accepted = await agreements.acceptances(session, agreement.id, agreement.version)
    if any(a.role == MANAGER for a in accepted):
        return None
    members = await conversations.members_of(session, agreement.conversation_id)
    known = await directory.participants_by_id(session, [m.participant_id for m in members])
    programme = await directory.programme(session, agreement.programme_id)
    return mail.WaitingAgreement(
        programme=(programme.name if programme is not None else None) or "Tandem",
        version=agreement.version,
        members=[
            mail.Person(
                known[m.participant_id].contact.display_name if m.participant_id in known else None,
                m.role,
            )
            for m in members
        ],
        link=agreement_link(ctx, agreement.relationship_id),
        named=tuple(privacy.participant(m.participant_id) for m in members),
    )


async def _manager_contact(
    session: AsyncSession, subject: str, notices: list[ManagerNotice]
) -> Contact | None:
    """The manager's contact as one of their programmes gave it."""
    for programme_id in dict.fromkeys(n.programme_id for n in notices):
        for manager in await directory.managers_of(session, programme_id):
            if manager.subject == subject:
                return manager
    return None
