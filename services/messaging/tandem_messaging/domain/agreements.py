"""Communication agreements: the charter a relationship's members and manager accept.

A programme has a template (or the defaults below); each relationship's agreement
starts as a copy of it. Any change makes a new version, and a version counts only
once every current member and one of the programme's managers accepted it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from tandem_messaging.domain.content import Ciphertext

MAX_RULES = 20
MAX_RULE_CHARS = 500
MAX_STATEMENT_CHARS = 2000
MANAGER = "manager"


class Channel(StrEnum):
    MESSAGES = "messages"
    FORUM = "forum"
    EMAIL = "email"
    VIRTUAL_MEETING = "virtual_meeting"
    FACE_TO_FACE = "face_to_face"


DEFAULT_CONFIDENTIALITY = (
    "What we share in this mentoring relationship stays between us. Neither of us passes "
    "on the other's personal information without consent. The programme manager sees "
    "activity statistics, never the content of our conversation."
)


@dataclass(frozen=True)
class Terms:
    channels: tuple[Channel, ...]
    response_time_hours: int
    meeting_cadence_days: int
    confidentiality_statement: str
    rules: tuple[str, ...] = field(default=())


DEFAULT_TERMS = Terms(
    channels=(Channel.MESSAGES, Channel.EMAIL, Channel.VIRTUAL_MEETING, Channel.FACE_TO_FACE),
    response_time_hours=48,
    meeting_cadence_days=14,
    confidentiality_statement=DEFAULT_CONFIDENTIALITY,
    rules=(),
)


class TermsRejected(Exception):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def checked_terms(terms: Terms) -> Terms:
    """Terms as stored: unique channels in a stable order, trimmed non-empty rules."""
    if not terms.channels:
        raise TermsRejected("An agreement needs at least one channel.")
    if not 1 <= terms.response_time_hours <= 24 * 14:
        raise TermsRejected("The expected response time must be between 1 hour and 14 days.")
    if not 1 <= terms.meeting_cadence_days <= 90:
        raise TermsRejected("The meeting cadence must be between 1 and 90 days.")
    statement = terms.confidentiality_statement.strip()
    if not statement or len(statement) > MAX_STATEMENT_CHARS:
        raise TermsRejected(
            f"The confidentiality statement must have 1 to {MAX_STATEMENT_CHARS} characters."
        )
    rules = tuple(rule.strip() for rule in terms.rules if rule.strip())
    if len(rules) > MAX_RULES or any(len(rule) > MAX_RULE_CHARS for rule in rules):
        raise TermsRejected(f"At most {MAX_RULES} rules of {MAX_RULE_CHARS} characters each.")
    channels = tuple(c for c in Channel if c in set(terms.channels))
    return replace(terms, channels=channels, confidentiality_statement=statement, rules=rules)


def outstanding(
    member_subjects: Collection[str], accepted_by: Collection[str], manager_accepted: bool
) -> list[str]:
    """Who still has to accept: member subjects, and ``manager`` if no manager has."""
    waiting = sorted(set(member_subjects) - set(accepted_by))
    return [*waiting, *([] if manager_accepted else [MANAGER])]


def fully_accepted(
    member_subjects: Collection[str], accepted_by: Collection[str], manager_accepted: bool
) -> bool:
    return bool(member_subjects) and not outstanding(member_subjects, accepted_by, manager_accepted)


@dataclass(frozen=True, slots=True)
class Agreement:
    id: UUID
    relationship_id: UUID
    conversation_id: UUID
    programme_id: UUID
    version: int
    accepted_version: int | None
    closed: bool


@dataclass(frozen=True, slots=True)
class Version:
    """One version; ``rules`` stays sealed here (the relationship's key opens it)."""

    number: int
    channels: tuple[Channel, ...]
    response_time_hours: int
    meeting_cadence_days: int
    confidentiality_statement: str
    rules: Ciphertext | None
    proposed_by_subject: str | None
    proposed_by_role: str | None
    created_at: datetime
    accepted_at: datetime | None


@dataclass(frozen=True, slots=True)
class Acceptance:
    subject: str
    role: str
    accepted_at: datetime
