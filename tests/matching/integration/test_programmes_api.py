"""Organisations and programmes: who may create, list, read and tune them."""

from __future__ import annotations

import uuid

import pytest

from tandem_kit.testing import assert_problem
from tests.matching.integration.helpers import Api, programme_body


async def test_admin_creates_organisation_and_programme(api: Api) -> None:
    org = await api.organisation()
    body = programme_body(org, formats="both", group_size={"min": 2, "max": 4})
    created = await api.call("POST", "/v1/programmes", api.tokens.admin(), 201, json=body)
    assert created["organisation_id"] == org
    assert created["group_size"] == {"min": 2, "max": 4}
    assert created["managers"][0]["subject"] == "named-manager"
    assert created["policy"]["hard_constraints"] == ["availability", "language"]
    pid = created["id"]
    again = await api.call("GET", f"/v1/programmes/{pid}", api.tokens.manager(pid))
    assert again == created


async def test_only_admins_create_and_list_organisations(api: Api) -> None:
    pid = await api.programme()
    for headers in (api.tokens.manager(pid), api.tokens.nobody()):
        assert_problem(
            await api.client.post("/v1/organisations", headers=headers, json={"name": "X"}),
            403,
            "forbidden",
        )
        assert_problem(await api.client.get("/v1/organisations", headers=headers), 403)
    assert_problem(await api.client.post("/v1/organisations", json={"name": "X"}), 401)


async def test_organisations_page_with_cursor(api: Api) -> None:
    for _ in range(3):
        await api.organisation()
    first = await api.call("GET", "/v1/organisations?limit=2", api.tokens.admin())
    assert len(first["items"]) == 2
    assert first["next_cursor"]
    rest = await api.call(
        "GET", f"/v1/organisations?limit=2&cursor={first['next_cursor']}", api.tokens.admin()
    )
    assert len(rest["items"]) == 1
    assert rest["next_cursor"] is None
    assert {o["id"] for o in first["items"]}.isdisjoint({o["id"] for o in rest["items"]})
    assert_problem(
        await api.client.get("/v1/organisations?cursor=garbage", headers=api.tokens.admin()),
        400,
        "invalid_cursor",
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"countries": ["XX"]}, "countries"),
        ({"languages": ["klingon"]}, "languages"),
        # CLDR's languages: an unknown three-letter code is no language (was accepted).
        ({"languages": ["qqq"]}, "languages"),
        ({"countries": ["EU"]}, "countries"),
        # The tzdata wheel's zones: 'localtime' is a file of the system's zoneinfo, no
        # IANA zone (zoneinfo.available_timezones() offered it, and it was accepted).
        (
            {
                "managers": [
                    {
                        "subject": "m",
                        "display_name": "M",
                        "email": "m@example.org",
                        "time_zone": "localtime",
                    }
                ]
            },
            "managers",
        ),
        ({"ends_on": "2000-01-01"}, None),
        ({"formats": "trio"}, "formats"),
        ({"group_size": {"min": 5, "max": 3}}, "group_size"),
        ({"policy": {"hard_constraints": ["sector"]}}, "policy"),
        ({"policy": {"weights": {"sector": -1}}}, "policy"),
        (
            {"managers": [{"subject": "m", "display_name": "M", "email": "not-an-email"}]},
            "managers",
        ),
        ({"unknown_field": 1}, "unknown_field"),
    ],
)
async def test_bad_programme_is_rejected_and_nothing_written(
    api: Api, change: dict[str, object], field: str | None
) -> None:
    org = await api.organisation()
    response = await api.client.post(
        "/v1/programmes", headers=api.tokens.admin(), json=programme_body(org, **change)
    )
    body = assert_problem(response, 422, "validation_error")
    if field:
        assert any(field in map(str, e["loc"]) for e in body["errors"]), body
    listed = await api.call("GET", "/v1/programmes", api.tokens.admin())
    assert listed["items"] == []


async def test_programme_needs_existing_organisation(api: Api) -> None:
    response = await api.client.post(
        "/v1/programmes",
        headers=api.tokens.admin(),
        json=programme_body("00000000-0000-0000-0000-000000000000"),
    )
    assert_problem(response, 422, "organisation_not_found")


async def test_non_admin_cannot_create_programme(api: Api) -> None:
    org = await api.organisation()
    assert_problem(
        await api.client.post(
            "/v1/programmes", headers=api.tokens.manager("p"), json=programme_body(org)
        ),
        403,
    )


async def test_programme_list_is_scoped(api: Api) -> None:
    mine, _other = await api.programme(), await api.programme()
    as_manager = await api.call("GET", "/v1/programmes", api.tokens.manager(mine))
    assert [p["id"] for p in as_manager["items"]] == [mine]
    # Being named manager at creation (whom matching mails) is no role: nothing listed.
    named = await api.call("GET", "/v1/programmes", api.tokens.nobody("named-manager"))
    assert named["items"] == []
    as_admin = await api.call("GET", "/v1/programmes", api.tokens.admin())
    assert len(as_admin["items"]) == 2
    nobody = await api.call("GET", "/v1/programmes", api.tokens.nobody())
    assert nobody["items"] == []


