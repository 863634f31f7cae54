"""The services' privacy endpoints for the signed-in person: what their manager sees
about them (messaging, meetings per relationship, analytics), their data's export from
each service (the services' own JSON, byte for byte), erasure in matching, and
messaging's notification preferences."""

from __future__ import annotations

import uuid

from tandem_web.adapters.profile_api import unaccepted
from tandem_web.adapters.service_calls import authenticated, expect, reaching
from tandem_web.clients.analytics import AuthenticatedClient as AnalyticsClient
from tandem_web.clients.analytics.api.manager_view import (
    get_manager_view as analytics_manager_view,
)
from tandem_web.clients.analytics.models import ManagerViewPublic as AnalyticsView
from tandem_web.clients.matching import AuthenticatedClient as MatchingClient
from tandem_web.clients.matching.api.privacy import erase, export
from tandem_web.clients.matching.models import ErasureReceipt, ParticipantExport
from tandem_web.clients.meetings import AuthenticatedClient as MeetingsClient
from tandem_web.clients.meetings.api.manager_view import (
    get_manager_view as meetings_manager_view,
)
from tandem_web.clients.meetings.api.privacy import export_mine as meetings_export
from tandem_web.clients.meetings.models import ExportPublic as MeetingsExport
from tandem_web.clients.meetings.models import RelationshipFiguresPublic
from tandem_web.clients.messaging import AuthenticatedClient as MessagingClient
from tandem_web.clients.messaging.api.notifications import get_preferences, set_preferences
from tandem_web.clients.messaging.api.privacy import export_mine as messaging_export
from tandem_web.clients.messaging.api.statistics import manager_view as messaging_manager_view
from tandem_web.clients.messaging.models import ExportPublic as MessagingExport
from tandem_web.clients.messaging.models import (
    ManagerMail,
    NewMessageMail,
    NotificationPreferences,
    ProblemDetails,
)
from tandem_web.clients.messaging.models import ManagerViewPublic as MessagingView
from tandem_web.clients.messaging.types import UNSET
from tandem_web.domain.privacy import (
    AnalyticsProgramme,
    AnalyticsRelationship,
    MeetingFigures,
    MessagingFigures,
    Preferences,
    hours,
)


async def messaging_view(url: str, token: str, me: set[uuid.UUID]) -> list[MessagingFigures]:
    async with (
        reaching("messaging"),
        authenticated(MessagingClient, url, token) as c,
    ):
        answer = await messaging_manager_view.asyncio_detailed(client=c)
        found = expect("messaging", answer.status_code, answer.parsed, MessagingView)
    lines = []
    for line in found.conversations:
        mine = [m for m in line.members if m.participant_id in me]
        lines.append(
            MessagingFigures(
                line.relationship_id,
                line.programme_id,
                line.status,
                line.message_count,
                line.last_activity_at,
                sum(m.message_count for m in mine),
                max((m.last_message_at for m in mine if m.last_message_at), default=None),
                sum(m.responses for m in mine),
                hours(mine[0].median_response_seconds) if mine else None,
            )
        )
    return lines


async def meetings_view(url: str, token: str, relationship_id: uuid.UUID) -> MeetingFigures:
    """The relationship's line of the manager's meeting figures (Refused: 404, not the
    viewer's or not known to meetings)."""
    async with (
        reaching("meetings"),
        authenticated(MeetingsClient, url, token) as c,
    ):
        answer = await meetings_manager_view.asyncio_detailed(relationship_id, client=c)
        f = expect("meetings", answer.status_code, answer.parsed, RelationshipFiguresPublic)
    m = f.meetings
    return MeetingFigures(
        f.relationship_id,
        f.programme_id,
        f.status,
        m.scheduled,
        m.held,
        m.missed,
        m.cancelled,
        m.online,
        m.face_to_face,
        f.goals.total,
        f.goals.done,
    )


