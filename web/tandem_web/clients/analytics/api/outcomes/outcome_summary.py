from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from tandem_web.clients.analytics.client import AuthenticatedClient, Client
from tandem_web.clients.analytics.types import Response, UNSET
from tandem_web.clients.analytics import errors

from tandem_web.clients.analytics.models.outcome_summary_public import OutcomeSummaryPublic
from tandem_web.clients.analytics.models.problem_details import ProblemDetails
from typing import cast
from uuid import UUID



def _get_kwargs(
    programme_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/programmes/{programme_id}/outcomes".format(programme_id=quote(str(programme_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OutcomeSummaryPublic | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = OutcomeSummaryPublic.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OutcomeSummaryPublic | ProblemDetails]:
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

) -> Response[OutcomeSummaryPublic | ProblemDetails]:
    """ Employment outcomes by country and stage (managers)

    Args:
        programme_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutcomeSummaryPublic | ProblemDetails]
     """


    kwargs = _get_kwargs(
        programme_id=programme_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,

) -> OutcomeSummaryPublic | ProblemDetails | None:
    """ Employment outcomes by country and stage (managers)

    Args:
        programme_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutcomeSummaryPublic | ProblemDetails
     """


    return sync_detailed(
        programme_id=programme_id,
client=client,

    ).parsed

async def asyncio_detailed(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[OutcomeSummaryPublic | ProblemDetails]:
    """ Employment outcomes by country and stage (managers)

    Args:
        programme_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutcomeSummaryPublic | ProblemDetails]
     """


    kwargs = _get_kwargs(
        programme_id=programme_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,

) -> OutcomeSummaryPublic | ProblemDetails | None:
    """ Employment outcomes by country and stage (managers)

    Args:
        programme_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutcomeSummaryPublic | ProblemDetails
     """


    return (await asyncio_detailed(
        programme_id=programme_id,
client=client,

    )).parsed
