"""Match runs as their manager follows and reviews them: a run's status, phase and
progress, the draft's proposals with their scores and explanations, and the review's
refusals (a move or swap that breaks a rule, in matching's words)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from tandem_web.domain.manager_pages import STATUS, Shown

SOLVING = frozenset({"queued", "running"})  # the page follows these until they end
CANCELLABLE = frozenset({"queued", "running", "draft"})


@dataclass(frozen=True, slots=True)
class Unmatched:
    mentee_id: uuid.UUID
    code: str
    reasons: tuple[str, ...]  # matching's plain words


@dataclass(frozen=True, slots=True)
class Summary:
    mentees_waiting: int
    mentors_available: int
    matched: int
    unmatched: tuple[Unmatched, ...]
    average_score: float | None


@dataclass(frozen=True, slots=True)
class Run:
    id: uuid.UUID
    status: str
    phase: str
    progress: float  # of the current phase, 0-1
    error: str | None
    created_at: datetime
    finished_at: datetime | None
    published_at: datetime | None
    summary: Summary | None

    @property
    def solving(self) -> bool:
        return self.status in SOLVING

    @property
    def cancellable(self) -> bool:
        return self.status in CANCELLABLE

    @property
    def percent(self) -> int:
        return max(0, min(100, round(self.progress * 100)))


def progress_of(run: Run) -> dict[str, object]:
    """What the run page's script reads every second (static/match_run.js)."""
    return {
        "status": run.status,
        "phase": run.phase,
        "percent": run.percent,
        "solving": run.solving,
    }


@dataclass(frozen=True, slots=True)
class Line:
    """One criterion of a pair's score, as matching explains it."""

    criterion: str
    contribution: float
    detail: str


@dataclass(frozen=True, slots=True)
class ProposedMentee:
    mentee_id: uuid.UUID
    score: float
    lines: tuple[Line, ...]


@dataclass(frozen=True, slots=True)
class Proposal:
    id: uuid.UUID
    mentor_id: uuid.UUID
    format: str  # pair | group
    score: float
    status: str  # draft | approved | published | discarded
    mentees: tuple[ProposedMentee, ...]


@dataclass(frozen=True, slots=True)
class Person:
    id: uuid.UUID
    name: str
    role: str


@dataclass(frozen=True, slots=True)
class Review:
    run: Run
    proposals: tuple[Proposal, ...]
    people: Mapping[uuid.UUID, Person] = field(default_factory=dict)

    def name(self, participant_id: uuid.UUID) -> str:
        person = self.people.get(participant_id)
        return person.name if person else str(participant_id)

    def mentee_names(self, proposal: Proposal) -> str:
        return ", ".join(self.name(m.mentee_id) for m in proposal.mentees)

    @property
    def mentors(self) -> list[Person]:
        """Every mentor matching lists in the programme, by name: a move's choices."""
        return sorted((p for p in self.people.values() if p.role == "mentor"), key=_by_name)

    @property
    def mentees(self) -> list[Person]:
        """The draft's mentees, proposed or left unmatched: who can be moved or swapped."""
        ids = [m.mentee_id for p in self.proposals for m in p.mentees]
        ids += [u.mentee_id for u in (self.run.summary.unmatched if self.run.summary else ())]
        return sorted(
            (self.people.get(i) or Person(i, str(i), "mentee") for i in dict.fromkeys(ids)),
            key=_by_name,
        )

    @property
    def approved(self) -> int:
        return sum(p.status == "approved" for p in self.proposals)


def _by_name(person: Person) -> str:
    return person.name.casefold()


class EditRefused(Exception):
    """Matching refused a review edit or publishing: its status, code, words, and each
    rule the change would break (a breach's reason)."""

    def __init__(
        self, status: int | None, code: str | None, detail: str, breaches: tuple[str, ...] = ()
    ) -> None:
        super().__init__(detail)
        self.status = status  # None: matching did not answer
        self.code = code
        self.detail = detail
        self.breaches = breaches


def breaches_of(errors: object) -> tuple[str, ...]:
    """The reasons of matching's ``errors`` entries (constraint breaches, stale proposals)."""
    return tuple(
        str(e["reason"])
        for e in (errors if isinstance(errors, list) else [])
        if isinstance(e, dict) and e.get("reason")
    )


@dataclass(frozen=True, slots=True)
class RunsPage:
    """The runs list, one run's page, or its draft's review (whichever is set)."""

    shown: Shown
    programme_id: uuid.UUID
    zone: str
    name: str | None = None
    runs: tuple[Run, ...] = ()
    run: Run | None = None
    review: Review | None = None

    @property
    def status(self) -> int:
        return STATUS[self.shown]
