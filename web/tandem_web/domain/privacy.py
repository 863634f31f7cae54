"""What a participant's manager sees about them, as each service says (figures, dates
and states only: never a word anyone wrote), put side by side per relationship; their
notification preferences; and the rules of their data's export and erasure."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from tandem_web.domain.participants import Section

NEW_MESSAGE_MAILS = ("immediate", "daily_digest", "never")
HOURS = range(24)


@dataclass(frozen=True, slots=True)
class MessagingFigures:
    """Messaging's line of a conversation, the viewer's own member row picked out."""

    relationship_id: uuid.UUID
    programme_id: uuid.UUID
    status: str
    message_count: int
    last_activity_at: datetime | None
    my_messages: int
    my_last_message_at: datetime | None
    my_responses: int
    my_median_response_hours: float | None


@dataclass(frozen=True, slots=True)
class MeetingFigures:
    relationship_id: uuid.UUID
    programme_id: uuid.UUID
    status: str
    scheduled: int
    held: int
    missed: int
    cancelled: int
    online: int
    face_to_face: int
    goals_total: int
    goals_done: int


@dataclass(frozen=True, slots=True)
class AnalyticsRelationship:
    relationship_id: uuid.UUID
    outcome: str | None
    last_two_way_contact_at: datetime | None
    my_messages: int
    my_response_p50_hours: float | None
    goals: int
    goals_done: int
    milestones: int
    milestones_done: int


@dataclass(frozen=True, slots=True)
class AnalyticsProgramme:
    programme_id: uuid.UUID
    isolated: bool
    isolation_days: int
    last_contact_at: datetime | None
    last_meeting_at: datetime | None
    ever_posted: bool
    check_in_answers_named: bool
    relationships: tuple[AnalyticsRelationship, ...]


@dataclass(frozen=True, slots=True)
class RelationshipView:
    """One relationship as the manager sees it, by service (None: that service has no
    line about it)."""

    relationship_id: uuid.UUID
    names: tuple[str, ...]
    messaging: MessagingFigures | None
    meetings: MeetingFigures | None
    analytics: AnalyticsRelationship | None


@dataclass(frozen=True, slots=True)
class ProgrammeView:
    programme_id: uuid.UUID
    name: str | None
    participant_id: uuid.UUID
    analytics: AnalyticsProgramme | None
    relationships: tuple[RelationshipView, ...]


@dataclass(frozen=True, slots=True)
class Preferences:
    new_message: str
    digest_hour: int
    manager_mail: str | None


@dataclass(frozen=True, slots=True)
class PrivacyPage:
    zone: str
    programmes: tuple[ProgrammeView, ...]
    # each service's part: unavailable blanks its figures on the page
    messaging: Section[list[MessagingFigures]]
    meetings: Section[list[MeetingFigures]]
    analytics: Section[list[AnalyticsProgramme]]
    preferences: Section[Preferences]
    # matching did not say which programmes the viewer is in (none can be shown)
    matching_down: bool = False


def hours(seconds: float | None) -> float | None:
    return None if seconds is None else seconds / 3600


def by_programme(
    profiles: Iterable[tuple[uuid.UUID, uuid.UUID]],
    names: Mapping[uuid.UUID, str],
    relationship_programmes: Mapping[uuid.UUID, uuid.UUID],
    members: Mapping[uuid.UUID, tuple[str, ...]],
    messaging: Iterable[MessagingFigures],
    meetings: Iterable[MeetingFigures],
    analytics: Iterable[AnalyticsProgramme],
) -> tuple[ProgrammeView, ...]:
    """Each of the viewer's programmes (``profiles``: programme, participant) with each
    relationship any service has a line about, the lines side by side."""
    chats = {m.relationship_id: m for m in messaging}
    meets = {m.relationship_id: m for m in meetings}
    stats = {a.programme_id: a for a in analytics}
    views = []
    for programme_id, participant_id in profiles:
        programme_stats = stats.get(programme_id)
        lines = {
            r.relationship_id: r for r in (programme_stats.relationships if programme_stats else ())
        }
        ids = [r for r, p in relationship_programmes.items() if p == programme_id]
        ids += [r for r in lines if r not in ids]
        views.append(
            ProgrammeView(
                programme_id,
                names.get(programme_id),
                participant_id,
                programme_stats,
                tuple(
                    RelationshipView(
                        r, members.get(r, ()), chats.get(r), meets.get(r), lines.get(r)
                    )
                    for r in ids
                ),
            )
        )
    return tuple(views)
