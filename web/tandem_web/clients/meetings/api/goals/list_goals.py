from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from tandem_web.clients.meetings.client import AuthenticatedClient, Client
from tandem_web.clients.meetings.types import Response, UNSET
from tandem_web.clients.meetings import errors

from tandem_web.clients.meetings.models.page_goal_public import PageGoalPublic
from tandem_web.clients.meetings.models.problem_details import ProblemDetails
from tandem_web.clients.meetings.types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    relationship_id: UUID,
    *,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["limit"] = limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/relationships/{relationship_id}/goals".format(relationship_id=quote(str(relationship_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PageGoalPublic | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = PageGoalPublic.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PageGoalPublic | ProblemDetails]:
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
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> Response[PageGoalPublic | ProblemDetails]:
    """ The relationship's goals, oldest first (members)

     The first ones come from the mentee's profile (a `token`, no title yet). Managers get a 403: they
    see counts and states in the manager view.

    Args:
        relationship_id (UUID):
        cursor (None | str | Unset): `next_cursor` from the previous page; omit (or leave empty)
            for the first.
        limit (int | Unset): Items per page (1–200). Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageGoalPublic | ProblemDetails]
     """


    kwargs = _get_kwargs(
        relationship_id=relationship_id,
cursor=cursor,
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
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> PageGoalPublic | ProblemDetails | None:
    """ The relationship's goals, oldest first (members)

     The first ones come from the mentee's profile (a `token`, no title yet). Managers get a 403: they
    see counts and states in the manager view.

    Args:
        relationship_id (UUID):
        cursor (None | str | Unset): `next_cursor` from the previous page; omit (or leave empty)
            for the first.
        limit (int | Unset): Items per page (1–200). Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageGoalPublic | ProblemDetails
     """


    return sync_detailed(
        relationship_id=relationship_id,
client=client,
cursor=cursor,
limit=limit,

    ).parsed

async def asyncio_detailed(
    relationship_id: UUID,
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> Response[PageGoalPublic | ProblemDetails]:
    """ The relationship's goals, oldest first (members)

     The first ones come from the mentee's profile (a `token`, no title yet). Managers get a 403: they
    see counts and states in the manager view.

    Args:
        relationship_id (UUID):
        cursor (None | str | Unset): `next_cursor` from the previous page; omit (or leave empty)
            for the first.
        limit (int | Unset): Items per page (1–200). Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageGoalPublic | ProblemDetails]
     """


    kwargs = _get_kwargs(
        relationship_id=relationship_id,
cursor=cursor,
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
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,

) -> PageGoalPublic | ProblemDetails | None:
    """ The relationship's goals, oldest first (members)

     The first ones come from the mentee's profile (a `token`, no title yet). Managers get a 403: they
    see counts and states in the manager view.

    Args:
        relationship_id (UUID):
        cursor (None | str | Unset): `next_cursor` from the previous page; omit (or leave empty)
            for the first.
        limit (int | Unset): Items per page (1–200). Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageGoalPublic | ProblemDetails
     """


    return (await asyncio_detailed(
        relationship_id=relationship_id,
client=client,
cursor=cursor,
limit=limit,

    )).parsed
