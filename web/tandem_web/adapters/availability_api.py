"""Meetings' API for a participant's own weekly availability in a programme: read it,
set the override, drop it (a 422 is :class:`Unaccepted`, with meetings' items)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from tandem_web.adapters.profile_api import unaccepted
from tandem_web.adapters.service_calls import authenticated, expect, reaching
from tandem_web.clients.meetings import AuthenticatedClient
from tandem_web.clients.meetings.api.availability import (
    get_my_availability,
    reset_my_availability,
    set_my_availability,
)
from tandem_web.clients.meetings.models import (
    AvailabilityPublic,
    AvailabilityUpdate,
    ProblemDetails,
    WindowBody,
)
from tandem_web.domain.availability import Availability, Row

SERVICE = "meetings"


def _client(url: str, token: str) -> AuthenticatedClient:
    return authenticated(AuthenticatedClient, url, token)


def _availability(found: AvailabilityPublic) -> Availability:
    return Availability(
        found.programme_id,
        str(found.source),
        found.time_zone,
        tuple(Row(str(w.weekday), w.start, w.end) for w in found.windows),
    )


async def mine(url: str, token: str, programme_id: uuid.UUID) -> Availability:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await get_my_availability.asyncio_detailed(programme_id, client=client)
        return _availability(expect(SERVICE, answer.status_code, answer.parsed, AvailabilityPublic))


async def set_mine(
    url: str, token: str, programme_id: uuid.UUID, windows: Sequence[tuple[int, str, str]]
) -> Availability:
    """Replace the override whole (raises Unaccepted when meetings refuses a window)."""
    body = AvailabilityUpdate(
        windows=[WindowBody(weekday=d, start=s, end=e) for d, s, e in windows]
    )
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await set_my_availability.asyncio_detailed(programme_id, client=client, body=body)
        if answer.status_code == 422 and isinstance(answer.parsed, ProblemDetails):
            raise unaccepted(answer.parsed)
        return _availability(expect(SERVICE, answer.status_code, answer.parsed, AvailabilityPublic))


async def reset_mine(url: str, token: str, programme_id: uuid.UUID) -> Availability:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await reset_my_availability.asyncio_detailed(programme_id, client=client)
        return _availability(expect(SERVICE, answer.status_code, answer.parsed, AvailabilityPublic))
