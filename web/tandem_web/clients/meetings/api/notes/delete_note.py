from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from tandem_web.clients.meetings.client import AuthenticatedClient, Client
from tandem_web.clients.meetings.types import Response, UNSET
from tandem_web.clients.meetings import errors

from tandem_web.clients.meetings.models.problem_details import ProblemDetails
from typing import cast
from uuid import UUID



def _get_kwargs(
    meeting_id: UUID,
    note_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/meetings/{meeting_id}/notes/{note_id}".format(meeting_id=quote(str(meeting_id), safe=""),note_id=quote(str(note_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ProblemDetails | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    meeting_id: UUID,
    note_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Any | ProblemDetails]:
    """ Delete one's own note (its author)

    Args:
        meeting_id (UUID):
        note_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ProblemDetails]
     """


    kwargs = _get_kwargs(
        meeting_id=meeting_id,
note_id=note_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    meeting_id: UUID,
    note_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Any | ProblemDetails | None:
    """ Delete one's own note (its author)

    Args:
        meeting_id (UUID):
        note_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ProblemDetails
     """


    return sync_detailed(
        meeting_id=meeting_id,
note_id=note_id,
client=client,

    ).parsed

async def asyncio_detailed(
    meeting_id: UUID,
    note_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[Any | ProblemDetails]:
    """ Delete one's own note (its author)

    Args:
        meeting_id (UUID):
        note_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ProblemDetails]
     """


    kwargs = _get_kwargs(
        meeting_id=meeting_id,
note_id=note_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    meeting_id: UUID,
    note_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Any | ProblemDetails | None:
    """ Delete one's own note (its author)

    Args:
        meeting_id (UUID):
        note_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ProblemDetails
     """


    return (await asyncio_detailed(
        meeting_id=meeting_id,
note_id=note_id,
client=client,

    )).parsed
