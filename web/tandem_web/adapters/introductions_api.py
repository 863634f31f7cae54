"""Matching's API for a relationship seen by one of its members: the introduction (who
the others are, with their zones) and the member's answer to a proposal."""

from __future__ import annotations

import uuid
from collections.abc import Set

from tandem_web.adapters.service_calls import authenticated, expect, reaching
from tandem_web.clients.matching import AuthenticatedClient
from tandem_web.clients.matching.api.relationships import accept, decline, get_relationship
from tandem_web.clients.matching.models import RelationshipPublic
from tandem_web.domain.meetings import Introduction, Member

SERVICE = "matching"


def _client(url: str, token: str) -> AuthenticatedClient:
    return authenticated(AuthenticatedClient, url, token)


def _introduction(item: RelationshipPublic, me: Set[uuid.UUID]) -> Introduction:
    return Introduction(
        item.id,
        item.programme_id,
        str(item.status),
        tuple(
            Member(
                m.participant_id,
                m.display_name if isinstance(m.display_name, str) else "?",
                str(m.role),
                m.time_zone if isinstance(m.time_zone, str) else None,
                str(m.response),
                m.participant_id in me,
            )
            for m in item.members
        ),
    )


async def introduction(
    url: str, token: str, programme_id: uuid.UUID, relationship_id: uuid.UUID, me: Set[uuid.UUID]
) -> Introduction:
    """The relationship (raises Refused: 404 not there or not a member's, 403 elsewhere)."""
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await get_relationship.asyncio_detailed(
            programme_id, relationship_id, client=client
        )
        found = expect(SERVICE, answer.status_code, answer.parsed, RelationshipPublic)
    return _introduction(found, me)


async def respond(
    url: str,
    token: str,
    programme_id: uuid.UUID,
    relationship_id: uuid.UUID,
    *,
    accepting: bool,
) -> None:
    """The member's answer (raises Refused: 409 once it is no longer proposed)."""
    call = accept if accepting else decline
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await call.asyncio_detailed(programme_id, relationship_id, client=client)
        expect(SERVICE, answer.status_code, answer.parsed, RelationshipPublic)
