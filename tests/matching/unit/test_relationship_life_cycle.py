"""The relationship life cycle as pure transitions (domain/relationships.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from tandem_contracts.common import MentoringFormat, Role
from tandem_contracts.matching import EndedBy, EndReason
from tandem_matching.domain import relationships as life
from tandem_matching.domain.relationships import (
    MemberResponse,
    Relationship,
    RelationshipStatus,
    TransitionRefused,
)
from tests.matching.unit.ids import pid

T0 = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
T1 = T0 + dt.timedelta(hours=1)
STARTS, ENDS = dt.date(2026, 3, 10), dt.date(2026, 9, 30)


def proposed(
    *mentees: str, started_on: dt.date | None = None
) -> tuple[Relationship, tuple[life.Member, ...]]:
    return life.propose(
        relationship_id=pid("r1"),
        programme_id=pid("p1"),
        mentor_id=pid("jonas"),
        mentees=[(pid(m), {"score": 0.5, "criteria": []}) for m in mentees or ("amira",)],
        format=MentoringFormat.GROUP if len(mentees) > 1 else MentoringFormat.PAIR,
        score=0.5,
        agreed_end_date=ENDS,
        at=T0,
        run_id=pid("run1"),
        started_on=started_on,
    )


def answer(
    rel: Relationship,
    members: tuple[life.Member, ...],
    who: str,
    *,
    accept: bool = True,
    today: dt.date = dt.date(2026, 3, 1),
) -> life.Responded:
    return life.respond(
        rel,
        members,
        pid(who),
        accept=accept,
        today=today,
        programme_starts_on=STARTS,
        programme_ends_on=ENDS,
        at=T1,
    )


def test_a_proposal_waits_for_every_member() -> None:
    rel, members = proposed()
    assert rel.status is RelationshipStatus.PROPOSED
    assert [(m.role, m.response) for m in members] == [
        (Role.MENTOR, MemberResponse.PENDING),
        (Role.MENTEE, MemberResponse.PENDING),
    ]
    assert members[0].explanation is None  # mentors carry no explanation
    assert members[1].explanation == {"score": 0.5, "criteria": []}


def test_the_last_acceptance_starts_it_no_earlier_than_the_programme() -> None:
    rel, members = proposed()
    first = answer(rel, members, "jonas")
    assert not first.started
    assert first.relationship.status is RelationshipStatus.PROPOSED
    assert first.member.response is MemberResponse.ACCEPTED
    assert first.member.responded_at == T1
    second = answer(first.relationship, first.members, "amira")
    assert second.started
    assert second.relationship.status is RelationshipStatus.ACTIVE
    assert second.relationship.starts_on == STARTS  # accepted before the programme starts
    late = answer(rel, first.members, "amira", today=dt.date(2026, 4, 2))
    assert late.relationship.starts_on == dt.date(2026, 4, 2)


def test_one_decline_declines_it() -> None:
    rel, members = proposed("amira", "bob")
    declined = answer(rel, members, "bob", accept=False)
    assert not declined.started
    assert declined.relationship.status is RelationshipStatus.DECLINED
    assert declined.member.response is MemberResponse.DECLINED
    with pytest.raises(TransitionRefused) as refused:
        answer(declined.relationship, declined.members, "amira")
    assert refused.value.code == "relationship_not_proposed"


def test_answering_twice_or_after_the_programme_is_refused() -> None:
    rel, members = proposed()
    once = answer(rel, members, "amira")
    with pytest.raises(TransitionRefused) as refused:
        answer(once.relationship, once.members, "amira", accept=False)
    assert refused.value.code == "already_responded"
    with pytest.raises(TransitionRefused) as ended:
        answer(rel, members, "amira", today=ENDS + dt.timedelta(days=1))
    assert ended.value.code == "programme_ended"


def test_a_request_the_mentor_accepted_starts_active() -> None:
    rel, members = proposed(started_on=STARTS)
    assert rel.status is RelationshipStatus.ACTIVE
    assert rel.starts_on == STARTS
    assert {m.response for m in members} == {MemberResponse.ACCEPTED}


@pytest.mark.parametrize("by", [EndedBy.MENTEE, EndedBy.MENTOR, EndedBy.MANAGER])
def test_an_active_relationship_ends_early_with_who_and_why(by: EndedBy) -> None:
    rel, _ = proposed(started_on=STARTS)
    ended = life.end_early(rel, by, EndReason.NO_TIME, T1)
    assert ended.status is RelationshipStatus.ENDED_EARLY
    assert (ended.ended_by, ended.end_reason, ended.ended_at) == (by, EndReason.NO_TIME, T1)
    with pytest.raises(TransitionRefused) as refused:
        life.end_early(ended, by, EndReason.NO_TIME, T1)
    assert refused.value.code == "relationship_not_active"


def test_only_an_active_relationship_ends_early_or_completes() -> None:
    rel, _ = proposed()
    with pytest.raises(TransitionRefused) as refused:
        life.end_early(rel, EndedBy.MENTOR, EndReason.POOR_FIT, T1)
    assert refused.value.code == "relationship_not_active"
    with pytest.raises(TransitionRefused) as not_done:
        life.complete(rel, T1)
    assert not_done.value.code == "relationship_not_active"


def test_completion_at_the_programme_end_is_the_systems() -> None:
    rel, _ = proposed(started_on=STARTS)
    done = life.complete(rel, T1)
    assert done.status is RelationshipStatus.COMPLETED
    assert done.ended_by is EndedBy.SYSTEM
    assert done.end_reason is EndReason.PROGRAMME_COMPLETED
    with pytest.raises(TransitionRefused):
        life.complete(done, T1)


def test_leaving_closes_what_is_open() -> None:
    active, _ = proposed(started_on=STARTS)
    closed = life.close(active, EndedBy.SYSTEM, EndReason.PARTICIPANT_ERASED, T1)
    assert closed.status is RelationshipStatus.ENDED_EARLY
    assert closed.end_reason is EndReason.PARTICIPANT_ERASED
    pending, _ = proposed()
    declined = life.close(pending, EndedBy.MENTEE, EndReason.PARTICIPANT_WITHDREW, T1)
    assert declined.status is RelationshipStatus.DECLINED
    assert declined.ended_by is None  # a declined proposal never ran, so it did not end
    with pytest.raises(TransitionRefused):
        life.close(declined, EndedBy.MENTEE, EndReason.PARTICIPANT_WITHDREW, T1)


def test_who_ends_it() -> None:
    _, members = proposed()
    assert life.ender(members, pid("jonas")) is EndedBy.MENTOR
    assert life.ender(members, pid("amira")) is EndedBy.MENTEE
    assert life.ender(members, None) is EndedBy.MANAGER