async def analytics_view(url: str, token: str, me: set[uuid.UUID]) -> list[AnalyticsProgramme]:
    async with (
        reaching("analytics"),
        authenticated(AnalyticsClient, url, token) as c,
    ):
        answer = await analytics_manager_view.asyncio_detailed(client=c)
        found = expect("analytics", answer.status_code, answer.parsed, AnalyticsView)
    programmes = []
    for p in found.programmes:
        relationships = []
        for r in p.relationships:
            mine = [m for m in r.members if m.participant_id in me]
            relationships.append(
                AnalyticsRelationship(
                    r.relationship_id,
                    r.outcome if isinstance(r.outcome, str) else None,
                    r.last_two_way_contact_at,
                    sum(m.messages for m in mine),
                    mine[0].response_time_p50_hours if mine else None,
                    r.goals,
                    r.goals_done,
                    r.milestones,
                    r.milestones_done,
                )
            )
        programmes.append(
            AnalyticsProgramme(
                p.programme_id,
                p.isolated,
                p.isolation_days,
                p.last_contact_at,
                p.last_meeting_at,
                p.ever_posted,
                p.check_in_answers_named,
                tuple(relationships),
            )
        )
    return programmes


async def matching_export(
    url: str, token: str, programme_id: uuid.UUID, participant_id: uuid.UUID
) -> bytes:
    """Matching's export of the viewer's participant, as matching wrote it."""
    async with (
        reaching("matching"),
        authenticated(MatchingClient, url, token) as c,
    ):
        answer = await export.asyncio_detailed(programme_id, participant_id, client=c)
        expect("matching", answer.status_code, answer.parsed, ParticipantExport)
        return answer.content


async def messaging_export_of(url: str, token: str) -> bytes:
    async with (
        reaching("messaging"),
        authenticated(MessagingClient, url, token) as c,
    ):
        answer = await messaging_export.asyncio_detailed(client=c)
        expect("messaging", answer.status_code, answer.parsed, MessagingExport)
        return answer.content


async def meetings_export_of(url: str, token: str) -> bytes:
    async with (
        reaching("meetings"),
        authenticated(MeetingsClient, url, token) as c,
    ):
        answer = await meetings_export.asyncio_detailed(client=c)
        expect("meetings", answer.status_code, answer.parsed, MeetingsExport)
        return answer.content


async def erase_me(
    url: str, token: str, programme_id: uuid.UUID, participant_id: uuid.UUID, key: str
) -> int:
    """Matching's erasure of the viewer's participant: how many relationships closed
    (raises Refused: 409 once erased, 404 not the viewer's)."""
    async with (
        reaching("matching"),
        authenticated(MatchingClient, url, token) as c,
    ):
        answer = await erase.asyncio_detailed(
            programme_id, participant_id, client=c, idempotency_key=key
        )
        receipt = expect("matching", answer.status_code, answer.parsed, ErasureReceipt)
    return receipt.relationships_closed


def _preferences(found: NotificationPreferences) -> Preferences:
    manager = None if found.manager_mail is UNSET else str(found.manager_mail)
    return Preferences(str(found.new_message), found.digest_hour, manager)


async def preferences(url: str, token: str) -> Preferences:
    async with (
        reaching("messaging"),
        authenticated(MessagingClient, url, token) as c,
    ):
        answer = await get_preferences.asyncio_detailed(client=c)
        found = expect("messaging", answer.status_code, answer.parsed, NotificationPreferences)
    return _preferences(found)


async def set_my_preferences(url: str, token: str, chosen: Preferences) -> Preferences:
    """Messaging takes the whole choice (raises Unaccepted on 422)."""
    body = NotificationPreferences(
        new_message=NewMessageMail(chosen.new_message),
        digest_hour=chosen.digest_hour,
        manager_mail=ManagerMail(chosen.manager_mail) if chosen.manager_mail else UNSET,
    )
    async with (
        reaching("messaging"),
        authenticated(MessagingClient, url, token) as c,
    ):
        answer = await set_preferences.asyncio_detailed(client=c, body=body)
        if answer.status_code == 422 and isinstance(answer.parsed, ProblemDetails):
            raise unaccepted(answer.parsed)
        found = expect("messaging", answer.status_code, answer.parsed, NotificationPreferences)
    return _preferences(found)
