from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from tandem_web.clients.meetings.client import AuthenticatedClient, Client
from tandem_web.clients.meetings.types import Response, UNSET
from tandem_web.clients.meetings import errors

from tandem_web.clients.meetings.models.problem_details import ProblemDetails
from tandem_web.clients.meetings.models.relationship_figures_public import RelationshipFiguresPublic
from typing import cast
from uuid import UUID



def _get_kwargs(
    relationship_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/relationships/{relationship_id}/manager-view".format(relationship_id=quote(str(relationship_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ProblemDetails | RelationshipFiguresPublic | None:
    if response.status_code == 200:
        response_200 = RelationshipFiguresPublic.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = ProblemDetails.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = ProblemDetails.from_dict(response.json())



        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ProblemDetails | RelationshipFiguresPublic]:
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

) -> Response[ProblemDetails | RelationshipFiguresPublic]:
    """ Exactly what the manager sees about this relationship (members and managers)

     The relationship's line of the programme's meeting figures.

    Args:
        relationship_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | RelationshipFiguresPublic]
     """


    kwargs = _get_kwargs(
        relationship_id=relationship_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    relationship_id: UUID,
    *,
    client: AuthenticatedClient,

) -> ProblemDetails | RelationshipFiguresPublic | None:
    """ Exactly what the manager sees about this relationship (members and managers)

     The relationship's line of the programme's meeting figures.

    Args:
        relationship_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | RelationshipFiguresPublic
     """


    return sync_detailed(
        relationship_id=relationship_id,
client=client,

    ).parsed

async def asyncio_detailed(
    relationship_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[ProblemDetails | RelationshipFiguresPublic]:
    """ Exactly what the manager sees about this relationship (members and managers)

     The relationship's line of the programme's meeting figures.

    Args:
        relationship_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | RelationshipFiguresPublic]
     """


    kwargs = _get_kwargs(
        relationship_id=relationship_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    relationship_id: UUID,
    *,
    client: AuthenticatedClient,

) -> ProblemDetails | RelationshipFiguresPublic | None:
    """ Exactly what the manager sees about this relationship (members and managers)

     The relationship's line of the programme's meeting figures.

    Args:
        relationship_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | RelationshipFiguresPublic
     """


    return (await asyncio_detailed(
        relationship_id=relationship_id,
client=client,

    )).parsed
