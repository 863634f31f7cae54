from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from tandem_web.clients.meetings.client import AuthenticatedClient, Client
from tandem_web.clients.meetings.types import Response, UNSET
from tandem_web.clients.meetings import errors

from tandem_web.clients.meetings.models.problem_details import ProblemDetails
from tandem_web.clients.meetings.models.slots_public import SlotsPublic
from tandem_web.clients.meetings.types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    relationship_id: UUID,
    *,
    activity_id: UUID,
    limit: int | Unset = 3,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_activity_id = str(activity_id)
    params["activity_id"] = json_activity_id

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/relationships/{relationship_id}/slots".format(relationship_id=quote(str(relationship_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ProblemDetails | SlotsPublic | None:
    if response.status_code == 200:
        response_200 = SlotsPublic.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = ProblemDetails.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ProblemDetails.from_dict(response.json())



        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ProblemDetails | SlotsPublic]:
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
    activity_id: UUID,
    limit: int | Unset = 3,

) -> Response[ProblemDetails | SlotsPublic]:
    """ Ranked times for a planned activity (members)

     Inside the activity's window, each member's availability on their own clock and the programme's
    meeting hours, minus busy times with buffers, after the minimum notice; ranked fair to every
    member's clock and spread over the window. When nothing fits, `blockers` say who blocks and why.
    Groups: the programme's quorum.

    Args:
        relationship_id (UUID):
        activity_id (UUID): A planned activity's id (its plan).
        limit (int | Unset):  Default: 3.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | SlotsPublic]
     """


    kwargs = _get_kwargs(
        relationship_id=relationship_id,
activity_id=activity_id,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    relationship_id: UUID,
    *,
    client: AuthenticatedClient,
    activity_id: UUID,
    limit: int | Unset = 3,

) -> ProblemDetails | SlotsPublic | None:
    """ Ranked times for a planned activity (members)

     Inside the activity's window, each member's availability on their own clock and the programme's
    meeting hours, minus busy times with buffers, after the minimum notice; ranked fair to every
    member's clock and spread over the window. When nothing fits, `blockers` say who blocks and why.
    Groups: the programme's quorum.

    Args:
        relationship_id (UUID):
        activity_id (UUID): A planned activity's id (its plan).
        limit (int | Unset):  Default: 3.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | SlotsPublic
     """


    return sync_detailed(
        relationship_id=relationship_id,
client=client,
activity_id=activity_id,
limit=limit,

    ).parsed

async def asyncio_detailed(
    relationship_id: UUID,
    *,
    client: AuthenticatedClient,
    activity_id: UUID,
    limit: int | Unset = 3,

) -> Response[ProblemDetails | SlotsPublic]:
    """ Ranked times for a planned activity (members)

     Inside the activity's window, each member's availability on their own clock and the programme's
    meeting hours, minus busy times with buffers, after the minimum notice; ranked fair to every
    member's clock and spread over the window. When nothing fits, `blockers` say who blocks and why.
    Groups: the programme's quorum.

    Args:
        relationship_id (UUID):
        activity_id (UUID): A planned activity's id (its plan).
        limit (int | Unset):  Default: 3.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | SlotsPublic]
     """


    kwargs = _get_kwargs(
        relationship_id=relationship_id,
activity_id=activity_id,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    relationship_id: UUID,
    *,
    client: AuthenticatedClient,
    activity_id: UUID,
    limit: int | Unset = 3,

) -> ProblemDetails | SlotsPublic | None:
    """ Ranked times for a planned activity (members)

     Inside the activity's window, each member's availability on their own clock and the programme's
    meeting hours, minus busy times with buffers, after the minimum notice; ranked fair to every
    member's clock and spread over the window. When nothing fits, `blockers` say who blocks and why.
    Groups: the programme's quorum.

    Args:
        relationship_id (UUID):
        activity_id (UUID): A planned activity's id (its plan).
        limit (int | Unset):  Default: 3.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | SlotsPublic
     """


    return (await asyncio_detailed(
        relationship_id=relationship_id,
client=client,
activity_id=activity_id,
limit=limit,

    )).parsed
