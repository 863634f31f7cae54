"""The manager's figures, and the same figures filtered to one participant."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tandem_messaging.domain.statistics import MessageFact, about, conversation_figures

MENTOR, MENTEE, OTHER = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)


def figures(facts: list[MessageFact], members: list[tuple[uuid.UUID, str]] | None = None):  # type: ignore[no-untyped-def]
    return conversation_figures(
        conversation_id=uuid.uuid4(),
        relationship_id=uuid.uuid4(),
        programme_id=uuid.uuid4(),
        status="open",
        started_at=T0,
        ended_at=None,
        members=members or [(MENTOR, "mentor"), (MENTEE, "mentee")],
        messages=facts,
    )


def at(minutes: int, sender: uuid.UUID | None) -> MessageFact:
    return MessageFact(sender, T0 + timedelta(minutes=minutes))


def test_response_time_counts_from_the_first_unanswered_message() -> None:
    result = figures(
        [at(0, MENTOR), at(30, MENTOR), at(90, MENTEE), at(100, MENTEE), at(220, MENTOR)]
    )
    rows = {r.participant_id: r for r in result.members}
    assert rows[MENTEE].median_response_seconds == 90 * 60  # from 0:00, not from 0:30
    assert rows[MENTOR].median_response_seconds == 130 * 60  # from 1:30
    assert (rows[MENTOR].message_count, rows[MENTEE].message_count) == (3, 2)
    assert result.last_activity_at == T0 + timedelta(minutes=220)


def test_silent_members_and_erased_authors_are_rows_too() -> None:
    result = figures([at(0, MENTOR), at(5, None)], members=[(MENTOR, "mentor"), (MENTEE, "mentee")])
    rows = {r.participant_id: r for r in result.members}
    assert rows[MENTEE].message_count == 0
    assert rows[MENTEE].last_message_at is None
    assert rows[None].message_count == 1
    assert rows[None].role is None


def test_about_keeps_only_the_persons_rows_and_changes_nothing_else() -> None:
    result = figures([at(0, MENTOR), at(10, MENTEE)])
    mine = about(result, MENTEE)
    assert [r.participant_id for r in mine.members] == [MENTEE]
    assert mine.members[0] == next(r for r in result.members if r.participant_id == MENTEE)
    assert mine.message_count == result.message_count
    assert about(result, OTHER).members == ()


@given(
    st.lists(
        st.tuples(st.integers(0, 10_000), st.sampled_from([MENTOR, MENTEE, None])), max_size=40
    )
)
def test_counts_add_up_and_response_times_are_never_negative(
    sent: list[tuple[int, uuid.UUID | None]],
) -> None:
    result = figures([at(minute, who) for minute, who in sent])
    assert sum(r.message_count for r in result.members) == result.message_count == len(sent)
    for row in result.members:
        assert row.median_response_seconds is None or row.median_response_seconds >= 0
        assert row.responses <= row.message_count
