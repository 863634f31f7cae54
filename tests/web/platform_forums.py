"""The forum pages' tests' fixtures, on the shared platform (``tests/web/platform.py``):
the programme's forum as messaging lists it, and a participant of another programme
(created through matching's public API, with its own manager, so that the shared
programme's manager and people are left as they are)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import pytest

from demo.client import Api
from demo.flow import import_people
from tests.web.platform import Platform, row, wait_for


@dataclass(frozen=True)
class Outsider:
    subject: str  # a mentee of another programme
    programme_id: str


@pytest.fixture(scope="session")
def programme_forum(platform: Platform) -> str:
    """The id of the shared programme's own forum (messaging made it when it heard of
    the programme)."""
    messaging = Api(platform.urls["messaging"])
    token = platform.tokens.participant(platform.mentee, "mentee", platform.programme_id)
    forum = wait_for(
        "messaging's programme forum",
        lambda: next(
            (
                f
                for f in messaging.pages(f"/v1/programmes/{platform.programme_id}/forums", token)
                if f["kind"] == "programme"
            ),
            None,
        ),
    )
    return str(forum["id"])


@pytest.fixture(scope="session")
def outsider(platform: Platform) -> Outsider:
    matching = Api(platform.urls["matching"])
    admin = platform.tokens.admin()
    run = uuid.uuid4().hex[:6]
    organisation = matching.call(
        "POST", "/v1/organisations", admin, json={"name": f"Another organisation {run}"}
    )
    today = dt.date.today()
    manager = f"other-manager-{run}"
    programme = matching.call(
        "POST",
        "/v1/programmes",
        admin,
        json={
            "organisation_id": organisation["id"],
            "name": f"Another programme {run}",
            "countries": ["DE", "PT"],
            "languages": ["en"],
            "starts_on": today.isoformat(),
            "ends_on": (today + dt.timedelta(days=180)).isoformat(),
            "formats": "pair",
            "time_zone": "Europe/Brussels",
            "managers": [
                {
                    "subject": manager,
                    "display_name": "Olga Other",
                    "email": f"{manager}@example.org",
                    "preferred_language": "en",
                    "time_zone": "Europe/Brussels",
                }
            ],
        },
    )
    pid = str(programme["id"])
    subject = f"oskar-{run}"
    person = row(subject, "mentee", "Oskar Outside", "Europe/Berlin", ("17:00", "21:00"))
    import_people(matching, platform.tokens.manager(pid), pid, [person])
    return Outsider(subject, pid)
