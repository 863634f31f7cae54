"""Matching's relationships as a programme's manager reads them: every relationship,
its members with their roles, its state."""

from __future__ import annotations

import uuid

from tandem_web.adapters.service_calls import authenticated, expect, reaching
from tandem_web.clients.matching import AuthenticatedClient
from tandem_web.clients.matching.api.relationships import list_relationships
from tandem_web.clients.matching.models import PageRelationshipPublic, RelationshipPublic
from tandem_web.clients.matching.types import UNSET
from tandem_web.domain.relationships import ManagedRelationship, Member

SERVICE = "matching"
MAX_PAGES = 25  # 5,000 relationships: more than a programme has


def _client(url: str, token: str) -> AuthenticatedClient:
    return authenticated(AuthenticatedClient, url, token)


def _relationship(item: RelationshipPublic) -> ManagedRelationship:
    return ManagedRelationship(
        id=item.id,
        status=str(item.status),
        format=str(item.format_),
        # The mentor first, as the page names a relationship.
        members=tuple(
            Member(
                m.display_name if isinstance(m.display_name, str) else "—",
                str(m.role),
            )
            for m in sorted(item.members, key=lambda m: str(m.role) != "mentor")
        ),
        starts_on=item.starts_on,
        ended_at=item.ended_at,
        created_at=item.created_at,
    )


async def every_relationship(
    url: str, token: str, programme_id: uuid.UUID
) -> list[ManagedRelationship]:
    found: list[ManagedRelationship] = []
    cursor: str | None = None
    async with reaching(SERVICE), _client(url, token) as client:
        for _ in range(MAX_PAGES):
            answer = await list_relationships.asyncio_detailed(
                programme_id, client=client, cursor=cursor or UNSET, limit=200
            )
            page = expect(SERVICE, answer.status_code, answer.parsed, PageRelationshipPublic)
            found += [_relationship(item) for item in page.items]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    return found
