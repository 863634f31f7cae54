"""Principal: the tandem_roles claim, the predicates, and the require_* policy helpers."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from pydantic import ValidationError

from tandem_kit.auth import AuthError, Principal, require_admin


def test_claim_round_trips() -> None:
    principal = Principal.of("u1", admin=True, manager=["p1"], mentor=["p2"], mentee=["p2", "p3"])
    assert principal.to_claim() == ["admin", "manager:p1", "mentee:p2", "mentee:p3", "mentor:p2"]
    assert Principal.from_claims({"sub": "u1", "tandem_roles": principal.to_claim()}) == principal


def test_predicates_are_scoped_per_programme() -> None:
    principal = Principal.of("u1", manager=["p1"], mentor=["p2"], mentee=["p2"])
    assert not principal.is_admin
    assert principal.manages("p1")
    assert not principal.manages("p2")
    assert principal.roles_in("p2") == {"mentor", "mentee"}
    assert principal.roles_in("p9") == frozenset()
    assert principal.has_role("mentor", "p2")
    assert not principal.has_role("mentor", "p1")
    assert principal.programmes == {"p1", "p2"}


def test_programme_id_may_contain_colons() -> None:
    principal = Principal.from_claims({"sub": "u", "tandem_roles": ["manager:urn:prog:7"]})
    assert principal.manages("urn:prog:7")
    assert not principal.manages("urn")


def test_admin_is_not_a_programme_role() -> None:
    admin = Principal.of("root", admin=True)
    assert admin.is_admin
    assert not admin.manages("p1")  # facts only; the admin override is each service's policy
    assert admin.roles_in("p1") == frozenset()
    with pytest.raises(ValueError, match="not a programme role"):
        admin.has_role("admin", "p1")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "entry", ["owner:p1", "admin:p1", "manager:", "manager", "MANAGER:p1", "superuser"]
)
def test_unknown_claim_entries_grant_nothing(entry: str) -> None:
    principal = Principal.from_claims({"sub": "u", "tandem_roles": [entry, "mentee:p2"]})
    assert principal.roles == {"mentee:p2"}
    assert not principal.is_admin
    assert not principal.manages("p1")


@pytest.mark.parametrize(
    "claims",
    [
        {"tandem_roles": []},
        {"sub": "", "tandem_roles": []},
        {"sub": 7},
        {"sub": "u", "tandem_roles": "admin"},
        {"sub": "u", "tandem_roles": {"admin": True}},
        {"sub": "u", "tandem_roles": [["admin"]]},
    ],
)
def test_bad_claims_raise(claims: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="claim must be"):
        Principal.from_claims(claims)


def test_principal_is_frozen_and_strict() -> None:
    principal = Principal.of("u1", mentee=["p1"])
    with pytest.raises(ValidationError):
        principal.subject = "someone-else"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Principal(subject="u", roles=frozenset({"owner:p1"}))
    with pytest.raises(TypeError):
        Principal.of("u", manager="p1")  # a string is not a list of ids
    assert hash(principal) == hash(Principal.of("u1", mentee=["p1"]))


def forbidden(call: Any, *args: Any, **kwargs: Any) -> AuthError:
    with pytest.raises(AuthError) as caught:
        call(*args, **kwargs)
    assert caught.value.status_code == 403
    assert caught.value.code == "forbidden"
    return caught.value


def test_require_admin() -> None:
    admin = Principal.of("root", admin=True)
    assert require_admin(admin) is admin
    forbidden(require_admin, Principal.of("m", manager=["p1"]))


def test_the_role_rule_every_service_applies() -> None:
    """Standing, managing and acting as a member come from the token's grants alone."""
    pid, other = uuid.uuid4(), uuid.uuid4()
    manager = Principal.of("mia", manager=[str(pid)])
    mentee = Principal.of("ana", mentee=[str(pid)])
    revoked = Principal.of("ana", mentee=[str(other)])
    admin = Principal.of("root", admin=True)
    nobody = Principal.of("named-manager")
    assert [p.in_programme(pid) for p in (manager, mentee, revoked, admin, nobody)] == [
        True,
        True,
        False,
        True,
        False,
    ]
    assert [p.may_manage(pid) for p in (manager, mentee, revoked, admin, nobody)] == [
        True,
        False,
        False,
        True,
        False,
    ]
    assert mentee.acts_as("mentee", pid)
    assert mentee.acts_as("mentee", str(pid)), "ids as text or UUID"
    assert not mentee.acts_as("mentor", pid)
    assert not revoked.acts_as("mentee", pid)
    assert not admin.acts_as("mentee", pid), "an admin is not a member"
