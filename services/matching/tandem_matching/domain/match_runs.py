"""Match runs and their draft proposals: records and statuses.

A run goes ``queued → running → draft → published``, or ends ``failed`` / ``cancelled``;
at most one run per programme is open (queued, running or draft). A draft's proposals
are ``draft`` until approved, then ``published`` (a relationship was proposed) or
``discarded``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID


class MatchRunStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DRAFT = "draft"
    PUBLISHED = "published"
    FAILED = "failed"
    CANCELLED = "cancelled"


class ProposalStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    PUBLISHED = "published"
    DISCARDED = "discarded"


OPEN_RUNS = (MatchRunStatus.QUEUED, MatchRunStatus.RUNNING, MatchRunStatus.DRAFT)
LIVE_PROPOSALS = (ProposalStatus.DRAFT, ProposalStatus.APPROVED)


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
