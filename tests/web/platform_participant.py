"""Fixtures for the participants' agreement, goal, note and check-in pages, on the shared
platform (``tests/web/platform.py``): the main pair's relationship and meeting, and a
check-in due for the mentee whose relationship ended early (``pairs``).

The check-in comes as it would in a programme: the manager sets the check-in plan
through analytics' API (a final evaluation, no pulses, no midpoint), and analytics'
check-in worker, which the demo's launcher runs every few seconds
(``demo/processes.py``), creates the final evaluation of the relationship that ended
today, for both its members."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from demo.client import Api
from tests.web.platform import Pairs, Platform, wait_for

PLAN: dict[str, Any] = {
    "pulse_every_weeks": None,
    "midpoint": False,
    "final": True,
    "consent": "aggregate_only",
}


@dataclass(frozen=True)
class Participant:
    relationship_id: str  # the main pair's (Amara and Bruno)
    meeting_id: str  # the meeting the platform scheduled for them
    ended_relationship_id: str  # Chidi's, ended early
    check_in_id: str  # Chidi's final evaluation (until the integration test answers it)
    questions: tuple[str, ...]
    ended_mentor: str  # the display name of the mentor of Chidi's ended relationship


# Session-scoped, but each module importing it gets its own instance (pytest keys a
# fixture by the module that holds it): it is idempotent, and finds the check-in answered
# or not.
@pytest.fixture(scope="session")
def participant(platform: Platform, pairs: Pairs) -> Participant:
    pid = platform.programme_id
    analytics = Api(platform.urls["analytics"])
    messaging, meetings = Api(platform.urls["messaging"]), Api(platform.urls["meetings"])
    manager = platform.tokens.manager(pid)
    analytics.call("PUT", f"/v1/programmes/{pid}/check-in-plan", manager, json=PLAN)
    mentee = platform.tokens.participant(platform.mentee, "mentee", pid)
    conversation = messaging.call("GET", f"/v1/conversations/{platform.conversation_id}", mentee)
    relationship_id = conversation["relationship_id"]
    [meeting] = meetings.pages(f"/v1/relationships/{relationship_id}/meetings", mentee)
    chidi = platform.tokens.participant(pairs.ended_mentee, "mentee", pid)
    check_in = wait_for(
        "analytics' final evaluation for the pair that ended",
        lambda: next(
            (c for c in analytics.call("GET", "/v1/me/check-ins", chidi) if c["kind"] == "final"),
            None,
        ),
    )
    matching = Api(platform.urls["matching"])
    [ended] = [
        r
        for r in matching.pages(f"/v1/programmes/{pid}/relationships", manager)
        if r["id"] == check_in["relationship_id"]
    ]
    people = {p["id"]: p for p in matching.pages(f"/v1/programmes/{pid}/participants", manager)}
    [mentor] = [
        people[m["participant_id"]]
        for m in ended["members"]
        if people[m["participant_id"]]["role"] == "mentor"
    ]
    return Participant(
        relationship_id,
        meeting["id"],
        check_in["relationship_id"],
        check_in["id"],
        tuple(check_in["questions"]),
        mentor["display_name"],
    )
