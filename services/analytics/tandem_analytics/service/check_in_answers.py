"""Use case: a programme's check-in answers with who gave them, where its consent is
``named`` (its consent text told the members their manager may see their answers).

Everywhere else the manager gets figures of groups of five or more only
(``check-ins/summary``), and asking for the answers is refused with a 403 that says so.
The answers are opened with the programme's data key here, and nowhere else but the
summary.
"""

from __future__ import annotations

from uuid import UUID

from tandem_analytics.adapters import check_in_answers as repo
from tandem_analytics.adapters import check_in_plans as plan_repo
from tandem_analytics.domain.check_in_answers import NamedAnswers
from tandem_analytics.domain.check_in_plans import Consent
from tandem_analytics.service import check_in_sealing as sealing
from tandem_analytics.service.check_in_access import manager_of
from tandem_analytics.service.context import Context
from tandem_kit.api import next_cursor
from tandem_kit.auth import Principal
from tandem_kit.errors import Forbidden


async def named_answers(
    ctx: Context,
    principal: Principal,
    programme_id: UUID,
    *,
    round_key: str | None,
    cursor: str | None,
    limit: int,
) -> tuple[list[NamedAnswers], str | None]:
    manager_of(principal, programme_id)
    async with ctx.database.transaction() as session:
        plan = await plan_repo.of_programme(session, programme_id)
        if plan is None or plan.consent is not Consent.NAMED:
            raise Forbidden(
                "The programme's consent is aggregate-only: its managers see figures of "
                "groups of five or more (check-ins/summary), never one member's answers.",
                code="aggregate_only",
            )
        rows = await repo.answered_page(
            session, programme_id, round_key=round_key, cursor=cursor, limit=limit
        )
        kept = rows[:limit]
        sealed = await repo.sealed_of(session, [r.id for r in kept])
        key = await sealing.programme_key(session, ctx.settings, programme_id) if sealed else b""
    values: dict[UUID, dict[str, int]] = {}
    for check_in_id, question, blob in sealed:
        opened = sealing.open_answer(key, programme_id, check_in_id, question, blob)
        values.setdefault(check_in_id, {})[question] = opened
    items = [NamedAnswers(r, values.get(r.id, {})) for r in kept]
    return items, next_cursor(rows, limit, lambda r: (r.answered_at, r.id))
