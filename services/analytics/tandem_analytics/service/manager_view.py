"""Use case: a participant's "what the manager sees about me" in analytics.

Exactly the lines of the manager's reads that concern them: whether the dashboard
lists them as isolated (and the times it judges by), and each of their relationships'
statistics as the manager's statistics endpoint returns them. Aggregates (breakdowns,
survival, the export's per-relationship lines) are these same figures, grouped.
"""

from __future__ import annotations

from tandem_analytics.adapters import check_in_plans as plan_repo
from tandem_analytics.adapters import manager_view as repo
from tandem_analytics.domain.check_in_plans import Consent
from tandem_analytics.domain.dashboard import is_isolated
from tandem_analytics.domain.manager_view import ParticipantView
from tandem_analytics.service import relationship_stats
from tandem_analytics.service.context import Context
from tandem_kit.auth import Principal


async def manager_view(ctx: Context, principal: Principal) -> list[ParticipantView]:
    now, days = ctx.now(), ctx.settings.isolation_days
    views = []
    async with ctx.database.transaction() as session:
        for participant_id, programme_id in await repo.participants_of(session, principal.subject):
            activity = await repo.activity(session, participant_id)
            contact, meeting, posted = activity if activity is not None else (None, None, None)
            stats = []
            for relationship_id in await repo.relationships_of(session, participant_id):
                found = await relationship_stats.read(session, programme_id, relationship_id)
                if found is not None:
                    stats.append(found)
            plan = await plan_repo.of_programme(session, programme_id)
            views.append(
                ParticipantView(
                    participant_id=participant_id,
                    programme_id=programme_id,
                    isolated=is_isolated(contact, meeting, posted, now=now, days=days),
                    isolation_days=days,
                    last_contact_at=contact,
                    last_meeting_at=meeting,
                    ever_posted=posted is not None,
                    relationships=tuple(stats),
                    check_in_answers_named=plan is not None and plan.consent is Consent.NAMED,
                )
            )
    return views
