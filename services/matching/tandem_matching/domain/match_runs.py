"""Match runs: records and statuses, and what the engine is given and gives back.

A run goes ``queued → running → draft → published``, or ends ``failed`` / ``cancelled``;
at most one run per programme is open (queued, running or draft). The draft's proposals
are :mod:`.proposals`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from tandem_matching.domain.profiles import Profile, ProgrammePolicy
from tandem_matching.domain.proposals import DraftProposal, UnmatchedMentee
from tandem_matching.domain.results import NotGrouped


class MatchRunStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DRAFT = "draft"
    PUBLISHED = "published"
    FAILED = "failed"
    CANCELLED = "cancelled"


OPEN_RUNS = (MatchRunStatus.QUEUED, MatchRunStatus.RUNNING, MatchRunStatus.DRAFT)


@dataclass(frozen=True, slots=True)
class MatchRun:
    id: UUID
    programme_id: UUID
    status: MatchRunStatus
    phase: str
    progress: float
    requested_by: str
    cancel_requested: bool
    error: str | None
    # The run summary (schemas.match_runs.RunSummary as JSON), recomputed after each edit.
    summary: Mapping[str, object] | None
    created_at: dt.datetime
    started_at: dt.datetime | None
    heartbeat_at: dt.datetime | None
    finished_at: dt.datetime | None
    published_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class Job:
    """The engine's input: the programme as the run starts (picklable, for the child)."""

    policy: ProgrammePolicy
    mentors: tuple[Profile, ...]  # with their places left as capacity
    mentees: tuple[Profile, ...]  # the waiting ones
    exclusions: frozenset[tuple[UUID, UUID]]  # (mentee, mentor) never to match again


@dataclass(frozen=True, slots=True)
class Solution:
    """The engine's draft: proposals with explained members, the unmatched and why, and
    the certificate for its own solution."""

    proposals: tuple[DraftProposal, ...]
    unmatched: tuple[UnmatchedMentee, ...]
    certified_gap: float | None
    cardinality_certified: bool | None
    solver: str
    not_grouped: tuple[NotGrouped, ...] = ()
