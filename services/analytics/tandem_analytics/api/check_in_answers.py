"""A programme's check-in answers with who gave them (managers; named consent only)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query

from tandem_analytics.api.deps import Ctx, problems
from tandem_analytics.schemas.check_in_answers import NamedAnswersPage, NamedAnswersPublic
from tandem_analytics.service import check_in_answers as use
from tandem_kit.api import PageCursor, PageLimit
from tandem_kit.auth import CurrentPrincipal

router = APIRouter(prefix="/v1/programmes/{programme_id}/check-ins", tags=["check-ins"])

Round = Annotated[
    str | None,
    Query(
        alias="round",
        max_length=20,
        pattern=r"^(pulse-[0-9]{1,3}|midpoint|final)$",
        description="Only this round (pulse-<n>, midpoint or final).",
    ),
]


@router.get(
    "/answers",
    summary="Each member's check-in answers (managers, where the consent is named)",
    description="Only for a programme whose check-in plan says `consent: named` (its "
    "consent text told the members their manager may see their answers); otherwise 403 "
    "`aggregate_only`, and the summary's figures of groups of five or more are all there "
    "is. The latest answer first.",
    responses=problems(400, 403, 404),
)
async def list_named_answers(
    programme_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    round_key: Round = None,
    cursor: PageCursor = None,
    limit: PageLimit = 50,
) -> NamedAnswersPage:
    items, next_cursor = await use.named_answers(
        ctx, principal, programme_id, round_key=round_key, cursor=cursor, limit=limit
    )
    return NamedAnswersPage(
        items=[NamedAnswersPublic.of(n) for n in items], next_cursor=next_cursor
    )
