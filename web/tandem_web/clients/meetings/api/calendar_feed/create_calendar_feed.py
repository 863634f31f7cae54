from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from tandem_web.clients.meetings.client import AuthenticatedClient, Client
from tandem_web.clients.meetings.types import Response, UNSET
from tandem_web.clients.meetings import errors

from tandem_web.clients.meetings.models.calendar_feed_created_public import CalendarFeedCreatedPublic
from tandem_web.clients.meetings.models.create_calendar_feed_body import CreateCalendarFeedBody
from tandem_web.clients.meetings.models.problem_details import ProblemDetails
from tandem_web.clients.meetings.types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: CreateCalendarFeedBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/me/calendar-feed",
    }

    
    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CalendarFeedCreatedPublic | ProblemDetails | None:
    if response.status_code == 201:
        response_201 = CalendarFeedCreatedPublic.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CalendarFeedCreatedPublic | ProblemDetails]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateCalendarFeedBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[CalendarFeedCreatedPublic | ProblemDetails]:
    """ Make your calendar feed URL, or a new one (the old one stops working)

     The only time the URL is shown: keep it like a password. Takes no body (or `{}`). The feed is read
    without a token, so your roles are checked now: a token that does not grant your role in every
    programme whose meetings it would show is a 403 `memberships_not_granted`.

    Args:
        idempotency_key (str | Unset):
        body (CreateCalendarFeedBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarFeedCreatedPublic | ProblemDetails]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: CreateCalendarFeedBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> CalendarFeedCreatedPublic | ProblemDetails | None:
    """ Make your calendar feed URL, or a new one (the old one stops working)

     The only time the URL is shown: keep it like a password. Takes no body (or `{}`). The feed is read
    without a token, so your roles are checked now: a token that does not grant your role in every
    programme whose meetings it would show is a 403 `memberships_not_granted`.

    Args:
        idempotency_key (str | Unset):
        body (CreateCalendarFeedBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarFeedCreatedPublic | ProblemDetails
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateCalendarFeedBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[CalendarFeedCreatedPublic | ProblemDetails]:
    """ Make your calendar feed URL, or a new one (the old one stops working)

     The only time the URL is shown: keep it like a password. Takes no body (or `{}`). The feed is read
    without a token, so your roles are checked now: a token that does not grant your role in every
    programme whose meetings it would show is a 403 `memberships_not_granted`.

    Args:
        idempotency_key (str | Unset):
        body (CreateCalendarFeedBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarFeedCreatedPublic | ProblemDetails]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateCalendarFeedBody | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> CalendarFeedCreatedPublic | ProblemDetails | None:
    """ Make your calendar feed URL, or a new one (the old one stops working)

     The only time the URL is shown: keep it like a password. Takes no body (or `{}`). The feed is read
    without a token, so your roles are checked now: a token that does not grant your role in every
    programme whose meetings it would show is a 403 `memberships_not_granted`.

    Args:
        idempotency_key (str | Unset):
        body (CreateCalendarFeedBody | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarFeedCreatedPublic | ProblemDetails
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
