"""An online meeting's video link, made in the scheduling transaction (no network call).

When the provider cannot make one (``ProviderUnavailable``: misconfigured, a template
that does not render), the meeting stays ``link_status = pending`` and the ``link-retry``
worker (``service/link_retry.py``) tries again, each meeting in a transaction of its own.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_contracts.common import Role
from tandem_contracts.meetings import MeetingMode
from tandem_kit import directory
from tandem_meetings.domain import meetings as life
from tandem_meetings.domain.meetings import Meeting
from tandem_meetings.domain.relationships import Member
from tandem_meetings.domain.video_links import (
    ProviderUnavailable,
    VideoGuest,
    VideoLink,
    VideoLinkRequest,
)
from tandem_meetings.service import sealing
from tandem_meetings.service.context import Context

log = logging.getLogger(__name__)
TITLE = "Tandem mentoring meeting"


async def _request(
    session: AsyncSession, meeting: Meeting, members: Sequence[Member]
) -> VideoLinkRequest:
    people = await directory.participants_by_id(session, [m.participant_id for m in members])

    def name(member: Member) -> str:
        person = people.get(member.participant_id)
        return person.contact.display_name if person is not None else member.role.value

    mentor = next((m for m in members if m.role is Role.MENTOR), None)
    return VideoLinkRequest(
        meeting_id=meeting.id,
        title=TITLE,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        moderator_name=name(mentor) if mentor is not None else "Mentor",
        moderator_id=mentor.participant_id if mentor is not None else None,
        attendees=tuple(
            VideoGuest(m.participant_id, name(m)) for m in members if m.role is not Role.MENTOR
        ),
    )


async def provide_link(
    ctx: Context,
    session: AsyncSession,
    key: bytes,
    meeting: Meeting,
    members: Sequence[Member],
    now: datetime,
) -> Meeting:
    """The meeting with its link sealed in (ready), or still pending if the provider fails."""
    if meeting.mode is not MeetingMode.ONLINE:
        return meeting
    try:
        provider = ctx.video()
        link = provider.link(await _request(session, meeting, members))
    except ProviderUnavailable as error:
        log.warning("no video link for meeting %s yet: %s", meeting.id, error)
        return life.link_failed(meeting, None, now)
    return life.with_link(meeting, sealing.seal_link(key, meeting, link), link.provider, now)


def url_for(link: VideoLink, member: Member) -> tuple[str, bool]:
    """The member's own way in: the mentor's moderates (where the provider has that)."""
    if member.role is Role.MENTOR and link.moderator_url is not None:
        return link.moderator_url, True
    return link.url_for(member.participant_id), False
