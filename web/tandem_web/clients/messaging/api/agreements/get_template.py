from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from tandem_web.clients.messaging.client import AuthenticatedClient, Client
from tandem_web.clients.messaging.types import Response, UNSET
from tandem_web.clients.messaging import errors

from tandem_web.clients.messaging.models.agreement_template_public import AgreementTemplatePublic
from tandem_web.clients.messaging.models.problem_details import ProblemDetails
from typing import cast
from uuid import UUID



def _get_kwargs(
    programme_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/programmes/{programme_id}/agreement-template".format(programme_id=quote(str(programme_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AgreementTemplatePublic | ProblemDetails | None:
    if response.status_code == 200:
        response_200 = AgreementTemplatePublic.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AgreementTemplatePublic | ProblemDetails]:
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

) -> Response[AgreementTemplatePublic | ProblemDetails]:
    """ The programme's agreement template (its members and managers)

    Args:
        programme_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgreementTemplatePublic | ProblemDetails]
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

) -> AgreementTemplatePublic | ProblemDetails | None:
    """ The programme's agreement template (its members and managers)

    Args:
        programme_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgreementTemplatePublic | ProblemDetails
     """


    return sync_detailed(
        programme_id=programme_id,
client=client,

    ).parsed

async def asyncio_detailed(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[AgreementTemplatePublic | ProblemDetails]:
    """ The programme's agreement template (its members and managers)

    Args:
        programme_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgreementTemplatePublic | ProblemDetails]
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

) -> AgreementTemplatePublic | ProblemDetails | None:
    """ The programme's agreement template (its members and managers)

    Args:
        programme_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgreementTemplatePublic | ProblemDetails
     """


    return (await asyncio_detailed(
        programme_id=programme_id,
client=client,

    )).parsed
