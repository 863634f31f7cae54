"""Matching's API as the administrator uses it: organisations (list, create) and
programmes (list, create). A 422 is :class:`Invalid` with matching's per-field reasons,
as on the set-up pages."""

from __future__ import annotations

from typing import Any

from tandem_web.adapters.programme_setup_api import Invalid
from tandem_web.adapters.service_calls import authenticated, expect, reaching
from tandem_web.clients.matching import AuthenticatedClient
from tandem_web.clients.matching.api.programmes import (
    create_organisation,
    create_programme,
    list_organisations,
    list_programmes,
)
from tandem_web.clients.matching.models import (
    OrganisationCreate,
    OrganisationPublic,
    PageOrganisationPublic,
    PageProgrammePublic,
    ProgrammeCreate,
    ProgrammePublic,
)
from tandem_web.clients.matching.types import UNSET
from tandem_web.domain.admin import Organisation, ProgrammeRow

SERVICE = "matching"
MAX_PAGES = 20  # 200 a page: a platform's organisations and programmes, with a bound


def _client(url: str, token: str) -> AuthenticatedClient:
    return authenticated(AuthenticatedClient, url, token)


def _invalid(status: int, parsed: object) -> None:
    if status != 422:
        return
    listed = getattr(parsed, "errors", None)
    items = [e.to_dict() for e in listed] if isinstance(listed, list) else []
    errors = [
        (tuple(str(p) for p in e["loc"]), str(e.get("msg", "")))
        for e in items
        if isinstance(e.get("loc"), list)
    ]
    raise Invalid(SERVICE, str(getattr(parsed, "detail", "")), errors)


async def organisations(url: str, token: str) -> list[Organisation]:
    found: list[Organisation] = []
    cursor: str | None = None
    async with reaching(SERVICE), _client(url, token) as client:
        for _ in range(MAX_PAGES):
            answer = await list_organisations.asyncio_detailed(
                client=client, cursor=cursor or UNSET, limit=200
            )
            page = expect(SERVICE, answer.status_code, answer.parsed, PageOrganisationPublic)
            found += [Organisation(str(o.id), o.name) for o in page.items]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    return found


async def programmes(url: str, token: str) -> list[ProgrammeRow]:
    """Every programme (matching lists an admin all of them)."""
    found: list[ProgrammeRow] = []
    cursor: str | None = None
    async with reaching(SERVICE), _client(url, token) as client:
        for _ in range(MAX_PAGES):
            answer = await list_programmes.asyncio_detailed(
                client=client, cursor=cursor or UNSET, limit=200
            )
            page = expect(SERVICE, answer.status_code, answer.parsed, PageProgrammePublic)
            found += [
                ProgrammeRow(str(p.id), p.name, str(p.organisation_id), p.starts_on, p.ends_on)
                for p in page.items
            ]
            cursor = page.next_cursor if isinstance(page.next_cursor, str) else None
            if not cursor:
                break
    return found


async def new_organisation(url: str, token: str, name: str) -> Organisation:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await create_organisation.asyncio_detailed(
            client=client, body=OrganisationCreate(name=name)
        )
        _invalid(int(answer.status_code), answer.parsed)
        made = expect(SERVICE, answer.status_code, answer.parsed, OrganisationPublic, ok=201)
    return Organisation(str(made.id), made.name)


async def new_programme(url: str, token: str, body: dict[str, Any]) -> ProgrammeRow:
    async with reaching(SERVICE), _client(url, token) as client:
        answer = await create_programme.asyncio_detailed(
            client=client, body=ProgrammeCreate.from_dict(body)
        )
        _invalid(int(answer.status_code), answer.parsed)
        made = expect(SERVICE, answer.status_code, answer.parsed, ProgrammePublic, ok=201)
    return ProgrammeRow(
        str(made.id), made.name, str(made.organisation_id), made.starts_on, made.ends_on
    )