async def test_reading_a_programme_is_scoped(api: Api) -> None:
    pid, other = await api.programme(), await api.programme()
    await api.call("GET", f"/v1/programmes/{pid}", api.tokens.mentee(pid, "someone"))
    assert_problem(
        await api.client.get(f"/v1/programmes/{pid}", headers=api.tokens.nobody("named-manager")),
        404,
        "programme_not_found",
    )
    assert_problem(
        await api.client.get(f"/v1/programmes/{pid}", headers=api.tokens.manager(other)),
        404,
        "programme_not_found",
    )
    assert_problem(
        await api.client.get(f"/v1/programmes/{uuid.uuid4()}", headers=api.tokens.admin()),
        404,
        "programme_not_found",
    )
    # No role in it: the same answer as for a programme that does not exist.
    assert_problem(
        await api.client.get(
            f"/v1/programmes/{uuid.uuid4()}", headers=api.tokens.manager(str(uuid.uuid4()))
        ),
        404,
        "programme_not_found",
    )


async def test_a_malformed_id_in_a_path_is_a_422_naming_it(api: Api) -> None:
    pid = await api.programme()
    for url, name in (
        ("/v1/programmes/nope", "programme_id"),
        (f"/v1/programmes/{pid}/participants/nope", "participant_id"),
        (f"/v1/programmes/{pid}/relationships/{pid[:-1]}", "relationship_id"),
    ):
        body = assert_problem(await api.client.get(url, headers=api.tokens.admin()), 422)
        assert body["code"] == "validation_error"
        assert [e["loc"] for e in body["errors"]] == [["path", name]], url


async def test_manager_tunes_policy(api: Api) -> None:
    pid = await api.programme()
    updated = await api.call(
        "PATCH",
        f"/v1/programmes/{pid}",
        api.tokens.manager(pid),
        json={
            "name": "Renamed",
            "policy": {"hard_constraints": ["language"], "country_policy": "same_country"},
        },
    )
    assert updated["name"] == "Renamed"
    assert updated["policy"]["country_policy"] == "same_country"
    assert_problem(
        await api.client.patch(f"/v1/programmes/{pid}", headers=api.tokens.manager(pid), json={}),
        422,
        "empty_update",
    )
    assert_problem(
        await api.client.patch(
            f"/v1/programmes/{pid}",
            headers=api.tokens.manager(pid),
            json={"policy": {"min_overlap_hours": -1}},
        ),
        422,
    )
    assert_problem(
        await api.client.patch(
            f"/v1/programmes/{pid}", headers=api.tokens.mentor(pid, "m1"), json={"name": "Mine"}
        ),
        403,
    )
    other = await api.programme()
    assert_problem(
        await api.client.patch(
            f"/v1/programmes/{pid}", headers=api.tokens.manager(other), json={"name": "Mine"}
        ),
        404,
        "programme_not_found",
    )
    after = await api.call("GET", f"/v1/programmes/{pid}", api.tokens.manager(pid))
    assert after["name"] == "Renamed"


async def test_group_size_error_says_what_was_given(api: Api) -> None:
    org = await api.organisation()
    change = {"group_size": {"min": 5, "max": 3}}
    response = await api.client.post(
        "/v1/programmes", headers=api.tokens.admin(), json=programme_body(org, **change)
    )
    body = assert_problem(response, 422, "validation_error")
    assert [e["msg"] for e in body["errors"]] == [
        "Value error, group_size.min (5) must not exceed group_size.max (3): a group of min "
        "to max mentees"
    ]


async def test_a_programme_has_a_reference_time_zone(api: Api) -> None:
    """Issue 10: programmes had no time zone for their weeks, deadlines and digests."""
    from tests.matching.integration.test_events_outbox import outbox

    org = await api.organisation()
    body = programme_body(org, time_zone="Europe/Lisbon")
    created = await api.call("POST", "/v1/programmes", api.tokens.admin(), 201, json=body)
    assert created["time_zone"] == "Europe/Lisbon"
    pid = created["id"]
    manager = api.tokens.manager(pid)
    moved = await api.call(
        "PATCH", f"/v1/programmes/{pid}", manager, json={"time_zone": "Europe/Athens"}
    )
    assert moved["time_zone"] == "Europe/Athens"
    assert (await api.call("GET", f"/v1/programmes/{pid}", manager))["time_zone"] == "Europe/Athens"
    await api.call("PATCH", f"/v1/programmes/{pid}", manager, json={"name": moved["name"]})
    events = [e for e in await outbox(api) if e["key"] == pid]
    assert [(e["type"], e["data"]["time_zone"]) for e in events] == [
        ("tandem.programme.created.v1", "Europe/Lisbon"),
        ("tandem.programme.updated.v1", "Europe/Athens"),
        ("tandem.programme.updated.v1", "Europe/Athens"),  # a rename states the zone too
    ]
    # Required on create, and a real IANA zone.
    missing = programme_body(org)
    del missing["time_zone"]
    body = assert_problem(
        await api.client.post("/v1/programmes", headers=api.tokens.admin(), json=missing),
        422,
        "validation_error",
    )
    assert [e["loc"] for e in body["errors"]] == [["body", "time_zone"]]
    wrong = assert_problem(
        await api.client.post(
            "/v1/programmes",
            headers=api.tokens.admin(),
            json=programme_body(org, time_zone="Europe/Atlantis"),
        ),
        422,
        "validation_error",
    )
    assert (
        "'Europe/Atlantis' is not an IANA time zone (e.g. Europe/Berlin)"
        in wrong["errors"][0]["msg"]
    )
    assert_problem(
        await api.client.patch(
            f"/v1/programmes/{pid}", headers=manager, json={"time_zone": "CEST"}
        ),
        422,
        "validation_error",
    )
