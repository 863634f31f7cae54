"""Every matching endpoint, enumerated from the app's own OpenAPI document (so a new
endpoint cannot be forgotten), called by identities whose token no longer carries a role
in the programme: whatever matching holds about them (a participant record, being named
a manager when the programme was created) never stands in for the role.

For each, every programme-scoped endpoint is a 404 ``programme_not_found`` (the programme
is unknown to them), the admin-only ones a 403, and the programme list leaves it out.
"""

from __future__ import annotations

import uuid
from typing import Any

from tandem_kit.testing import assert_problem
from tests.matching.integration.helpers import Api, mentee_body, mentor_body

PROGRAMME = "/v1/programmes/{programme_id}"
# Not programme-scoped: (method, path) -> the status a caller without roles gets.
UNSCOPED = {
    ("POST", "/v1/organisations"): 403,
    ("GET", "/v1/organisations"): 403,
    ("POST", "/v1/programmes"): 403,
    ("GET", "/v1/programmes"): 200,  # without the programme in it
}
PROBES = {"/healthz", "/readyz"}  # the kit's, public by design
CSV = b"subject,role,display_name\nzed,mentee,Zed\n"


def _example(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    examples = schema.get("examples")
    assert examples, f"{schema} has no example: give it one, so this matrix can call it"
    return dict(examples[0])


def _request(document: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any]:
    """A valid body for the operation: refused for its caller, never for its body."""
    body = operation.get("requestBody")
    if body is None:
        return {}
    content = body["content"]
    if "multipart/form-data" in content:
        return {"files": {"file": ("people.csv", CSV, "text/csv")}}
    return {"json": _example(document, content["application/json"]["schema"])}


async def identities(api: Api) -> tuple[str, dict[str, dict[str, str]]]:
    """A programme (its creation names the subject ``named-manager`` its manager) with a
    registered mentor and mentee, and tokens that grant nothing in it."""
    pid = await api.programme()
    other = await api.programme()
    await api.register(pid, mentor_body("max"))
    await api.register(pid, mentee_body("ana"))
    t = api.tokens
    return pid, {
        "named manager, no roles": t.nobody("named-manager"),
        "named manager, grant revoked (manages another programme)": t.manager(
            other, "named-manager"
        ),
        "mentee, no roles": t.nobody("ana"),
        "mentee, grant revoked (mentee elsewhere)": t.mentee(other, "ana"),
        "mentor, grant revoked (mentor elsewhere)": t.mentor(other, "max"),
        "stranger, no roles": t.nobody("someone"),
    }


async def test_no_endpoint_lets_a_revoked_or_roleless_token_act(api: Api) -> None:
    document = (await api.client.get("/openapi.json")).json()  # the app's own routes
    pid, callers = await identities(api)
    calls = 0
    for path, operations in document["paths"].items():
        if path in PROBES:
            continue
        for method, operation in operations.items():
            key = (method.upper(), path)
            scoped = path.startswith(PROGRAMME)
            assert scoped or key in UNSCOPED, f"{key}: classify it in UNSCOPED"
            url = path.replace("{programme_id}", pid)
            while "{" in url:  # any other id: the caller must be refused before it matters
                start, end = url.index("{"), url.index("}")
                url = url[:start] + str(uuid.uuid4()) + url[end + 1 :]
            for who, headers in callers.items():
                response = await api.client.request(
                    method.upper(), url, headers=headers, **_request(document, operation)
                )
                calls += 1
                if scoped:
                    assert response.status_code == 404, (who, key, response.text)
                    assert_problem(response, 404, "programme_not_found")
                else:
                    assert response.status_code == UNSCOPED[key], (who, key, response.text)
                    if response.status_code == 200:  # their other programme, at most
                        listed = {item["id"] for item in response.json()["items"]}
                        assert pid not in listed, (who, key)
    assert calls >= 6 * 38


async def test_a_named_manager_is_mailed_but_acts_only_with_the_grant(api: Api) -> None:
    pid = await api.programme()
    read = await api.call("GET", f"{PROGRAMME.format(programme_id=pid)}", api.tokens.admin())
    assert read["managers"][0]["subject"] == "named-manager", "still whom matching names"
    assert_problem(
        await api.client.post(
            f"/v1/programmes/{pid}/match-runs", headers=api.tokens.nobody("named-manager")
        ),
        404,
        "programme_not_found",
    )
    await api.call(
        "POST",
        f"/v1/programmes/{pid}/match-runs",
        api.tokens.manager(pid, "named-manager"),
        202,
    )
