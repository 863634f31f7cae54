"""Organisations (admins create and list them; programmes belong to one)."""

from __future__ import annotations

from tandem_kit.api import Page, next_cursor
from tandem_kit.auth import Principal, require_admin
from tandem_matching.adapters import organisations as repo
from tandem_matching.domain.organisations import Organisation
from tandem_matching.schemas.organisations import OrganisationCreate, OrganisationPublic
from tandem_matching.service.context import Context
from tandem_matching.service.ids import new_id


async def create_organisation(
    ctx: Context, principal: Principal, body: OrganisationCreate
) -> OrganisationPublic:
    require_admin(principal)
    organisation = Organisation(id=new_id(), name=body.name, created_at=ctx.now())
    async with ctx.database.transaction() as session:
        await repo.add(session, organisation)
    return OrganisationPublic.model_validate(organisation, from_attributes=True)


async def list_organisations(
    ctx: Context, principal: Principal, cursor: str | None, limit: int
) -> Page[OrganisationPublic]:
    require_admin(principal)
    async with ctx.database.transaction() as session:
        rows = await repo.list_page(session, cursor, limit)
    return Page[OrganisationPublic](
        items=[OrganisationPublic.model_validate(r, from_attributes=True) for r in rows[:limit]],
        next_cursor=next_cursor(rows, limit, lambda r: (r.created_at, r.id)),
    )
