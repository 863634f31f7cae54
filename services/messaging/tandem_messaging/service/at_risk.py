"""analytics' ``relationship.at_risk``: the programme's managers hear why, and (if the
programme wants it) the members get a gentle nudge that names no reason.

Runs in the consumer's transaction; each mail's idempotency key names the flag and the
recipient, so a redelivered flag never mails twice and a new flag of the same
relationship mails again. Managers are the directory's (matching's programme event);
members are the conversation's. Someone whose contact has not arrived yet is not
mailed (a flag is news now, not a debt to pay later).
"""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.analytics import RelationshipAtRisk
from tandem_kit import directory, privacy
from tandem_messaging.adapters import conversations
from tandem_messaging.adapters import notifications as mail
from tandem_messaging.domain import mail_texts as texts
from tandem_messaging.service.context import Context
from tandem_messaging.service.notifications import programme_wording

RISK_FLAGS_PATH = "/programmes/{programme_id}/risk-flags"


def _names(participant_ids: Sequence[UUID]) -> list[str]:
    """The people a mail names, as the kit's vault knows them (their erasure deletes it)."""
    return [privacy.participant(pid) for pid in participant_ids]


async def relationship_at_risk(
    session: AsyncSession, ctx: Context, event: RelationshipAtRisk
) -> int:
    """How many mails were queued (0 for a redelivery)."""
    conversation = await conversations.by_relationship(session, event.relationship_id)
    members = await conversations.members_of(session, conversation.id) if conversation else []
    known = await directory.participants_by_id(session, [m.participant_id for m in members])
    people = [
        mail.Person(
            known[m.participant_id].contact.display_name if m.participant_id in known else None,
            m.role,
        )
        for m in members
    ]
    names = _names([m.participant_id for m in members])
    programme, wording = await programme_wording(session, event.programme_id)
    reasons = [mail.RiskLine(r.code.value, r.value, r.action.value) for r in event.reasons]
    queued = 0
    for manager in await directory.managers_of(session, event.programme_id):
        queued += await mail.relationship_at_risk(
            session,
            manager,
            programme=programme,
            wording=wording,
            members=people,
            reasons=reasons,
            link=ctx.link(RISK_FLAGS_PATH.format(programme_id=event.programme_id)),
            key=f"relationship-at-risk:{event.flag_id}:{manager.subject}",
            names=names,
        )
    if not event.nudge_members or conversation is None:
        return queued
    for member in members:
        found = known.get(member.participant_id)
        if found is None or found.withdrawn:
            continue
        queued += await mail.programme_link_mail(
            session,
            texts.NUDGE,
            found.contact,
            programme=programme,
            wording=wording,
            link=ctx.link(f"/conversations/{conversation.id}"),
            key=f"relationship-nudge:{event.flag_id}:{member.participant_id}",
            names=_names([member.participant_id]),
        )
    return queued
