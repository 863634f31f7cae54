"""Check-ins: a member answers hers (bearer token, or a one-click link from the mail that
signs no one in); managers read figures per round, small groups suppressed."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Path

from tandem_analytics.api.deps import Ctx
from tandem_analytics.schemas.check_ins import (
    AnswersInput,
    CheckInPublic,
    CheckInSummaryPublic,
    LinkPublic,
    RoundFiguresPublic,
)
from tandem_analytics.service import check_ins as use
from tandem_analytics.service.check_ins import CheckInView, LinkView
from tandem_kit.api import problems
from tandem_kit.auth import CurrentPrincipal

router = APIRouter(tags=["check-ins"])
link_router = APIRouter(prefix="/v1/check-in-links", tags=["check-ins"])

Token = Path(min_length=1, max_length=400, description="The signed token from the mail.")


def _public(view: CheckInView) -> CheckInPublic:
    c = view.check_in
    return CheckInPublic(
        id=c.id,
        programme_id=c.programme_id,
        relationship_id=c.relationship_id,
        round=c.round_key,
        kind=c.kind,
        questions=list(c.questions),
        due_on=c.due_on,
        answered=list(view.answered),
        answered_at=c.answered_at,
        open_until=view.open_until,
    )


def _link(view: LinkView) -> LinkPublic:
    return LinkPublic(
        action="outcome" if view.what == "outcome" else "answer",
        item_id=view.item_id,
        question=view.question,
        value=view.value,
        status=view.status,
        used=view.used,
        expires_at=view.expires_at,
    )


@router.get("/v1/me/check-ins", summary="Your check-ins", responses=problems())
async def my_check_ins(principal: CurrentPrincipal, ctx: Ctx) -> list[CheckInPublic]:
    return [_public(v) for v in await use.my_check_ins(ctx, principal)]


@router.post(
    "/v1/check-ins/{check_in_id}/answers",
    summary="Answer your check-in (its member only)",
    responses=problems(403, 404, 409, 422),
)
async def answer_check_in(
    check_in_id: UUID, body: AnswersInput, principal: CurrentPrincipal, ctx: Ctx
) -> CheckInPublic:
    return _public(await use.answer(ctx, principal, check_in_id, body.answers))


@router.get(
    "/v1/programmes/{programme_id}/check-ins/summary",
    summary="Check-in figures per round (managers)",
    description="Response rate per round; per question the mean and distribution, only "
    "for at least `min_group` respondents (else `suppressed: true`, no figures).",
    responses=problems(403, 404),
)
async def check_in_summary(
    programme_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> CheckInSummaryPublic:
    rounds, min_group = await use.summary(ctx, principal, programme_id)
    return CheckInSummaryPublic(
        programme_id=programme_id,
        min_group=min_group,
        rounds=[RoundFiguresPublic.from_record(r) for r in rounds],
    )


@link_router.get(
    "/{token}",
    summary="What a one-click check-in or outcome link would do (changes nothing)",
    description="Mail scanners open links: reading one never answers. No token needed.",
    responses=problems(400, 403, 404, 410),
)
async def preview_link(ctx: Ctx, token: str = Token) -> LinkPublic:
    return _link(await use.preview_link(ctx, token))


@link_router.post(
    "/{token}",
    summary="Apply a one-click check-in or outcome link (once)",
    description="Forged 403, expired 410, used before 409. No token needed; signs no one in.",
    responses=problems(400, 403, 404, 409, 410),
)
async def apply_link(ctx: Ctx, token: str = Token) -> LinkPublic:
    return _link(await use.apply_link(ctx, token))
