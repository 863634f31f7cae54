"""Analytics' check-ins of the viewer, answering one, and a mentee's employment outcome
after her relationship ended."""

from __future__ import annotations

import uuid

from tandem_web.adapters.service_calls import authenticated, expect, reaching
from tandem_web.clients.analytics import AuthenticatedClient
from tandem_web.clients.analytics.api.check_ins import answer_check_in, my_check_ins
from tandem_web.clients.analytics.api.outcomes import put_my_outcome
from tandem_web.clients.analytics.models import (
    AnswersInput,
    AnswersInputAnswers,
    CheckInPublic,
    OutcomeInput,
    OutcomePublic,
    Status,
)
from tandem_web.domain.check_ins import CheckIn

SERVICE = "analytics"


def _client(url: str, token: str) -> AuthenticatedClient:
    return authenticated(AuthenticatedClient, url, token)


def _check_in(item: CheckInPublic) -> CheckIn:
    return CheckIn(
        id=item.id,
        relationship_id=item.relationship_id,
        kind=str(item.kind),
        questions=tuple(item.questions),
        answered=tuple(item.answered),
        due_on=item.due_on,
        answered_at=item.answered_at,
        open_until=item.open_until,
    )


async def mine(url: str, token: str) -> list[CheckIn]:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await my_check_ins.asyncio_detailed(client=client)
        found = expect(SERVICE, answer.status_code, answer.parsed, list)
    return [_check_in(item) for item in found if isinstance(item, CheckInPublic)]


async def answer(url: str, token: str, check_in_id: uuid.UUID, answers: dict[str, int]) -> None:
    """Send the answers (raises Refused: 409 once the check-in closed)."""
    values = AnswersInputAnswers()
    values.additional_properties = dict(answers)
    async with reaching(SERVICE), _client(url, token) as client:
        found = await answer_check_in.asyncio_detailed(
            check_in_id, client=client, body=AnswersInput(answers=values)
        )
        expect(SERVICE, found.status_code, found.parsed, CheckInPublic)


async def outcome(url: str, token: str, relationship_id: uuid.UUID, status: str) -> None:
    """The mentee's status at the follow-up due now (raises Refused: 409 when none is)."""
    async with reaching(SERVICE), _client(url, token) as client:
        found = await put_my_outcome.asyncio_detailed(
            relationship_id, client=client, body=OutcomeInput(status=Status(status))
        )
        expect(SERVICE, found.status_code, found.parsed, OutcomePublic)
