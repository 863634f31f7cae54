"""A programme of its own for the dashboard's employment-outcomes chart, on the shared
platform (``tests/web/platform.py``): six pairs, made through matching's public API (an
import, a match run, both members accepting), all ended by the manager; then each mentee
records her status at closure through analytics' API (``put_my_outcome``), as she would
from her check-ins page. Five mentees from DE answer (a group analytics shows: its
``min_group`` is 5), one from GR (a group it suppresses).

Its own programme, so that six ended relationships never change the figures of the
shared programme the other tests read."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

import httpx2
import pytest

from demo.client import Api
from demo.flow import accept_all, import_people, run_matching
from tests.web.platform import Platform, row, wait_for
from tests.web.platform_programme import answered, manager_token

# The statuses the mentees give, by country: DE's five are shown, GR's one is not.
ANSWERS = {
    "DE": ("employed", "employed", "in_training", "still_searching", "other"),
    "GR": ("self_employed",),
}


@dataclass(frozen=True)
class Outcomes:
    programme_id: str
    manager: str  # the subject its manager signs in as
    token: str  # that manager's bearer token


_MADE: dict[str, Outcomes] = {}


@pytest.fixture(scope="session")
def outcomes(platform: Platform) -> Outcomes:
    if platform.programme_id not in _MADE:
        _MADE[platform.programme_id] = _make(platform)
    return _MADE[platform.programme_id]


def _programme(platform: Platform, run: str) -> tuple[str, str, str]:
    matching = Api(platform.urls["matching"])
    admin = platform.tokens.admin()
    organisation = matching.call(
        "POST", "/v1/organisations", admin, json={"name": f"Outcome tests {run}"}
    )
    today, subject = dt.date.today(), f"oda-{run}"
    programme = matching.call(
        "POST",
        "/v1/programmes",
        admin,
        json={
            "organisation_id": organisation["id"],
            "name": f"Outcomes {run}",
            "countries": ["DE", "GR", "PT"],
            "languages": ["en"],
            "starts_on": today.isoformat(),
            "ends_on": (today + dt.timedelta(days=120)).isoformat(),
            "formats": "pair",
            "time_zone": "Europe/Berlin",
            "managers": [
                {
                    "subject": subject,
                    "display_name": "Oda Manager",
                    "email": f"{subject}@example.org",
                    "preferred_language": "en",
                    "time_zone": "Europe/Berlin",
                }
            ],
        },
    )
    pid = programme["id"]
    token = manager_token(platform, subject, pid)
    url = f"{platform.urls['analytics']}/v1/programmes/{pid}/outcomes"
    wait_for("analytics' copy of the programme", lambda: answered(url, token))
    return pid, subject, token


def _make(platform: Platform) -> Outcomes:
    run = uuid.uuid4().hex[:6]
    pid, subject, manager = _programme(platform, run)
    matching = Api(platform.urls["matching"])
    evening, afternoon = ("17:00", "21:00"), ("12:00", "16:00")
    mentees = [(c, s) for c, statuses in ANSWERS.items() for s in statuses]
    people = []
    for i, (country, _) in enumerate(mentees):
        mentee = row(f"mentee{i}-{run}", "mentee", f"Mentee {i}", "Europe/Athens", evening)
        mentee.row["country"] = country
        people.append(mentee)
        people.append(
            row(f"mentor{i}-{run}", "mentor", f"Mentor {i}", "America/Sao_Paulo", afternoon)
        )
    import_people(matching, manager, pid, people)
    run_matching(matching, manager, pid)
    subjects = {
        p["id"]: (p["subject"], p["role"])
        for p in matching.pages(f"/v1/programmes/{pid}/participants", manager)
    }
    active = accept_all(matching, platform.tokens, manager, pid, subjects)
    assert len(active) == len(mentees), active
    status_of = {f"mentee{i}-{run}": status for i, (_, status) in enumerate(mentees)}
    for relationship in active:
        matching.call(
            "POST",
            f"/v1/programmes/{pid}/relationships/{relationship['id']}/end",
            manager,
            json={"reason": "poor_fit"},
        )
    for relationship in active:
        [mentee] = [
            subjects[m["participant_id"]][0]
            for m in relationship["members"]
            if subjects[m["participant_id"]][1] == "mentee"
        ]
        token = platform.tokens.participant(mentee, "mentee", pid)

        def recorded(
            rid: str = relationship["id"], token: str = token, mentee: str = mentee
        ) -> Any:
            answer = httpx2.put(
                f"{platform.urls['analytics']}/v1/me/outcomes/{rid}",
                headers={"Authorization": f"Bearer {token}"},
                json={"status": status_of[mentee]},
                timeout=30,
            )
            # 404, 409 until analytics has consumed the relationship's start and end
            assert answer.status_code in (200, 404, 409), answer.text
            return answer.status_code == 200

        wait_for("analytics' copy of the ended relationship", recorded)
    return Outcomes(pid, subject, manager)
