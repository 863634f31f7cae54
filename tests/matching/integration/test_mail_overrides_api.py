"""A programme's own wording of its mails (issue 10): validated against the contract of the
mails (template ids, placeholders, languages with catalogs), carried on programme events."""

from __future__ import annotations

from typing import Any

import pytest

from tandem_contracts.mails import MAIL_TEMPLATES
from tandem_kit.testing import assert_problem
from tests.matching.integration.helpers import Api, programme_body
from tests.matching.integration.test_events_outbox import outbox

WELCOME = {
    "subject": "Bem-vinda, $name!",
    "text": "Olá $name,\n\na sua relação em $programme começou:\n$members\n$linkedin\n$link\n",
}


def luxembourgish() -> dict[str, dict[str, dict[str, str]]]:
    """An override of every template in Luxembourgish, which no catalog has."""
    return {
        template: {"lb": {"subject": "Moien $name", "text": "Moien $name!"}}
        for template in MAIL_TEMPLATES
    }


@pytest.mark.parametrize(
    ("change", "code", "named"),
    [
        (
            {"mail_overrides": {"welcome-gift": {"pt": WELCOME}}},
            "unknown_mail_template",
            "'welcome-gift'",
        ),
        (
            {
                "mail_overrides": {
                    "relationship-introduction": {
                        "pt": {**WELCOME, "text": WELCOME["text"] + "Salário: $salary\n"}
                    }
                }
            },
            "unknown_placeholder",
            "$salary",
        ),
        (
            {"mail_overrides": {"message-new": {"pt": {"subject": "50$ off", "text": "x"}}}},
            "malformed_placeholder",
            "$$",
        ),
        ({"languages": ["pt", "lb"]}, "language_without_catalog", "'lb'"),
    ],
)
async def test_a_bad_override_is_a_422_naming_it_and_nothing_is_written(
    api: Api, change: dict[str, Any], code: str, named: str
) -> None:
    org = await api.organisation()
    response = await api.client.post(
        "/v1/programmes", headers=api.tokens.admin(), json=programme_body(org, **change)
    )
    body = assert_problem(response, 422, code)
    assert named in body["detail"], body
    assert (await api.call("GET", "/v1/programmes", api.tokens.admin()))["items"] == []
    assert await outbox(api) == []


async def test_a_language_without_catalog_is_accepted_when_every_mail_is_overridden(
    api: Api,
) -> None:
    org = await api.organisation()
    overrides = luxembourgish()
    overrides["relationship-introduction"]["pt"] = WELCOME
    body = programme_body(org, languages=["lb", "pt-PT", "de"], mail_overrides=overrides)
    created = await api.call("POST", "/v1/programmes", api.tokens.admin(), 201, json=body)
    assert created["mail_overrides"] == overrides
    [event] = [e for e in await outbox(api) if e["type"] == "tandem.programme.created.v1"]
    assert event["data"]["mail_overrides"] == overrides
    assert event["data"]["languages"] == ["lb", "pt-PT", "de"]

    # Removing one Luxembourgish mail would leave lb without words: refused, nothing changed.
    fewer = {t: v for t, v in luxembourgish().items() if t != "message-digest"}
    pid = created["id"]
    refused = await api.client.patch(
        f"/v1/programmes/{pid}", headers=api.tokens.manager(pid), json={"mail_overrides": fewer}
    )
    assert "message-digest" in assert_problem(refused, 422, "language_without_catalog")["detail"]
    again = await api.call("GET", f"/v1/programmes/{pid}", api.tokens.manager(pid))
    assert again["mail_overrides"] == overrides


async def test_a_manager_rewords_the_mails_and_programme_updated_carries_it(api: Api) -> None:
    pid = await api.programme()
    path, manager = f"/v1/programmes/{pid}", api.tokens.manager(pid)
    overrides = {"relationship-introduction": {"pt": WELCOME}}
    updated = await api.call("PATCH", path, manager, json={"mail_overrides": overrides})
    assert updated["mail_overrides"] == overrides
    renamed = await api.call("PATCH", path, manager, json={"name": "Regresso 2026"})
    assert renamed["mail_overrides"] == overrides, "a rename keeps the wording"
    events = [e for e in await outbox(api) if e["type"] == "tandem.programme.updated.v1"]
    assert [e["data"]["mail_overrides"] for e in events] == [overrides, overrides]
    assert [e["data"]["name"] for e in events] == [updated["name"], "Regresso 2026"]
    assert events[0]["key"] == pid
    await api.call("PATCH", path, manager, json={"policy": {"min_overlap_hours": 3}})
    assert len([e for e in await outbox(api) if e["type"].endswith("updated.v1")]) == 2, (
        "a policy change is matching's own: no event"
    )
    cleared = await api.call("PATCH", path, manager, json={"mail_overrides": {}})
    assert cleared["mail_overrides"] == {}
