"""The manager's matching pages' own programmes on the shared platform
(``tests/web/platform.py``): each test module gets a fresh programme with its own
manager (so its match runs and imports meet no other test's), a CSV of its people with
bad rows on known lines, and the helpers that drive what other pages do (the members
accepting through matching's API, analytics' thresholds set low)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from dataclasses import dataclass
from typing import Any

from demo.client import Api
from demo.flow import accept_all, participant_subjects
from demo.population import COUNTRIES
from tests.web.platform import THRESHOLDS, Platform, row, wait_for

COLUMNS = (
    "subject",
    "role",
    "display_name",
    "email",
    "preferred_language",
    "country",
    "time_zone",
    "languages",
    "city",
    "availability",
    "sector",
    "skills",
    "goals",
    "preferred_format",
    "modality",
    "capacity",
    "linkedin_consent",
)
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
EVENING, AFTERNOON = ("17:00", "21:00"), ("12:00", "16:00")


@dataclass(frozen=True)
class Programme:
    id: str
    manager: str  # the manager's subject (the web app's sign-in offers it)
    manager_name: str
    run: str  # the suffix of every subject in it
    mentors: tuple[str, str]  # display names
    mentees: tuple[str, str]


def new_programme(platform: Platform, label: str) -> Programme:
    """A programme of its own, created by an admin through matching's API, managed by a
    manager of its own."""
    run = uuid.uuid4().hex[:6]
    matching = Api(platform.urls["matching"])
    admin = platform.tokens.admin()
    organisation = matching.call(
        "POST", "/v1/organisations", admin, json={"name": f"Matching pages {label} {run}"}
    )
    today = dt.date.today()
    manager, manager_name = f"mira-{label}-{run}", f"Mira Matcher {label} {run}"
    programme = matching.call(
        "POST",
        "/v1/programmes",
        admin,
        json={
            "organisation_id": organisation["id"],
            "name": f"Pages {label} {run}",
            "countries": list(COUNTRIES),
            "languages": ["en"],
            "starts_on": today.isoformat(),
            "ends_on": (today + dt.timedelta(days=180)).isoformat(),
            "formats": "pair",
            "time_zone": "Europe/Brussels",
            "managers": [
                {
                    "subject": manager,
                    "display_name": manager_name,
                    "email": f"{manager}@example.org",
                    "preferred_language": "en",
                    "time_zone": "Europe/Brussels",
                }
            ],
        },
    )
    return Programme(
        str(programme["id"]),
        manager,
        manager_name,
        run,
        (f"Elena Silva {run}", f"Filipe Rocha {run}"),
        (f"Chidi Eze {run}", f"Dara Novak {run}"),
    )


def _cells(data: dict[str, Any]) -> dict[str, str]:
    cells: dict[str, str] = {}
    for column in COLUMNS:
        value = data.get(column)
        if column == "availability":
            value = ";".join(f"{DAYS[w['weekday']]} {w['start']}-{w['end']}" for w in value or [])
        elif isinstance(value, list):
            value = ";".join(value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        cells[column] = "" if value is None else str(value)
    return cells


# Lines of the CSV (the header is line 1) that matching must refuse, and why.
BAD_LINES = {3: "time_zone", 5: "capacity", 7: "email"}


def people_csv(programme: Programme) -> bytes:
    """Two mentors and two mentees who fit one another, and three bad rows between them
    (lines 3, 5 and 7: a time zone that does not exist, a capacity that is no number,
    an empty e-mail), separated by ';' as a German spreadsheet saves it."""
    run = programme.run
    mentor_a, mentor_b = programme.mentors
    mentee_a, mentee_b = programme.mentees
    good = [
        row(f"elena-{run}", "mentor", mentor_a, "America/Sao_Paulo", AFTERNOON).row,
        row(f"filipe-{run}", "mentor", mentor_b, "America/Sao_Paulo", AFTERNOON).row,
        row(f"chidi-{run}", "mentee", mentee_a, "Europe/Athens", EVENING).row,
        row(f"dara-{run}", "mentee", mentee_b, "Europe/Athens", EVENING).row,
    ]
    mars = _cells(row(f"mars-{run}", "mentee", "Marta Mars", "Europe/Athens", EVENING).row)
    lots = _cells(row(f"lots-{run}", "mentor", "Lotte Lots", "America/Sao_Paulo", AFTERNOON).row)
    nomail = _cells(row(f"nomail-{run}", "mentee", "Nadia Nomail", "Europe/Athens", EVENING).row)
    mars["time_zone"], lots["capacity"], nomail["email"] = "Mars/Olympus", "lots", ""
    cells = [_cells(good[0]), mars, _cells(good[1]), lots, _cells(good[2]), nomail]
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=COLUMNS, delimiter=";", lineterminator="\n")
    writer.writeheader()
    writer.writerows([*cells, _cells(good[3])])
    return text.getvalue().encode()


def accept_as_members(platform: Platform, programme: Programme) -> list[dict[str, Any]]:
    """Every member accepts their proposed relationship through matching's API (the
    participants' page for that is another one's)."""
    matching = Api(platform.urls["matching"])
    manager = platform.tokens.manager(programme.id)
    subjects = participant_subjects(matching, manager, programme.id)
    return accept_all(matching, platform.tokens, manager, programme.id, subjects)


def thresholds_low(platform: Platform, programme: Programme) -> None:
    """The programme's no-contact threshold at its least (analytics' API): a relationship
    nobody writes in is flagged within seconds on the platform's time scale."""
    Api(platform.urls["analytics"]).call(
        "PUT",
        f"/v1/programmes/{programme.id}/risk-thresholds",
        platform.tokens.manager(programme.id),
        json=THRESHOLDS,
    )


def flagged(platform: Platform, programme: Programme, relationship_ids: set[str]) -> Any:
    """Waits for analytics' open flags of these relationships."""
    analytics = Api(platform.urls["analytics"])
    manager = platform.tokens.manager(programme.id)

    def probe() -> list[dict[str, Any]]:
        flags = list(analytics.pages(f"/v1/programmes/{programme.id}/risk-flags", manager))
        found = [f for f in flags if f["relationship_id"] in relationship_ids]
        return found if {f["relationship_id"] for f in found} == relationship_ids else []

    return wait_for("analytics' flags of the new relationships", probe)
