"""Messaging's communication agreement of a relationship, as its page reads it, and the
viewer's acceptance of its current version."""

from __future__ import annotations

import uuid

from tandem_web.adapters.service_calls import authenticated, expect, reaching
from tandem_web.clients.messaging import AuthenticatedClient
from tandem_web.clients.messaging.api.agreements import accept, get_agreement
from tandem_web.clients.messaging.models import AcceptanceCreate, AgreementPublic
from tandem_web.domain.agreements import AgreementTerms, Party

SERVICE = "messaging"


def _client(url: str, token: str) -> AuthenticatedClient:
    return authenticated(AuthenticatedClient, url, token)


def _terms(found: AgreementPublic, me: set[uuid.UUID]) -> AgreementTerms:
    return AgreementTerms(
        relationship_id=found.relationship_id,
        version=found.version,
        status=str(found.status),
        accepted_version=found.accepted_version,
        channels=tuple(str(c) for c in found.channels),
        response_time_hours=found.response_time_hours,
        meeting_cadence_days=found.meeting_cadence_days,
        confidentiality_statement=found.confidentiality_statement,
        rules=tuple(found.rules) if isinstance(found.rules, list) else (),
        accepted=tuple(
            Party(a.role, a.participant_id in me, a.accepted_at) for a in found.acceptances
        ),
        waiting=tuple(Party(p.role, p.participant_id in me) for p in found.waiting_for),
    )


async def agreement(
    url: str, token: str, relationship_id: uuid.UUID, me: set[uuid.UUID]
) -> AgreementTerms:
    """The current version (raises Refused: 404 for no agreement, or not the viewer's)."""
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await get_agreement.asyncio_detailed(relationship_id, client=client)
        return _terms(expect(SERVICE, answer.status_code, answer.parsed, AgreementPublic), me)


async def accept_version(url: str, token: str, relationship_id: uuid.UUID, version: int) -> None:
    """Accept ``version`` (raises Refused: 409 when it is no longer the current one)."""
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await accept.asyncio_detailed(
            relationship_id, client=client, body=AcceptanceCreate(version=version)
        )
        expect(SERVICE, answer.status_code, answer.parsed, AgreementPublic)
