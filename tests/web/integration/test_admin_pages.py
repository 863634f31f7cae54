"""The administrator's pages against the real platform (``tests/web/platform.py``), the
web app driven over HTTP as a browser without JavaScript would: the admin creates an
organisation and a programme through the forms, and matching's own API then returns them
with the values typed; bad input (an end before the start, no country, an unknown
language) is a 4xx page that keeps what was typed; a mentee and a manager are refused."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest

from demo.client import Api
from tests.web.integration.test_participant_pages import signed_in
from tests.web.platform import Platform, form_token

pytestmark = [pytest.mark.kafka, pytest.mark.slow]


def programme_form(organisation_id: str, name: str, **changes: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "organisation_id": organisation_id,
        "name": name,
        "countries": ["PT", "GR"],
        "languages": ["pt", "el"],
        "starts_on": "2027-02-01",
        "ends_on": "2027-08-31",
        "formats": "both",
        "group_min": "3",
        "group_max": "5",
        "time_zone": "Europe/Lisbon",
        "manager_subject": f"mgr-{name}",
        "manager_display_name": "Inês Gestora",
        "manager_email": "ines@example.org",
        "manager_preferred_language": "pt",
        "manager_time_zone": "Europe/Lisbon",
    }
    return form | changes


def test_the_admin_creates_an_organisation_and_a_programme(platform: Platform) -> None:
    run = uuid.uuid4().hex[:6]
    matching = Api(platform.urls["matching"])
    admin = platform.tokens.admin()
    with signed_in(platform.urls["web"], "admin") as browser:
        home = browser.get("/")
        assert home.status_code == 200, home.text
        assert "Administration" in home.text
        assert 'href="/organisations/new"' in home.text
        assert 'href="/programmes/new"' in home.text
        form = browser.get("/organisations/new")
        assert form.status_code == 200, form.text
        made = browser.post(
            "/organisations/new",
            data={"csrf_token": form_token(form.text), "name": f"Acme {run}"},
        )
        assert made.status_code == 303, made.text
        organisation_id = made.headers["location"].removeprefix("/?organisation=")
        confirmed = browser.get(made.headers["location"])
        assert f"The organisation Acme {run} was created." in confirmed.text
        listed = matching.call("GET", "/v1/organisations?limit=200", admin)["items"]
        assert {"id": organisation_id, "name": f"Acme {run}"} in [
            {"id": o["id"], "name": o["name"]} for o in listed
        ]

        page = browser.get(f"/programmes/new?organisation_id={organisation_id}")
        assert page.status_code == 200, page.text
        assert f'<option value="{organisation_id}" selected>' in page.text
        assert '<option value="Europe/Lisbon"' in page.text
        name = f"Return {run}"
        created = browser.post(
            "/programmes/new",
            data={"csrf_token": form_token(page.text), **programme_form(organisation_id, name)},
        )
        assert created.status_code == 303, created.text
        found = re.fullmatch(r"/programmes/([0-9a-f-]{36})/settings", created.headers["location"])
        assert found is not None, created.headers["location"]
        pid = found.group(1)
        settings = browser.get(created.headers["location"])
        assert settings.status_code == 200, settings.text
        assert name in settings.text
        assert name in browser.get("/").text  # the admin's home lists it

    programme = matching.call("GET", f"/v1/programmes/{pid}", admin)
    assert programme["organisation_id"] == organisation_id
    assert programme["name"] == name
    assert sorted(programme["countries"]) == ["GR", "PT"]
    assert sorted(programme["languages"]) == ["el", "pt"]
    assert (programme["starts_on"], programme["ends_on"]) == ("2027-02-01", "2027-08-31")
    assert programme["formats"] == "both"
    assert programme["group_size"] == {"min": 3, "max": 5}
    assert programme["time_zone"] == "Europe/Lisbon"
    [manager] = programme["managers"]
    assert manager == {
        "subject": f"mgr-{name}",
        "display_name": "Inês Gestora",
        "email": "ines@example.org",
        "preferred_language": "pt",
        "time_zone": "Europe/Lisbon",
    }


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"ends_on": "2027-01-01"}, "ends_on must be after starts_on"),
        ({"countries": []}, "at least 1 item"),
        ({"languages": ["pt", "qqq"]}, "is not a language code"),
    ],
    ids=["end-before-start", "no-country", "unknown-language"],
)
def test_bad_input_is_refused_keeping_what_was_typed(
    platform: Platform, changes: dict[str, Any], reason: str
) -> None:
    admin = platform.tokens.admin()
    matching = Api(platform.urls["matching"])
    name = f"Refused {uuid.uuid4().hex[:6]}"
    organisation = matching.call("POST", "/v1/organisations", admin, json={"name": f"Of {name}"})
    with signed_in(platform.urls["web"], "admin") as browser:
        page = browser.get("/programmes/new")
        refused = browser.post(
            "/programmes/new",
            data={
                "csrf_token": form_token(page.text),
                **programme_form(organisation["id"], name, **changes),
            },
        )
    assert 400 <= refused.status_code < 500, refused.text
    assert "This was not saved. Please correct the fields marked below." in refused.text
    assert reason in refused.text
    assert f'value="{name}"' in refused.text  # what was typed is kept
    assert 'value="ines@example.org"' in refused.text
    assert 'aria-invalid="true"' in refused.text
    listed = matching.call("GET", "/v1/programmes?limit=200", admin)["items"]
    assert name not in [p["name"] for p in listed]


def test_a_mentee_and_a_manager_are_refused(platform: Platform) -> None:
    for subject in (platform.mentee, "demo-manager"):
        with signed_in(platform.urls["web"], subject) as browser:
            home = browser.get("/")
            assert 'href="/programmes/new"' not in home.text
            for path in ("/organisations/new", "/programmes/new"):
                page = browser.get(path)
                assert page.status_code == 403, (subject, path, page.text)
                assert "This page is for administrators" in page.text
            posted = browser.post(
                "/organisations/new",
                data={"csrf_token": form_token(home.text), "name": "Not mine"},
            )
            assert posted.status_code == 403, posted.text
    admin = platform.tokens.admin()
    listed = Api(platform.urls["matching"]).call("GET", "/v1/organisations?limit=200", admin)
    assert "Not mine" not in [o["name"] for o in listed["items"]]
