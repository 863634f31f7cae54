"""Organisations (admins create and list them; programmes belong to one)."""

from __future__ import annotations

from tandem_kit.api import Page, next_cursor
from tandem_kit.auth import Principal, require_admin
from tandem_kit.db import Database
from tandem_matching.adapters import organisations as repo
from tandem_matching.domain.organisations import Organisation
from tandem_matching.schemas.organisations import OrganisationCreate, OrganisationPublic
from tandem_matching.service.clock import new_id, now


async def create_organisation(
    db: Database, principal: Principal, body: OrganisationCreate
) -> OrganisationPublic:
    require_admin(principal)
    organisation = Organisation(id=new_id(), name=body.name, created_at=now())
    async with db.transaction() as session:
        await repo.add(session, organisation)
    return OrganisationPublic.model_validate(organisation, from_attributes=True)


async def list_organisations(
    db: Database, principal: Principal, cursor: str | None, limit: int
) -> Page[OrganisationPublic]:
    require_admin(principal)
    async with db.transaction() as session:
        rows = await repo.list_page(session, cursor, limit)
    return Page[OrganisationPublic](
        items=[OrganisationPublic.model_validate(r, from_attributes=True) for r in rows[:limit]],
        next_cursor=next_cursor(rows, limit, lambda r: (r.created_at, r.id)),
    )
