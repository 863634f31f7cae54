from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from tandem_web.clients.meetings.client import AuthenticatedClient, Client
from tandem_web.clients.meetings.types import Response, UNSET
from tandem_web.clients.meetings import errors

from tandem_web.clients.meetings.models.milestone_create import MilestoneCreate
from tandem_web.clients.meetings.models.milestone_public import MilestonePublic
from tandem_web.clients.meetings.models.problem_details import ProblemDetails
from tandem_web.clients.meetings.types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    relationship_id: UUID,
    goal_id: UUID,
    *,
    body: MilestoneCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/relationships/{relationship_id}/goals/{goal_id}/milestones".format(relationship_id=quote(str(relationship_id), safe=""),goal_id=quote(str(goal_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> MilestonePublic | ProblemDetails | None:
    if response.status_code == 201:
        response_201 = MilestonePublic.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = ProblemDetails.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = ProblemDetails.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetails.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = ProblemDetails.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = ProblemDetails.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = ProblemDetails.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = ProblemDetails.from_dict(response.json())



        return response_422

    if response.status_code == 503:
        response_503 = ProblemDetails.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[MilestonePublic | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    relationship_id: UUID,
    goal_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MilestoneCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[MilestonePublic | ProblemDetails]:
    """ Add a milestone to an open goal (members)

     Emits `goal.progressed` (counts and states, no words).

    Args:
        relationship_id (UUID):
        goal_id (UUID):
        idempotency_key (str | Unset):
        body (MilestoneCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MilestonePublic | ProblemDetails]
     """


    kwargs = _get_kwargs(
        relationship_id=relationship_id,
goal_id=goal_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    relationship_id: UUID,
    goal_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MilestoneCreate,
    idempotency_key: str | Unset = UNSET,

) -> MilestonePublic | ProblemDetails | None:
    """ Add a milestone to an open goal (members)

     Emits `goal.progressed` (counts and states, no words).

    Args:
        relationship_id (UUID):
        goal_id (UUID):
        idempotency_key (str | Unset):
        body (MilestoneCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MilestonePublic | ProblemDetails
     """


    return sync_detailed(
        relationship_id=relationship_id,
goal_id=goal_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    relationship_id: UUID,
    goal_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MilestoneCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[MilestonePublic | ProblemDetails]:
    """ Add a milestone to an open goal (members)

     Emits `goal.progressed` (counts and states, no words).

    Args:
        relationship_id (UUID):
        goal_id (UUID):
        idempotency_key (str | Unset):
        body (MilestoneCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MilestonePublic | ProblemDetails]
     """


    kwargs = _get_kwargs(
        relationship_id=relationship_id,
goal_id=goal_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    relationship_id: UUID,
    goal_id: UUID,
    *,
    client: AuthenticatedClient,
    body: MilestoneCreate,
    idempotency_key: str | Unset = UNSET,

) -> MilestonePublic | ProblemDetails | None:
    """ Add a milestone to an open goal (members)

     Emits `goal.progressed` (counts and states, no words).

    Args:
        relationship_id (UUID):
        goal_id (UUID):
        idempotency_key (str | Unset):
        body (MilestoneCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MilestonePublic | ProblemDetails
     """


    return (await asyncio_detailed(
        relationship_id=relationship_id,
goal_id=goal_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
