from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from tandem_web.clients.messaging.client import AuthenticatedClient, Client
from tandem_web.clients.messaging.types import Response, UNSET
from tandem_web.clients.messaging import errors

from tandem_web.clients.messaging.models.problem_details import ProblemDetails
from tandem_web.clients.messaging.models.thread_lock import ThreadLock
from tandem_web.clients.messaging.models.thread_lock_public import ThreadLockPublic
from typing import cast
from uuid import UUID



def _get_kwargs(
    forum_id: UUID,
    thread_id: UUID,
    *,
    body: ThreadLock,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/forums/{forum_id}/threads/{thread_id}/lock".format(forum_id=quote(str(forum_id), safe=""),thread_id=quote(str(thread_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ProblemDetails | ThreadLockPublic | None:
    if response.status_code == 200:
        response_200 = ThreadLockPublic.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ProblemDetails | ThreadLockPublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    forum_id: UUID,
    thread_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ThreadLock,

) -> Response[ProblemDetails | ThreadLockPublic]:
    """ Lock or unlock a thread (manager)

     A locked thread keeps its posts; new posts get 409.

    Args:
        forum_id (UUID):
        thread_id (UUID):
        body (ThreadLock):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ThreadLockPublic]
     """


    kwargs = _get_kwargs(
        forum_id=forum_id,
thread_id=thread_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    forum_id: UUID,
    thread_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ThreadLock,

) -> ProblemDetails | ThreadLockPublic | None:
    """ Lock or unlock a thread (manager)

     A locked thread keeps its posts; new posts get 409.

    Args:
        forum_id (UUID):
        thread_id (UUID):
        body (ThreadLock):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ThreadLockPublic
     """


    return sync_detailed(
        forum_id=forum_id,
thread_id=thread_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    forum_id: UUID,
    thread_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ThreadLock,

) -> Response[ProblemDetails | ThreadLockPublic]:
    """ Lock or unlock a thread (manager)

     A locked thread keeps its posts; new posts get 409.

    Args:
        forum_id (UUID):
        thread_id (UUID):
        body (ThreadLock):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | ThreadLockPublic]
     """


    kwargs = _get_kwargs(
        forum_id=forum_id,
thread_id=thread_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    forum_id: UUID,
    thread_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ThreadLock,

) -> ProblemDetails | ThreadLockPublic | None:
    """ Lock or unlock a thread (manager)

     A locked thread keeps its posts; new posts get 409.

    Args:
        forum_id (UUID):
        thread_id (UUID):
        body (ThreadLock):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | ThreadLockPublic
     """


    return (await asyncio_detailed(
        forum_id=forum_id,
thread_id=thread_id,
client=client,
body=body,

    )).parsed
