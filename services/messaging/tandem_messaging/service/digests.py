"""The daily digest: once a day per member, at their chosen local hour, one mail
listing their unread messages (counts and who wrote, never content)."""

from __future__ import annotations

import logging
from datetime import datetime

from tandem_kit import directory, privacy
from tandem_kit.i18n import Wording
from tandem_messaging.adapters import conversations, messages, preferences
from tandem_messaging.adapters import notifications as mail
from tandem_messaging.domain.digest import digest_due
from tandem_messaging.service.context import Context
from tandem_messaging.service.notifications import PREFERENCES_PATH, programme_wording

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
