from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from tandem_web.clients.analytics.client import AuthenticatedClient, Client
from tandem_web.clients.analytics.types import Response, UNSET
from tandem_web.clients.analytics import errors

from tandem_web.clients.analytics.models.outcome_input import OutcomeInput
from tandem_web.clients.analytics.models.outcome_public import OutcomePublic
from tandem_web.clients.analytics.models.problem_details import ProblemDetails
from typing import cast
from uuid import UUID



def _get_kwargs(
    relationship_id: UUID,
    *,
    body: OutcomeInput,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/me/outcomes/{relationship_id}".format(relationship_id=quote(str(relationship_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OutcomePublic | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = OutcomePublic.from_dict(response.json())



        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OutcomePublic | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    relationship_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OutcomeInput,

) -> Response[OutcomePublic | ProblemDetails]:
    """ Your employment status after the relationship (its mentee)

    Args:
        relationship_id (UUID):
        body (OutcomeInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutcomePublic | ProblemDetails]
     """


    kwargs = _get_kwargs(
        relationship_id=relationship_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    relationship_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OutcomeInput,

) -> OutcomePublic | ProblemDetails | None:
    """ Your employment status after the relationship (its mentee)

    Args:
        relationship_id (UUID):
        body (OutcomeInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutcomePublic | ProblemDetails
     """


    return sync_detailed(
        relationship_id=relationship_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    relationship_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OutcomeInput,

) -> Response[OutcomePublic | ProblemDetails]:
    """ Your employment status after the relationship (its mentee)

    Args:
        relationship_id (UUID):
        body (OutcomeInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutcomePublic | ProblemDetails]
     """


    kwargs = _get_kwargs(
        relationship_id=relationship_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    relationship_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OutcomeInput,

) -> OutcomePublic | ProblemDetails | None:
    """ Your employment status after the relationship (its mentee)

    Args:
        relationship_id (UUID):
        body (OutcomeInput):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutcomePublic | ProblemDetails
     """


    return (await asyncio_detailed(
        relationship_id=relationship_id,
client=client,
body=body,

    )).parsed
