"""Matching's API, as the web app reads it: the viewer's own profile and relationships."""

from __future__ import annotations

import uuid

from tandem_web.adapters.service_calls import TIMEOUT, expect, reaching
from tandem_web.clients.matching import AuthenticatedClient
from tandem_web.clients.matching.api.participants import list_participants
from tandem_web.clients.matching.api.relationships import list_relationships
from tandem_web.clients.matching.models import PageParticipantPublic, PageRelationshipPublic
from tandem_web.clients.matching.types import UNSET
from tandem_web.domain.participants import Profile, Relationship, others_than

SERVICE = "matching"
MAX_PAGES = 10  # a participant has a handful of relationships; this bounds a runaway cursor


def _client(url: str, token: str) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url=url, token=token, timeout=TIMEOUT, raise_on_unexpected_status=True
    )


async def my_profile(url: str, token: str, programme_id: uuid.UUID) -> Profile | None:
    """The viewer's participant in the programme (matching lists a participant only
    themselves); None when they are not registered there."""
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await list_participants.asyncio_detailed(programme_id, client=client)
        page = expect(SERVICE, answer.status_code, answer.parsed, PageParticipantPublic)
    for item in page.items:
        zone = item.time_zone if isinstance(item.time_zone, str) else None
        return Profile(item.id, item.programme_id, str(item.role), zone)
    return None


async def my_relationships(
    url: str, token: str, programme_id: uuid.UUID, me: uuid.UUID
) -> list[Relationship]:
    """The viewer's relationships in the programme, any status, with the others' names."""
    found: list[Relationship] = []
    cursor: str | None = None
    async with reaching(SERVICE), _client(url, token) as client:
        for _ in range(MAX_PAGES):
            answer = await list_relationships.asyncio_detailed(
                programme_id, client=client, cursor=cursor or UNSET, limit=200
            )
            page = expect(SERVICE, answer.status_code, answer.parsed, PageRelationshipPublic)
            found += [
                Relationship(
                    r.id,
                    r.programme_id,
                    str(r.status),
                    others_than(
                        [me],
                        [
                            (
                                m.participant_id,
                                m.display_name if isinstance(m.display_name, str) else None,
                            )
                            for m in r.members
                        ],
                    ),
                )
                for r in page.items
            ]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    return found
