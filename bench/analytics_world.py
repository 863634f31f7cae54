"""The analytics bench's programme: one programme's mixed event stream, as envelopes.

``mixed(relationships, span)`` yields, in order: the programme's creation; per
relationship its mentor's and mentee's registrations, its start and its agreement (four
events); then the relationships' activity, round after round over all of them (each
round one event per relationship, by the round's number: seven in ten a message, the
mentor's and the mentee's in turn; then a meeting scheduled, its attendance recorded
(held, every fifth a no-show) and a goal's progress); and ``ENDED_EVERY``-th relationship
ended (a third early) in the last events. ``span`` is the stream's whole length: event
times run from the programme's start to 26 weeks later over it, so the first 100,000 of a
1,000,000-event stream are the same events a 100,000-event run takes, early in the term.
The events are the contract classes, built by the read-model tests' ``History`` (each
envelope carries its own event time).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from itertools import islice

from tandem_contracts import Envelope
from tandem_contracts.common import Role
from tandem_contracts.meetings import MeetingMode
from tests.analytics.integration.readmodels_history import START, History, Person

WEEKS = 26
ENDED_EVERY = 33  # about 3 % of the relationships end, in the last events
MODES = tuple(MeetingMode)
NOW = START + timedelta(weeks=WEEKS + 1)  # the dashboard's clock: after every event


def base_events(relationships: int) -> int:
    """The programme, and four events per relationship, before any activity."""
    return 1 + 4 * relationships


def mixed(
    programme: uuid.UUID, relationships: int, span: int, *, skip: int = 0, stop: int | None = None
) -> Iterator[Envelope]:
    """The stream's events ``skip`` to ``stop`` (``span`` events in all)."""
    return islice(_stream(programme, relationships, span), skip, stop or span)


def _stream(programme: uuid.UUID, relationships: int, span: int) -> Iterator[Envelope]:
    h = History(programme=programme)

    def drained() -> Iterator[Envelope]:
        yield from h.envelopes
        h.envelopes.clear()

    h.created(uuid.UUID(int=1))
    pairs: list[tuple[uuid.UUID, Person, Person]] = []
    for _ in range(relationships):
        mentor, mentee = h.person(Role.MENTOR, "DE"), h.person(Role.MENTEE, "PT")
        relationship = h.start(mentor, mentee)
        h.agreement(relationship, 1, 48, START)
        pairs.append((relationship, mentor, mentee))
        yield from drained()
    ended = range(0, relationships, ENDED_EVERY)
    activity = max(0, span - base_events(relationships) - len(ended))
    step = timedelta(weeks=WEEKS) / max(activity, 1)
    for k in range(activity):
        relationship, mentor, mentee = pairs[k % relationships]
        round_ = k // relationships
        at = START + step * k
        slot = round_ % 10
        meeting = uuid.uuid5(relationship, f"meeting-{round_ // 10}")
        if slot < 7:
            h.message(relationship, mentor if round_ % 2 == 0 else mentee, at, None)
        elif slot == 7:
            mode = MODES[(k // 7) % len(MODES)]
            h.meeting(relationship, "scheduled", 0, mode, at + timedelta(days=3), meeting)
        elif slot == 8:
            came = [mentor] if (k // 8) % 5 == 0 else [mentor, mentee]
            h.attendance(relationship, meeting, came, at)
        else:
            goal = uuid.uuid5(relationship, "goal")
            h.goal(relationship, goal, min(3, round_ // 10 + 1), at)
        yield from drained()
    for number in ended:
        relationship = pairs[number][0]
        h.end(relationship, START + timedelta(weeks=WEEKS), early=number % 3 == 0)
        yield from drained()
