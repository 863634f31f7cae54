"""Fixtures of the manager's programme set-up and dashboard tests, on the shared platform
(``tests/web/platform.py``): a programme of their own, created by the admin through
matching's public API with its own manager, so that what these tests save (policy,
plan, template, thresholds) never changes the shared programme the other tests read.
Its manager signs in through the web app's local page like any demo user."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

import httpx2
import pytest

from demo.client import Api
from tandem_kit.auth import mint_token
from tandem_kit.settings import AuthSettings
from tests.web.platform import Platform, wait_for


@dataclass(frozen=True)
class OwnProgramme:
    programme_id: str
    manager: str  # the subject its manager signs in as
    token: str  # that manager's bearer token, for reading the services' APIs directly


def manager_token(platform: Platform, subject: str, programme_id: str) -> str:
    settings = AuthSettings(local_key_path=str(platform.key))
    return mint_token(settings, subject, manager=[programme_id])


def answered(url: str, token: str) -> Any:
    """The service's body once it answers 200 (it has consumed ``programme.created``)."""
    answer = httpx2.get(url, headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert answer.status_code in (200, 404), answer.text
    return answer.json() if answer.status_code == 200 else None


# Each test module imports the fixture, which pytest then holds once per module: the
# programme is made once per platform all the same (one manager of that name to sign in as).
_MADE: dict[str, OwnProgramme] = {}


@pytest.fixture(scope="session")
def own_programme(platform: Platform) -> OwnProgramme:
    if platform.programme_id not in _MADE:
        _MADE[platform.programme_id] = _make(platform)
    return _MADE[platform.programme_id]


def _make(platform: Platform) -> OwnProgramme:
    matching = Api(platform.urls["matching"])
    admin = platform.tokens.admin()
    run = uuid.uuid4().hex[:6]
    organisation = matching.call(
        "POST", "/v1/organisations", admin, json={"name": f"Set-up tests {run}"}
    )
    today = dt.date.today()
    subject = f"nia-{run}"
    programme = matching.call(
        "POST",
        "/v1/programmes",
        admin,
        json={
            "organisation_id": organisation["id"],
            "name": f"Set-up {run}",
            "countries": ["DE", "PT"],
            "languages": ["en", "de"],
            "starts_on": today.isoformat(),
            "ends_on": (today + dt.timedelta(days=120)).isoformat(),
            "formats": "pair",
            "time_zone": "Europe/Berlin",
            "managers": [
                {
                    "subject": subject,
                    "display_name": "Nia Manager",
                    "email": f"{subject}@example.org",
                    "preferred_language": "en",
                    "time_zone": "Europe/Berlin",
                }
            ],
        },
    )
    pid = programme["id"]
    token = manager_token(platform, subject, pid)
    urls = platform.urls
    for what, url in (
        ("messaging's settings", f"{urls['messaging']}/v1/programmes/{pid}/settings"),
        ("meetings' plan", f"{urls['meetings']}/v1/programmes/{pid}/plan"),
        ("analytics' thresholds", f"{urls['analytics']}/v1/programmes/{pid}/risk-thresholds"),
        ("analytics' dashboard", f"{urls['analytics']}/v1/programmes/{pid}/dashboard"),
    ):
        wait_for(what, lambda url=url: answered(url, token))
    return OwnProgramme(pid, subject, token)
