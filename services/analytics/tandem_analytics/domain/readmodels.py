"""Pure rules of the read models: weeks, erased ids, and the order facts are compared in.

Every update of a read model is a function of the set of events, not of their order
(see ``adapters/tables.py``); the rules that make it so live here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from uuid import UUID, uuid5

# An erased participant's id in every read model and in the consumed-events store: the
# nil UUID, the same for everyone, so it links nothing to anybody and counts merge.
ERASED = UUID(int=0)
ERASED_SUBJECT = "erased:"

# Fields of the consumed events that hold a participant's id (alone or as a list).
PERSON_FIELDS = frozenset(
    {"participant_id", "sender_participant_id", "author_participant_id", "mentor_id", "mentee_ids"}
)


def week_of(moment: datetime) -> date:
    """The Monday (UTC) of the week ``moment`` falls in: message counts bucket by it."""
    day = moment.date()
    return day - timedelta(days=day.weekday())


def people_in(data: object) -> set[UUID]:
    """Every participant id a consumed event's JSON names, nested ones included."""
    found: set[UUID] = set()
    _walk_people(data, found)
    return found


def _walk_people(data: object, found: set[UUID]) -> None:
    if isinstance(data, Mapping):
        for key, value in data.items():
            if key in PERSON_FIELDS:
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, str):
                        found.add(UUID(item))
            else:
                _walk_people(value, found)
    elif isinstance(data, list):
        for item in data:
            _walk_people(item, found)


def scrub(data: object, erased: set[UUID]) -> object:
    """``data`` with each erased id replaced by :data:`ERASED`, and the token subject
    beside an erased ``participant_id`` replaced by :data:`ERASED_SUBJECT`."""
    if not erased:
        return data
    names = {str(person) for person in erased}
    return _scrub(data, names)


def _scrub(data: object, names: set[str]) -> object:
    if isinstance(data, list):
        return [_scrub(item, names) for item in data]
    if not isinstance(data, Mapping):
        return data
    out: dict[str, object] = {}
    for key, value in data.items():
        if key in PERSON_FIELDS:
            out[key] = _replace(value, names)
        else:
            out[key] = _scrub(value, names)
    if data.get("participant_id") in names and "subject" in data:
        out["subject"] = ERASED_SUBJECT
    return out


def _replace(value: object, names: set[str]) -> object:
    if isinstance(value, list):
        return [str(ERASED) if item in names else item for item in value]
    return str(ERASED) if value in names else value


_DIGESTS = UUID("6d1c7f0e-3b1a-4c55-9a38-0c1f6a1e5b7d")


def digest(data: object) -> UUID:
    """The tie-break of last-writer-wins between facts of one time: a digest of the facts
    with every person's id and subject blanked, so the same fact re-announced under a
    new event id, or rewritten by an erasure, ties with itself."""
    blank = _blank(data)
    return uuid5(_DIGESTS, json.dumps(blank, sort_keys=True, separators=(",", ":")))


def _blank(data: object) -> object:
    if isinstance(data, list):
        return [_blank(item) for item in data]
    if not isinstance(data, Mapping):
        return data
    return {
        key: ("" if key in PERSON_FIELDS or key == "subject" else _blank(value))
        for key, value in data.items()
    }


def schedule_version(sequence: int, kind: str) -> int:
    """A meeting's schedule facts in last-writer-wins order: its iCalendar sequence, and at
    one sequence a reschedule over the schedule and a cancellation over both."""
    rank = {"scheduled": 0, "rescheduled": 1, "cancelled": 2}[kind]
    return sequence * 4 + rank


def percentile(values: Sequence[float], share: float) -> float | None:
    """The ``share`` quantile of ``values`` by linear interpolation (None when empty)."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * share
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def last_two_way(
    last_messages: Iterable[datetime | None], last_meeting: datetime | None
) -> datetime | None:
    """The last time two members were in touch: the second-latest of the members' last
    messages (by then at least two had written) or the last meeting held."""
    times = sorted((t for t in last_messages if t is not None), reverse=True)
    candidates = [t for t in (times[1] if len(times) > 1 else None, last_meeting) if t]
    return max(candidates) if candidates else None


@dataclass(frozen=True, slots=True)
class MessageFact:
    """One message of a relationship as the read model keeps it (never its content)."""

    message_id: UUID
    relationship_id: UUID
    programme_id: UUID
    sender_id: UUID
    posted_at: datetime

    @property
    def order(self) -> tuple[datetime, UUID]:
        return (self.posted_at, self.message_id)
