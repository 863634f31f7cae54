"""Fresh participants of the shared programme for the privacy and profile pages' tests,
registered through matching's public API by its manager (never the shared platform's
mentee and mentor, which other tests use). Each speaks only French and has no weekly
availability in matching, so no match run of another test ever pairs them (both are
hard constraints of the programme's policy): their profile, availability and erasure
touch nobody else."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import httpx2

from demo.client import Api
from tests.web.platform import Platform, row, wait_for


@dataclass(frozen=True)
class Newcomer:
    subject: str
    participant_id: str
    display_name: str
    role: str
    token: str  # the participant's own bearer token, for asking the services directly


def newcomer(platform: Platform, name: str, zone: str = "Europe/Athens") -> Newcomer:
    """A mentee registered now, once meetings knows her (its availability answers)."""
    pid = platform.programme_id
    subject = f"{name.split()[0].lower()}-{uuid.uuid4().hex[:6]}"
    person = row(subject, "mentee", name, zone, ("17:00", "21:00"))
    body = {**person.row, "languages": ["fr"], "availability": []}
    manager = platform.tokens.manager(pid)
    created = Api(platform.urls["matching"]).call(
        "POST", f"/v1/programmes/{pid}/participants", manager, json=body
    )
    token = platform.tokens.participant(subject, "mentee", pid)
    path = f"{platform.urls['meetings']}/v1/programmes/{pid}/me/availability"

    def known_to_meetings() -> bool:
        answer = httpx2.get(path, headers={"Authorization": f"Bearer {token}"}, timeout=30)
        assert answer.status_code in (200, 404), answer.text  # 404 until it has her
        return answer.status_code == 200

    wait_for("meetings' copy of the newcomer", known_to_meetings)
    return Newcomer(subject, created["id"], name, "mentee", token)
