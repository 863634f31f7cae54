"""Edits of a draft in memory — move one mentee, swap two — checked before anything is saved.

The caller (:mod:`.review`) loads the draft, applies one edit here, and writes back
exactly the proposals this edit ``changed``, ``created`` or ``deleted``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from uuid import UUID

from tandem_contracts.common import MentoringFormat
from tandem_kit.errors import Conflict, Unprocessable
from tandem_matching.domain.match_runs import MatchRun
from tandem_matching.domain.profiles import Profile
from tandem_matching.domain.proposals import (
    Explained,
    Proposal,
    ProposalMember,
    ProposalStatus,
    mean_score,
    unmatched_of,
)
from tandem_matching.service import engine
from tandem_matching.service.engine import ErrorEntry
from tandem_matching.service.ids import new_id
from tandem_matching.service.roster import Roster


def breach(
    constraint: str,
    reason: str,
    proposal_id: UUID | None = None,
    *,
    mentee_id: UUID | None = None,
    mentor_id: UUID | None = None,
) -> ErrorEntry:
    return {
        "constraint": constraint,
        "reason": reason,
        "proposal_id": _text(proposal_id),
        "mentee_id": _text(mentee_id),
        "mentor_id": _text(mentor_id),
    }


def _text(id: UUID | None) -> str | None:
    return None if id is None else str(id)


class Draft:
    """The live proposals of one draft run, with their members, and what an edit touched."""

    def __init__(
        self,
        run: MatchRun,
        rows: Sequence[Proposal],
        members: Mapping[UUID, Sequence[ProposalMember]],
    ) -> None:
        self.run = run
        self.proposals = {p.id: p for p in rows}
        self.members = {pid: list(members.get(pid, ())) for pid in self.proposals}
        self.unmatched = unmatched_of(run.summary)
        self.changed: set[UUID] = set()
        self.created: set[UUID] = set()
        self.deleted: set[UUID] = set()

    def proposal_of(self, mentee_id: UUID) -> UUID | None:
        return next(
            (pid for pid, ms in self.members.items() if any(m.mentee_id == mentee_id for m in ms)),
            None,
        )

    def load(self, mentor_id: UUID) -> int:
        return sum(
            len(self.members[pid]) for pid, p in self.proposals.items() if p.mentor_id == mentor_id
        )

    def assignment(self) -> list[tuple[UUID, UUID]]:
        """(mentee, mentor) for every mentee proposed in the draft."""
        return [
            (m.mentee_id, self.proposals[pid].mentor_id)
            for pid, members in self.members.items()
            for m in members
        ]

    def group_of(self, mentor_id: UUID) -> UUID | None:
        return next(
            (
                pid
                for pid, p in self.proposals.items()
                if p.mentor_id == mentor_id and p.format is MentoringFormat.GROUP
            ),
            None,
        )

    def all_members(self) -> list[ProposalMember]:
        return [m for ms in self.members.values() for m in ms]

    def touch(self, proposal_id: UUID) -> None:
        members = self.members[proposal_id]
        proposal = self.proposals[proposal_id]
        if not members:
            self.deleted.add(proposal_id)
            del self.proposals[proposal_id], self.members[proposal_id]
            return
        self.proposals[proposal_id] = replace(
            proposal,
            score=mean_score(members),
            status=ProposalStatus.DRAFT,  # an edited proposal needs approving again
            format=MentoringFormat.PAIR if len(members) == 1 else proposal.format,
        )
        self.changed.add(proposal_id)

    def remove(self, mentee_id: UUID) -> None:
        proposal_id = self.proposal_of(mentee_id)
        if proposal_id is None:
            self.unmatched = [u for u in self.unmatched if u.mentee_id != mentee_id]
            return
        self.members[proposal_id] = [
            m for m in self.members[proposal_id] if m.mentee_id != mentee_id
        ]
        self.touch(proposal_id)

    def add(self, mentor_id: UUID, explained: Explained, into: UUID | None) -> None:
        if into is None:
            into = new_id()
            position = max((p.position for p in self.proposals.values()), default=-1) + 1
            self.proposals[into] = Proposal(
                id=into,
                run_id=self.run.id,
                programme_id=self.run.programme_id,
                mentor_id=mentor_id,
                format=MentoringFormat.PAIR,
                score=0.0,
                status=ProposalStatus.DRAFT,
                position=position,
                relationship_id=None,
            )
            self.members[into] = []
            self.created.add(into)
        self.members[into].append(ProposalMember.of(into, explained))
        self.touch(into)


def _mentee(draft: Draft, roster: Roster, mentee_id: UUID) -> Profile:
    listed = draft.proposal_of(mentee_id) is not None or any(
        u.mentee_id == mentee_id for u in draft.unmatched
    )
    if not listed:
        raise Unprocessable(
            f"Mentee {roster.named(mentee_id)} is neither proposed nor unmatched in this draft "
            "(they registered after the run, or belong to another programme): run again to "
            "include them.",
            code="not_in_draft",
        )
    mentee = roster.participant(mentee_id)
    if mentee is None or not roster.is_waiting(mentee_id):
        raise Conflict(
            f"Mentee {roster.named(mentee_id)} is no longer waiting for a match (withdrawn or "
            "matched meanwhile).",
            code="mentee_unavailable",
        )
    return mentee


def _mentor(roster: Roster, mentor_id: UUID) -> Profile:
    mentor = roster.mentor(mentor_id)
    if mentor is None:
        raise Unprocessable(
            f"{mentor_id} is not an active mentor of this programme.", code="unknown_mentor"
        )
    return mentor


def _refuse(breaches: list[ErrorEntry]) -> None:
    if breaches:
        raise Unprocessable(
            "The change breaks the programme's rules: "
            + "; ".join(str(b["reason"]) for b in breaches),
            code="constraint_breach",
            errors=breaches,
        )


def _check(
    draft: Draft, roster: Roster, edited: list[tuple[UUID, UUID]], concerning: set[UUID]
) -> list[ErrorEntry]:
    """The engine's verdict on the edited assignment, for the participants the edit touched.

    Mentors count with the places they have left after their current relationships;
    mentees of the draft who have left the programme are not part of the check (publishing
    reports them as stale).
    """
    mentees = [p for p in (roster.participant(e) for e, _ in edited) if p is not None]
    known = {p.id for p in mentees}
    return engine.assignment_breaches(
        roster.policy,
        roster.all_mentors(),
        mentees,
        [(e, r) for e, r in edited if e in known],
        roster.exclusions,
        concerning=concerning,
        names={r: roster.named(r) for r in concerning | {r for _, r in edited}},
    )


def move(draft: Draft, roster: Roster, mentee_id: UUID, to_mentor_id: UUID) -> None:
    mentee = _mentee(draft, roster, mentee_id)
    mentor = _mentor(roster, to_mentor_id)
    current = draft.proposal_of(mentee_id)
    if current is not None and draft.proposals[current].mentor_id == to_mentor_id:
        raise Unprocessable("The mentee is already proposed to this mentor.", code="same_mentor")
    edited = engine.moved(draft.assignment(), mentee_id, to_mentor_id)
    breaches = _check(draft, roster, edited, {mentee_id, to_mentor_id})
    group = draft.group_of(to_mentor_id)
    largest = roster.policy.group_size[1]
    if group is not None and len(draft.members[group]) >= largest:
        breaches.append(
            breach(
                "capacity",
                f"the group of mentor {roster.named(to_mentor_id)} is full: it has {largest} "
                "mentees, the most the programme's group_size allows; move a member out "
                "first, choose another mentor, or raise group_size.max",
                group,
                mentee_id=mentee_id,
                mentor_id=to_mentor_id,
            )
        )
    _refuse([{**b, "proposal_id": _text(current)} for b in breaches])
    draft.remove(mentee_id)
    draft.add(to_mentor_id, engine.explained(roster.policy, mentee, mentor), group)


def swap(draft: Draft, roster: Roster, mentee_a: UUID, mentee_b: UUID) -> None:
    a, b = _mentee(draft, roster, mentee_a), _mentee(draft, roster, mentee_b)
    pa, pb = draft.proposal_of(mentee_a), draft.proposal_of(mentee_b)
    if pa is None or pb is None:
        raise Unprocessable(
            "Both mentees must be proposed in this draft to swap them; "
            "move an unmatched mentee instead.",
            code="not_swappable",
        )
    mentor_a_id, mentor_b_id = draft.proposals[pa].mentor_id, draft.proposals[pb].mentor_id
    if mentor_a_id == mentor_b_id:
        raise Unprocessable("Both mentees have the same mentor.", code="same_mentor")
    mentor_a, mentor_b = _mentor(roster, mentor_a_id), _mentor(roster, mentor_b_id)
    edited = engine.swapped(draft.assignment(), mentee_a, mentee_b)
    breaches = _check(draft, roster, edited, {mentee_a, mentee_b})
    target = {str(mentee_a): str(pb), str(mentee_b): str(pa)}  # as the breaches name them
    _refuse([{**x, "proposal_id": target.get(x["mentee_id"] or "")} for x in breaches])
    for mentee, mentor, source, into in ((a, mentor_b, pa, pb), (b, mentor_a, pb, pa)):
        explained = engine.explained(roster.policy, mentee, mentor)
        draft.members[source] = [m for m in draft.members[source] if m.mentee_id != mentee.id]
        draft.members[into].append(ProposalMember.of(into, explained))
    for proposal_id in (pa, pb):
        draft.touch(proposal_id)
