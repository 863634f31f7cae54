"""Why no slot fits, naming who blocks (pure).

The search space is asked what-if questions from the loosest to the strictest, and the
first level at which nothing is left names the cause: the window itself; each member alone
(no availability, none in the window, none inside the meeting hours, no stretch long
enough); each pair (so "no overlap between the mentor's and Ana's availability" is found
with n·(n-1)/2 cheap intersections, never by trying subsets); the whole group (a minimal
set of members with no common time); the minimum notice; busy times, one member at a time,
then together. With a quorum of k mentees, a mentee who cannot come is only a blocker when
fewer than k are left.
"""

from __future__ import annotations

import itertools
import uuid

from tandem_contracts.common import Role
from tandem_meetings.domain.local_time import intersect
from tandem_meetings.domain.slot_records import Blocker, MemberCalendar, SlotQuery
from tandem_meetings.domain.slot_space import SearchSpace, open_times, window_bounds

_WITHIN_MENTOR = " within the mentor's availability"


def say(seconds: int) -> str:
    """A span as people say it: "45 minutes", "90 minutes", "48 hours"."""
    if seconds % 3600 == 0 and seconds >= 7200:
        return f"{seconds // 3600} hours"
    if seconds % 60 == 0:
        minutes = seconds // 60
        return "1 minute" if minutes == 1 else f"{minutes} minutes"
    return f"{seconds} seconds"


def _their(member: MemberCalendar) -> str:
    return f"{member.label}'s"


def _listed(members: list[MemberCalendar]) -> str:
    labels = [member.label for member in members]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def _ids(members: list[MemberCalendar]) -> tuple[uuid.UUID, ...]:
    return tuple(member.participant_id for member in members)


def diagnose(space: SearchSpace) -> tuple[Blocker, ...]:
    """The blockers of a query that has no slot (the first level that explains it)."""
    for level in (_window, _members, _pairs, _group, _notice, _busy):
        blockers = level(space)
        if blockers:
            return tuple(blockers)
    members = list(space.query.members)
    return (Blocker("no_slot", _ids(members), "no time fits everyone's availability"),)


def _window(space: SearchSpace) -> list[Blocker]:
    query = space.query
    duration = query.duration_seconds
    lo, hi = window_bounds(query, notice=False)
    if hi - lo < duration:
        return [Blocker("window_too_short", (), f"the window is shorter than {say(duration)}")]
    lo, hi = window_bounds(query)
    if hi - lo >= duration:
        return []
    notice = say(query.min_notice_seconds)
    if lo >= hi:
        reason = f"the window ends before the minimum notice ({notice} from now)"
    else:
        reason = f"after the minimum notice ({notice}) the window has less than {say(duration)}"
    return [Blocker("minimum_notice", (), reason)]


def _member_blocker(space: SearchSpace, index: int) -> Blocker | None:
    query = space.query
    member = query.members[index]
    ids = (member.participant_id,)
    if space.open_starts[index]:
        return None
    if not member.availability:
        return Blocker("no_availability", ids, f"{member.label} has not given any availability")
    if not open_times(member, None, window_bounds(query, notice=False)):
        return Blocker("no_availability", ids, f"{member.label} has no availability in the window")
    if not space.open[index]:
        return Blocker(
            "outside_meeting_hours",
            ids,
            f"{member.label} has no availability inside the programme's meeting hours",
        )
    return Blocker(
        "availability_too_short",
        ids,
        f"none of {_their(member)} availability inside the meeting hours lasts "
        f"{say(query.duration_seconds)}",
    )


def _roles(query: SlotQuery) -> tuple[list[int], list[int]]:
    """(members who must come, mentees of whom k must come) by the quorum."""
    members = query.members
    if query.quorum.min_mentees is None:
        return list(range(len(members))), []
    return (
        [i for i, m in enumerate(members) if m.role is Role.MENTOR],
        [i for i, m in enumerate(members) if m.role is Role.MENTEE],
    )


def _quorum_blocker(query: SlotQuery, optional: list[int], why: str) -> Blocker:
    needed = query.quorum.min_mentees
    members = [query.members[i] for i in optional]
    return Blocker(
        "quorum", _ids(members), f"fewer than {needed} mentees can join at any time{why}"
    )


def _short_of_quorum(query: SlotQuery, optional: list[int], out: set[int]) -> bool:
    needed = query.quorum.min_mentees or 0
    return len([i for i in optional if i not in out]) < needed


