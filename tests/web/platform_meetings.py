"""A fresh introduction in the shared programme (``tests/web/platform.py``) for the
meetings pages' tests: a mentee in Europe/Athens and a mentor in America/Sao_Paulo
imported, matched and published through matching's public API, as the ``pairs`` fixture
does, but left *proposed*, so that a test can open the introduction and accept it.

Every call of :func:`introduce` adds its own pair (each test module its own: one
accepts through plain HTTP forms, the browser test through the pages). The programme
may hold other people waiting (the re-matching tests free a mentor), so the pair is read
back from matching: the mentee's proposed relationship, with whichever mentor the run
gave her (every mentor of the programme lives in São Paulo)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx2

from demo.client import Api
from demo.flow import import_people, run_matching
from tests.web.platform import Platform, row, wait_for

ATHENS, SAO_PAULO = "Europe/Athens", "America/Sao_Paulo"
EVENING, AFTERNOON = ("17:00", "21:00"), ("12:00", "16:00")


@dataclass(frozen=True)
class Introduced:
    programme_id: str
    relationship_id: str
    mentee: str  # subjects
    mentor: str
    mentee_name: str
    mentor_name: str
    mentee_id: str  # participant ids
    mentor_id: str


def introduce(platform: Platform, mentee_name: str, mentor_name: str) -> Introduced:
    matching = Api(platform.urls["matching"])
    pid = platform.programme_id
    manager = platform.tokens.manager(pid)
    run = uuid.uuid4().hex[:6]
    mentee, mentor = f"mentee-{run}", f"mentor-{run}"
    import_people(
        matching,
        manager,
        pid,
        [
            row(mentor, "mentor", mentor_name, SAO_PAULO, AFTERNOON),
            row(mentee, "mentee", mentee_name, ATHENS, EVENING),
        ],
    )
    run_matching(matching, manager, pid)
    people = {p["id"]: p for p in matching.pages(f"/v1/programmes/{pid}/participants", manager)}
    mentee_id = next(i for i, p in people.items() if p["subject"] == mentee)

    def proposed() -> Any:
        return next(
            (
                r
                for r in matching.pages(
                    f"/v1/programmes/{pid}/relationships", manager, status="proposed"
                )
                if any(m["participant_id"] == mentee_id for m in r["members"])
            ),
            None,
        )

    relationship = wait_for("the mentee's introduction", proposed)
    [their_mentor] = [m for m in relationship["members"] if m["role"] == "mentor"]
    found = people[their_mentor["participant_id"]]
    assert found["time_zone"] == SAO_PAULO, found
    return Introduced(
        pid,
        relationship["id"],
        mentee,
        found["subject"],
        mentee_name,
        found["display_name"],
        mentee_id,
        their_mentor["participant_id"],
    )


def started_in_meetings(platform: Platform, introduced: Introduced) -> None:
    """Wait until meetings has consumed the relationship's start (its plan exists)."""
    token = platform.tokens.participant(introduced.mentee, "mentee", introduced.programme_id)
    meetings = platform.urls["meetings"]

    def planned() -> bool:
        answer = httpx2.get(
            f"{meetings}/v1/relationships/{introduced.relationship_id}/plan",
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        )
        assert answer.status_code in (200, 404), answer.text
        return answer.status_code == 200

    wait_for("meetings' plan of the relationship", planned)
