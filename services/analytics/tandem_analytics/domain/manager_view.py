"""What a programme's manager sees about one participant, for that participant."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from tandem_analytics.domain.relationship_stats import RelationshipStats


@dataclass(frozen=True, slots=True)
class ParticipantView:
    participant_id: UUID
    programme_id: UUID
    # The dashboard lists them as isolated (no message, no meeting for isolation_days).
    isolated: bool
    isolation_days: int
    last_contact_at: datetime | None
    last_meeting_at: datetime | None
    ever_posted: bool
    relationships: tuple[RelationshipStats, ...]  # each exactly as the manager reads it
    # The programme's check-in consent is named: its managers see this member's answers
    # (check-ins/answers); otherwise only figures of groups of five or more.
    check_in_answers_named: bool = False
