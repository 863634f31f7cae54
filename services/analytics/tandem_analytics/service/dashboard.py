"""Use case: a programme's dashboard, read from the read models in one transaction."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from tandem_analytics.adapters import dashboard as repo
from tandem_analytics.domain.dashboard import Dashboard, expected_meetings, is_isolated
from tandem_analytics.domain.readmodels import percentile
from tandem_analytics.service.access import require_manager
from tandem_analytics.service.context import Context
from tandem_kit.auth import Principal


async def dashboard(ctx: Context, principal: Principal, programme_id: UUID) -> Dashboard:
    require_manager(principal, programme_id)
    async with ctx.database.transaction() as session:
        return await figures(session, programme_id, ctx.now(), ctx.settings.isolation_days)


async def figures(session: AsyncSession, programme_id: UUID, now: datetime, days: int) -> Dashboard:
    """The dashboard at ``now`` in the caller's transaction (the weekly report's too)."""
    started, active, completed, ended_early = await repo.relationship_counts(session, programme_id)
    weeks = await repo.messages_per_week(session, programme_id)
    modes = await repo.meetings_by_mode(session, programme_id)
    seconds = await repo.response_seconds(session, programme_id)
    answered, in_time = await repo.response_adherence(session, programme_id)
    cadences = await repo.cadences(session, programme_id)
    activity = await repo.participant_activity(session, programme_id)
    expected = [(expected_meetings(s, e, c, now), held) for s, e, c, held in cadences]
    asked = sum(n for n, _ in expected)
    hours = [s / 3600 for s in seconds]
    return Dashboard(
        programme_id=programme_id,
        relationships=started,
        active=active,
        completed=completed,
        ended_early=ended_early,
        messages_per_week=tuple(weeks),
        meetings_by_mode=tuple(modes),
        response_p50_hours=percentile(hours, 0.5),
        response_p90_hours=percentile(hours, 0.9),
        response_adherence=in_time / answered if answered else None,
        cadence_adherence=sum(min(n, held) for n, held in expected) / asked if asked else None,
        isolation_days=days,
        isolated=tuple(
            row.participant_id
            for row in activity
            if is_isolated(
                row.last_contact_at, row.last_meeting_at, row.first_posted_at, now=now, days=days
            )
        ),
        computed_at=now,
    )