def _members(space: SearchSpace) -> list[Blocker]:
    query = space.query
    required, optional = _roles(query)
    found = {i: _member_blocker(space, i) for i in [*required, *optional]}
    blocking = [b for i in required if (b := found[i]) is not None]
    if blocking:
        return blocking
    out = {i for i in optional if found[i] is not None}
    if not _short_of_quorum(query, optional, out):
        return []
    mentees = [b for i in optional if (b := found[i]) is not None]
    return [*mentees, _quorum_blocker(query, optional, "")]


def _scope(a: MemberCalendar, b: MemberCalendar) -> str:
    days = {window.weekday for window in (*a.availability, *b.availability)}
    if days <= {0, 1, 2, 3, 4}:
        return " on weekdays"
    if days <= {5, 6}:
        return " at weekends"
    return ""


def _pair_blocker(space: SearchSpace, i: int, j: int) -> Blocker | None:
    if space.open_starts[i] & space.open_starts[j]:
        return None
    query = space.query
    a, b = query.members[i], query.members[j]
    ids = (a.participant_id, b.participant_id)
    if intersect(space.open[i], space.open[j]):
        return Blocker(
            "overlap_too_short",
            ids,
            f"{_their(a)} and {_their(b)} availability overlap for less than "
            f"{say(query.duration_seconds)} at a time",
        )
    return Blocker(
        "no_overlap",
        ids,
        f"no overlap between {_their(a)} and {_their(b)} availability{_scope(a, b)}",
    )


def _pairs(space: SearchSpace) -> list[Blocker]:
    query = space.query
    required, optional = _roles(query)
    pairs = itertools.combinations(required, 2)
    blocking = [b for i, j in pairs if (b := _pair_blocker(space, i, j))]
    if blocking or not optional:
        return blocking
    by_mentee = {k: [b for i in required if (b := _pair_blocker(space, i, k))] for k in optional}
    out = {k for k, found in by_mentee.items() if found}
    if not _short_of_quorum(query, optional, out):
        return []
    mentees = [b for k in optional for b in by_mentee[k]]
    return [*mentees, _quorum_blocker(query, optional, _WITHIN_MENTOR)]


def _common(starts: list[int]) -> int:
    common = starts[0]
    for other in starts[1:]:
        common &= other
    return common


def _group(space: SearchSpace) -> list[Blocker]:
    if space.pieces(notice=False, busy_of=()):
        return []
    query = space.query
    required, optional = _roles(query)
    if optional:
        # the mentees who never overlap a mentor are part of the explanation
        apart = [b for k in optional for i in required if (b := _pair_blocker(space, i, k))]
        return [*apart, _quorum_blocker(query, optional, _WITHIN_MENTOR)]
    # a minimal set with no common time: grow a prefix until it is empty, then drop every
    # member without whom it stays empty
    ranges = space.open_starts
    chosen: list[int] = []
    for index in required:
        chosen.append(index)
        if not _common([ranges[i] for i in chosen]):
            break
    for index in list(chosen[:-1]):
        rest = [i for i in chosen if i != index]
        if not _common([ranges[i] for i in rest]):
            chosen = rest
    members = [query.members[i] for i in chosen]
    reason = f"there is no time when {_listed(members)} are all available"
    return [Blocker("no_common_time", _ids(members), reason)]


def _notice(space: SearchSpace) -> list[Blocker]:
    if space.pieces(busy_of=()):
        return []
    notice = say(space.query.min_notice_seconds)
    reason = f"every common time is before the minimum notice ({notice} from now)"
    return [Blocker("minimum_notice", (), reason)]


def _busy(space: SearchSpace) -> list[Blocker]:
    members = list(space.query.members)
    alone = [
        Blocker("busy", (member.participant_id,), f"every common time is busy for {member.label}")
        for index, member in enumerate(members)
        if not space.pieces(busy_of={index})
    ]
    if alone:
        return alone
    # together: name everyone whose busy times take some of the common time away
    size = sum(k1 - k0 for k0, k1, _ in space.pieces(busy_of=()))
    involved = [
        member
        for index, member in enumerate(members)
        if sum(k1 - k0 for k0, k1, _ in space.pieces(busy_of={index})) < size
    ] or members
    reason = f"every common time is busy for one or another of {_listed(involved)}"
    return [Blocker("busy", _ids(involved), reason)]
