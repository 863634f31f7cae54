from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from tandem_web.clients.matching.client import AuthenticatedClient, Client
from tandem_web.clients.matching.types import Response, UNSET
from tandem_web.clients.matching import errors

from tandem_web.clients.matching.models.body_import_csv import BodyImportCsv
from tandem_web.clients.matching.models.import_mode import ImportMode
from tandem_web.clients.matching.models.import_report import ImportReport
from tandem_web.clients.matching.models.problem_details import ProblemDetails
from tandem_web.clients.matching.types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    programme_id: UUID,
    *,
    body: BodyImportCsv,
    mode: ImportMode | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    params: dict[str, Any] = {}

    json_mode: str | Unset = UNSET
    if not isinstance(mode, Unset):
        json_mode = mode.value

    params["mode"] = json_mode


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/programmes/{programme_id}/imports/csv".format(programme_id=quote(str(programme_id), safe=""),),
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportReport | ProblemDetails | None:
    if response.status_code == 201:
        response_201 = ImportReport.from_dict(response.json())



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

    if response.status_code == 404:
        response_404 = ProblemDetails.from_dict(response.json())



        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ImportReport | ProblemDetails]:
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
    body: BodyImportCsv,
    mode: ImportMode | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[ImportReport | ProblemDetails]:
    """ Import participants from a CSV file (multipart upload)

     Every row is validated; bad rows are reported with their line and reason. Emits one
    `participant.registered` per imported row. Columns: subject, role, display_name, email,
    preferred_language, country, time_zone, languages, city, availability, sector, skills, goals,
    preferred_format, modality, capacity, linkedin_url, linkedin_consent. Lists use `;`; availability is
    like `mon 18:00-20:00;thu 09:00-11:30`.

    Args:
        programme_id (UUID):
        mode (ImportMode | Unset):
        idempotency_key (str | Unset):
        body (BodyImportCsv):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportReport | ProblemDetails]
     """


    kwargs = _get_kwargs(
        programme_id=programme_id,
body=body,
mode=mode,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BodyImportCsv,
    mode: ImportMode | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> ImportReport | ProblemDetails | None:
    """ Import participants from a CSV file (multipart upload)

     Every row is validated; bad rows are reported with their line and reason. Emits one
    `participant.registered` per imported row. Columns: subject, role, display_name, email,
    preferred_language, country, time_zone, languages, city, availability, sector, skills, goals,
    preferred_format, modality, capacity, linkedin_url, linkedin_consent. Lists use `;`; availability is
    like `mon 18:00-20:00;thu 09:00-11:30`.

    Args:
        programme_id (UUID):
        mode (ImportMode | Unset):
        idempotency_key (str | Unset):
        body (BodyImportCsv):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportReport | ProblemDetails
     """


    return sync_detailed(
        programme_id=programme_id,
client=client,
body=body,
mode=mode,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BodyImportCsv,
    mode: ImportMode | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> Response[ImportReport | ProblemDetails]:
    """ Import participants from a CSV file (multipart upload)

     Every row is validated; bad rows are reported with their line and reason. Emits one
    `participant.registered` per imported row. Columns: subject, role, display_name, email,
    preferred_language, country, time_zone, languages, city, availability, sector, skills, goals,
    preferred_format, modality, capacity, linkedin_url, linkedin_consent. Lists use `;`; availability is
    like `mon 18:00-20:00;thu 09:00-11:30`.

    Args:
        programme_id (UUID):
        mode (ImportMode | Unset):
        idempotency_key (str | Unset):
        body (BodyImportCsv):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportReport | ProblemDetails]
     """


    kwargs = _get_kwargs(
        programme_id=programme_id,
body=body,
mode=mode,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    programme_id: UUID,
    *,
    client: AuthenticatedClient,
    body: BodyImportCsv,
    mode: ImportMode | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,

) -> ImportReport | ProblemDetails | None:
    """ Import participants from a CSV file (multipart upload)

     Every row is validated; bad rows are reported with their line and reason. Emits one
    `participant.registered` per imported row. Columns: subject, role, display_name, email,
    preferred_language, country, time_zone, languages, city, availability, sector, skills, goals,
    preferred_format, modality, capacity, linkedin_url, linkedin_consent. Lists use `;`; availability is
    like `mon 18:00-20:00;thu 09:00-11:30`.

    Args:
        programme_id (UUID):
        mode (ImportMode | Unset):
        idempotency_key (str | Unset):
        body (BodyImportCsv):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportReport | ProblemDetails
     """


    return (await asyncio_detailed(
        programme_id=programme_id,
client=client,
body=body,
mode=mode,
idempotency_key=idempotency_key,

    )).parsed
