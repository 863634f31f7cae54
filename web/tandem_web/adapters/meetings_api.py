"""Meetings' API, as the web app reads it: a relationship's meetings and the viewer's
answer to each invitation."""

from __future__ import annotations

import uuid

from tandem_web.adapters.service_calls import authenticated, expect, reaching
from tandem_web.clients.meetings import AuthenticatedClient
from tandem_web.clients.meetings.api.meetings import list_meetings
from tandem_web.clients.meetings.models import MeetingPublic, MeetingStatus, PageMeetingPublic
from tandem_web.clients.meetings.types import UNSET
from tandem_web.domain.participants import Meeting

SERVICE = "meetings"
MAX_PAGES = 10


def _meeting(item: MeetingPublic, me: set[uuid.UUID]) -> Meeting:
    answers = [str(a.partstat) for a in item.attendees if a.participant_id in me]
    return Meeting(
        item.id,
        item.relationship_id,
        item.starts_at,
        item.ends_at,
        str(item.mode),
        item.status == MeetingStatus.CANCELLED,
        answers[0] if answers else None,
    )


async def meetings_of(
    url: str, token: str, relationship_id: uuid.UUID, me: set[uuid.UUID]
) -> list[Meeting]:
    found: list[Meeting] = []
    cursor: str | None = None
    async with (
        reaching(SERVICE),
        authenticated(AuthenticatedClient, url, token) as client,
    ):
        for _ in range(MAX_PAGES):
            answer = await list_meetings.asyncio_detailed(
                relationship_id, client=client, cursor=cursor or UNSET, limit=200
            )
            page = expect(SERVICE, answer.status_code, answer.parsed, PageMeetingPublic)
            found += [_meeting(item, me) for item in page.items]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    return found
