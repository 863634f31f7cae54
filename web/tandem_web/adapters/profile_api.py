"""Matching's API for a participant's own profile: finding their record in a programme,
reading it, and changing it (a 422 comes back as :class:`Unaccepted`, with matching's
per-field items, for the form to show next to each field)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from tandem_web.adapters.service_calls import authenticated, expect, reaching
from tandem_web.clients.matching import AuthenticatedClient
from tandem_web.clients.matching.api.participants import (
    get_participant,
    list_participants,
    update_participant,
)
from tandem_web.clients.matching.models import (
    PageParticipantPublic,
    ParticipantPublic,
    ParticipantUpdate,
    ProblemDetails,
)
from tandem_web.domain.profile import TEXT_FIELDS, ProfileRecord, as_text

SERVICE = "matching"


class Unaccepted(Exception):
    """A service's 422: its detail, and its items (``loc``, ``msg``) as plain dicts."""

    def __init__(self, detail: str, items: Sequence[Mapping[str, object]]) -> None:
        super().__init__(detail)
        self.detail = detail
        self.items = items


def unaccepted(parsed: object) -> Unaccepted:
    """A parsed problem document (any service's generated ``ProblemDetails``) as
    :class:`Unaccepted`."""
    detail = getattr(parsed, "detail", None)
    errors = getattr(parsed, "errors", None)
    items = (
        [dict(getattr(e, "additional_properties", {})) for e in errors or []]
        if isinstance(errors, list)
        else []
    )
    return Unaccepted(detail if isinstance(detail, str) else "", items)


def _client(url: str, token: str) -> AuthenticatedClient:
    return authenticated(AuthenticatedClient, url, token)


def _record(item: ParticipantPublic) -> ProfileRecord:
    values = {name: as_text(getattr(item, name, None)) for name in TEXT_FIELDS}
    return ProfileRecord(
        item.id, item.programme_id, str(item.role), str(item.status), values, item.linkedin_consent
    )


async def my_participant_id(
    url: str, token: str, programme_id: uuid.UUID, subject: str
) -> uuid.UUID | None:
    """The viewer's own participant in the programme: matching lists a participant only
    themselves, a manager everyone, so the subject picks the viewer's own row."""
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await list_participants.asyncio_detailed(programme_id, client=client, limit=200)
        page = expect(SERVICE, answer.status_code, answer.parsed, PageParticipantPublic)
    return next((p.id for p in page.items if p.subject == subject), None)


async def profile(
    url: str, token: str, programme_id: uuid.UUID, participant_id: uuid.UUID
) -> ProfileRecord:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await get_participant.asyncio_detailed(programme_id, participant_id, client=client)
        return _record(expect(SERVICE, answer.status_code, answer.parsed, ParticipantPublic))


async def update(
    url: str,
    token: str,
    programme_id: uuid.UUID,
    participant_id: uuid.UUID,
    body: Mapping[str, Any],
) -> ProfileRecord:
    """PATCH the profile (raises Unaccepted on 422, Refused on 403/404/409)."""
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await update_participant.asyncio_detailed(
            programme_id, participant_id, client=client, body=ParticipantUpdate.from_dict(body)
        )
        if answer.status_code == 422 and isinstance(answer.parsed, ProblemDetails):
            raise unaccepted(answer.parsed)
        return _record(expect(SERVICE, answer.status_code, answer.parsed, ParticipantPublic))
