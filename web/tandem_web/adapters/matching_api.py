"""Matching's API, as the web app reads it: the viewer's own profile and relationships,
their programmes, and a mentee's re-matching offers (read and answered)."""

from __future__ import annotations

import uuid

from tandem_web.adapters.service_calls import authenticated, expect, reaching
from tandem_web.clients.matching import AuthenticatedClient
from tandem_web.clients.matching.api.participants import list_participants
from tandem_web.clients.matching.api.programmes import list_programmes
from tandem_web.clients.matching.api.relationships import (
    accept_rematching_offer,
    decline_rematching_offer,
    get_rematching_offer,
    list_relationships,
    list_rematching_offers,
)
from tandem_web.clients.matching.models import (
    OfferStatus,
    PageParticipantPublic,
    PageProgrammePublic,
    PageRelationshipPublic,
    PageRematchOfferPublic,
    RematchOfferPublic,
)
from tandem_web.clients.matching.types import UNSET
from tandem_web.domain.participants import Profile, Relationship, others_than
from tandem_web.domain.rematching import Offer

SERVICE = "matching"
MAX_PAGES = 10  # a participant has a handful of relationships; this bounds a runaway cursor


def _client(url: str, token: str) -> AuthenticatedClient:
    return authenticated(AuthenticatedClient, url, token)


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


def _offer(item: RematchOfferPublic) -> Offer:
    return Offer(
        item.id,
        item.programme_id,
        item.relationship_id,
        item.mentee_id,
        str(item.status),
        item.created_at,
        item.answered_at,
    )


async def open_offers(url: str, token: str, programme_id: uuid.UUID) -> list[Offer]:
    """The viewer's open re-matching offers in the programme (a mentee sees only hers)."""
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await list_rematching_offers.asyncio_detailed(
            programme_id, client=client, status=OfferStatus.OPEN, limit=200
        )
        page = expect(SERVICE, answer.status_code, answer.parsed, PageRematchOfferPublic)
    return [_offer(item) for item in page.items]


async def offer(url: str, token: str, programme_id: uuid.UUID, offer_id: uuid.UUID) -> Offer:
    """One offer (raises Refused when it is not there or not the viewer's)."""
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await get_rematching_offer.asyncio_detailed(programme_id, offer_id, client=client)
        return _offer(expect(SERVICE, answer.status_code, answer.parsed, RematchOfferPublic))


async def answer_offer(
    url: str, token: str, programme_id: uuid.UUID, offer_id: uuid.UUID, *, accept: bool
) -> Offer:
    """The mentee's answer (raises Refused: 409 once answered or after the programme)."""
    call = accept_rematching_offer if accept else decline_rematching_offer
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await call.asyncio_detailed(programme_id, offer_id, client=client)
        return _offer(expect(SERVICE, answer.status_code, answer.parsed, RematchOfferPublic))


async def my_programmes(url: str, token: str) -> list[tuple[uuid.UUID, str]]:
    """The programmes the viewer has a role in, as (id, name), the first MAX_PAGES pages."""
    found: list[tuple[uuid.UUID, str]] = []
    cursor: str | None = None
    async with reaching(SERVICE), _client(url, token) as client:
        for _ in range(MAX_PAGES):
            answer = await list_programmes.asyncio_detailed(
                client=client, cursor=cursor or UNSET, limit=200
            )
            page = expect(SERVICE, answer.status_code, answer.parsed, PageProgrammePublic)
            found += [(p.id, p.name) for p in page.items]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    return found
