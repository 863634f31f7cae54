"""Someone who is a participant in one programme and the manager of another, on the real
platform (``tests/web/platform.py``): the local sign-in offers them once with both
grants, and their home shows their "what next" and the programmes they manage. Two
programmes of their own, so the shared programme's tests see nothing of them."""

from __future__ import annotations

import uuid

import pytest

from demo.client import Api
from demo.flow import import_people
from tests.matching.integration.helpers import programme_body
from tests.web.integration.test_participant_pages import section, signed_in
from tests.web.platform import Platform, row

pytestmark = [pytest.mark.kafka, pytest.mark.slow]


def test_a_participant_who_also_manages_sees_both_on_the_home_page(platform: Platform) -> None:
    matching = Api(platform.urls["matching"])
    admin = platform.tokens.admin()
    run = uuid.uuid4().hex[:6]
    subject = f"zoe-{run}"
    organisation = matching.call("POST", "/v1/organisations", admin, json={"name": f"O {run}"})
    manager = {
        "subject": subject,
        "display_name": "Zoe Both",
        "email": f"{subject}@example.org",
        "preferred_language": "en",
        "time_zone": "Europe/Berlin",
    }
    managed = matching.call(
        "POST",
        "/v1/programmes",
        admin,
        json=programme_body(organisation["id"], name=f"Managed {run}", managers=[manager]),
    )
    joined = matching.call(
        "POST",
        "/v1/programmes",
        admin,
        json=programme_body(organisation["id"], name=f"Joined {run}"),
    )
    mentee = row(subject, "mentee", "Zoe Both", "Europe/Athens", ("17:00", "21:00"))
    import_people(matching, platform.tokens.manager(joined["id"]), joined["id"], [mentee])

    with signed_in(platform.urls["web"], subject) as browser:
        offered = browser.get("/sign-in")
        assert offered.text.count(f'value="{subject}"') == 1
        # One entry, both labels (in the order matching lists the programmes).
        labels = (f"mentee in Joined {run}", f"manager of Managed {run}")
        assert any(f"{a}; {b}" in offered.text for a, b in (labels, labels[::-1]))
        home = browser.get("/")
    assert home.status_code == 200
    assert "What next" in home.text
    assert "You are not matched yet." in section(home.text, "relationships")
    programmes = section(home.text, "managed")
    assert "Programmes you manage" in programmes
    assert f"Managed {run}: relationships at risk and figures" in programmes
    assert f"/programmes/{managed['id']}/risk" in home.text
    # The programme she is a mentee in is no programme of hers to manage.
    assert f"/programmes/{joined['id']}/risk" not in home.text
