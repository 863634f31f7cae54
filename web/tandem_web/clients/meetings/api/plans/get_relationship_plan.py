from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from tandem_web.clients.meetings.client import AuthenticatedClient, Client
from tandem_web.clients.meetings.types import Response, UNSET
from tandem_web.clients.meetings import errors

from tandem_web.clients.meetings.models.problem_details import ProblemDetails
from tandem_web.clients.meetings.models.relationship_plan_public import RelationshipPlanPublic
from typing import cast
from uuid import UUID



def _get_kwargs(
    relationship_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/relationships/{relationship_id}/plan".format(relationship_id=quote(str(relationship_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ProblemDetails | RelationshipPlanPublic | None:
    if response.status_code == 200:
        response_200 = RelationshipPlanPublic.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ProblemDetails | RelationshipPlanPublic]:
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

) -> Response[ProblemDetails | RelationshipPlanPublic]:
    """ A relationship's plan (members and its managers)

     Its planned activities with their windows, states and adaptations (`adapted`, `reason`: held online
    because a member can only meet online, or the members live beyond the programme's face-to-face
    reach), and the proposed times of the first activity on every member's clock.

    Args:
        relationship_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | RelationshipPlanPublic]
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

) -> ProblemDetails | RelationshipPlanPublic | None:
    """ A relationship's plan (members and its managers)

     Its planned activities with their windows, states and adaptations (`adapted`, `reason`: held online
    because a member can only meet online, or the members live beyond the programme's face-to-face
    reach), and the proposed times of the first activity on every member's clock.

    Args:
        relationship_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | RelationshipPlanPublic
     """


    return sync_detailed(
        relationship_id=relationship_id,
client=client,

    ).parsed

async def asyncio_detailed(
    relationship_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[ProblemDetails | RelationshipPlanPublic]:
    """ A relationship's plan (members and its managers)

     Its planned activities with their windows, states and adaptations (`adapted`, `reason`: held online
    because a member can only meet online, or the members live beyond the programme's face-to-face
    reach), and the proposed times of the first activity on every member's clock.

    Args:
        relationship_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | RelationshipPlanPublic]
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

) -> ProblemDetails | RelationshipPlanPublic | None:
    """ A relationship's plan (members and its managers)

     Its planned activities with their windows, states and adaptations (`adapted`, `reason`: held online
    because a member can only meet online, or the members live beyond the programme's face-to-face
    reach), and the proposed times of the first activity on every member's clock.

    Args:
        relationship_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | RelationshipPlanPublic
     """


    return (await asyncio_detailed(
        relationship_id=relationship_id,
client=client,

    )).parsed
