"""The ``link-retry`` worker's use case: scheduled online meetings whose video link was
pending get it, and their members get it by mail.

The invitation (or update) went out saying the link is not ready yet, so a link that
arrives later is mailed in the same transaction that stores it: the invitation again,
now with each member's own link, METHOD:REQUEST, the same UID and the **same SEQUENCE**.
RFC 5546 (2.1.4) counts as significant, needing the attendees' answers again, the
changes of DTSTART, DTEND, DURATION, DUE, the recurrence and STATUS; a LOCATION or URL
is not among them. The time is unchanged, so the answers stand, and so do the one-click
RSVP links of the first mail (they sign the SEQUENCE). The later DTSTAMP is what tells
a calendar program that this copy replaces the one it has (RFC 5546 2.1.5).
"""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_kit import directory
from tandem_meetings.adapters import meetings as repo
from tandem_meetings.adapters import relationships as relationship_repo
from tandem_meetings.domain.meetings import LinkStatus
from tandem_meetings.service import invitations, sealing
from tandem_meetings.service.context import Context
from tandem_meetings.service.video import provide_link


async def retry_pending_links(ctx: Context, *, limit: int = 100) -> int:
    """Try again the scheduled online meetings still without a link; how many got one."""
    async with ctx.database.transaction() as session:
        pending = await repo.pending_links(session, limit)
    made = 0
    for meeting_id in pending:
        async with ctx.database.transaction() as session:
            made += await _retry_one(ctx, session, meeting_id)
    return made


async def _retry_one(ctx: Context, session: AsyncSession, meeting_id: UUID) -> int:
    meeting = await repo.by_id(session, meeting_id, for_update=True)
    if meeting is None or meeting.link_status is not LinkStatus.PENDING or not meeting.scheduled:
        return 0  # cancelled, moved face to face, or made by another process meanwhile
    relationship = await relationship_repo.by_id(session, meeting.relationship_id)
    if relationship is None:
        return 0
    members = await relationship_repo.members_of(session, relationship.id)
    erased = await directory.erased_among(session, [m.participant_id for m in members])
    key = sealing.relationship_key(ctx.keyring, relationship)
    done = await provide_link(
        ctx,
        session,
        key,
        meeting,
        [m for m in members if m.participant_id not in erased],
        ctx.now(),
    )
    await repo.save(session, done)
    if done.link_status is not LinkStatus.READY:
        return 0
    await invitations.announce(ctx, session, done, invitations.Change.LINK_READY)
    return 1
