"""Relationships at risk of ending early: the programme's flags (its managers)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Header, Query

from tandem_analytics.api.deps import Ctx, problems
from tandem_analytics.schemas.risk_flags import DismissalIn, RiskFlagPage, RiskFlagPublic
from tandem_analytics.service import risk_flags as use
from tandem_kit.api import PageCursor, PageLimit
from tandem_kit.auth import CurrentPrincipal

router = APIRouter(prefix="/v1/programmes/{programme_id}/risk-flags", tags=["drop-out risk"])

AcceptLanguage = Annotated[
    str | None,
    Header(description="The reader's languages; else the language of their own contact."),
]


@router.get(
    "",
    summary="The programme's risk flags, newest first (its managers)",
    description="Each flag's reasons: the rule's code, the figure against the programme's "
    "threshold, the member it is about, and what the manager could do, in plain words in "
    "the reader's language. `open=true` (the default) lists only flags not cleared yet.",
    responses=problems(400, 403, 404),
)
async def list_risk_flags(
    programme_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    accept_language: AcceptLanguage = None,
    open_only: Annotated[bool, Query(alias="open")] = True,
    cursor: PageCursor = None,
    limit: PageLimit = 50,
) -> RiskFlagPage:
    return await use.list_flags(
        ctx,
        principal,
        programme_id,
        open_only=open_only,
        cursor=cursor,
        limit=limit,
        language=accept_language,
    )


@router.post(
    "/{flag_id}/dismissal",
    summary="Dismiss a flag with a reason (its managers)",
    description="Clears the flag (`relationship.risk_cleared`, `manager_dismissed`); the same "
    "reasons raise no new flag until they have all gone once, a new reason does.",
    responses=problems(403, 404, 409),
)
async def dismiss_risk_flag(
    programme_id: UUID,
    flag_id: UUID,
    body: DismissalIn,
    principal: CurrentPrincipal,
    ctx: Ctx,
    accept_language: AcceptLanguage = None,
) -> RiskFlagPublic:
    return await use.dismiss(ctx, principal, programme_id, flag_id, body, accept_language)
