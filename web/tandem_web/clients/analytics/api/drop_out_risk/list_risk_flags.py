from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from tandem_web.clients.analytics.client import AuthenticatedClient, Client
from tandem_web.clients.analytics.types import Response, UNSET
from tandem_web.clients.analytics import errors

from tandem_web.clients.analytics.models.problem_details import ProblemDetails
from tandem_web.clients.analytics.models.risk_flag_page import RiskFlagPage
from tandem_web.clients.analytics.types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    programme_id: UUID,
    *,
    open_: bool | Unset = True,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    accept_language: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(accept_language, Unset):
        headers["accept-language"] = accept_language



    

    params: dict[str, Any] = {}

    params["open"] = open_

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
        "url": "/v1/programmes/{programme_id}/risk-flags".format(programme_id=quote(str(programme_id), safe=""),),
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ProblemDetails | RiskFlagPage | None:
    if response.status_code == 200:
        response_200 = RiskFlagPage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ProblemDetails | RiskFlagPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    open_: bool | Unset = True,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    accept_language: None | str | Unset = UNSET,

) -> Response[ProblemDetails | RiskFlagPage]:
    """ The programme's risk flags, newest first (its managers)

     Each flag's reasons: the rule's code, the figure against the programme's threshold, the member it is
    about, and what the manager could do, in plain words in the reader's language. `open=true` (the
    default) lists only flags not cleared yet.

    Args:
        programme_id (UUID):
        open_ (bool | Unset):  Default: True.
        cursor (None | str | Unset): `next_cursor` from the previous page; omit (or leave empty)
            for the first.
        limit (int | Unset): Items per page (1–200). Default: 50.
        accept_language (None | str | Unset): The reader's languages; else the language of their
            own contact.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | RiskFlagPage]
     """


    kwargs = _get_kwargs(
        programme_id=programme_id,
open_=open_,
cursor=cursor,
limit=limit,
accept_language=accept_language,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    open_: bool | Unset = True,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    accept_language: None | str | Unset = UNSET,

) -> ProblemDetails | RiskFlagPage | None:
    """ The programme's risk flags, newest first (its managers)

     Each flag's reasons: the rule's code, the figure against the programme's threshold, the member it is
    about, and what the manager could do, in plain words in the reader's language. `open=true` (the
    default) lists only flags not cleared yet.

    Args:
        programme_id (UUID):
        open_ (bool | Unset):  Default: True.
        cursor (None | str | Unset): `next_cursor` from the previous page; omit (or leave empty)
            for the first.
        limit (int | Unset): Items per page (1–200). Default: 50.
        accept_language (None | str | Unset): The reader's languages; else the language of their
            own contact.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | RiskFlagPage
     """


    return sync_detailed(
        programme_id=programme_id,
client=client,
open_=open_,
cursor=cursor,
limit=limit,
accept_language=accept_language,

    ).parsed

async def asyncio_detailed(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    open_: bool | Unset = True,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    accept_language: None | str | Unset = UNSET,

) -> Response[ProblemDetails | RiskFlagPage]:
    """ The programme's risk flags, newest first (its managers)

     Each flag's reasons: the rule's code, the figure against the programme's threshold, the member it is
    about, and what the manager could do, in plain words in the reader's language. `open=true` (the
    default) lists only flags not cleared yet.

    Args:
        programme_id (UUID):
        open_ (bool | Unset):  Default: True.
        cursor (None | str | Unset): `next_cursor` from the previous page; omit (or leave empty)
            for the first.
        limit (int | Unset): Items per page (1–200). Default: 50.
        accept_language (None | str | Unset): The reader's languages; else the language of their
            own contact.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemDetails | RiskFlagPage]
     """


    kwargs = _get_kwargs(
        programme_id=programme_id,
open_=open_,
cursor=cursor,
limit=limit,
accept_language=accept_language,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    open_: bool | Unset = True,
    cursor: None | str | Unset = UNSET,
    limit: int | Unset = 50,
    accept_language: None | str | Unset = UNSET,

) -> ProblemDetails | RiskFlagPage | None:
    """ The programme's risk flags, newest first (its managers)

     Each flag's reasons: the rule's code, the figure against the programme's threshold, the member it is
    about, and what the manager could do, in plain words in the reader's language. `open=true` (the
    default) lists only flags not cleared yet.

    Args:
        programme_id (UUID):
        open_ (bool | Unset):  Default: True.
        cursor (None | str | Unset): `next_cursor` from the previous page; omit (or leave empty)
            for the first.
        limit (int | Unset): Items per page (1–200). Default: 50.
        accept_language (None | str | Unset): The reader's languages; else the language of their
            own contact.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemDetails | RiskFlagPage
     """


    return (await asyncio_detailed(
        programme_id=programme_id,
client=client,
open_=open_,
cursor=cursor,
limit=limit,
accept_language=accept_language,

    )).parsed
