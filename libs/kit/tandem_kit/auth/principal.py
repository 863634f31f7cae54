"""Who is calling: the :class:`Principal` built from a verified bearer token.

Claims format
-------------
Standard OIDC / RFC 9068 claims plus one private claim, ``tandem_roles``, a flat
list of strings (the shape identity providers emit for groups, so Keycloak,
Entra ID, Auth0 … can map it without custom code)::

    {
      "iss": "https://idp.example.org/realms/tandem",   # = AuthSettings.issuer
      "aud": "tandem",                                   # = AuthSettings.audience (or list)
      "sub": "8c1f…",                                    # required: the user; matching maps it
      "exp": 1767225600, "iat": 1767222000,              # exp required; iat/nbf checked if present
      "tandem_roles": ["admin", "manager:<programme_id>",
                       "mentor:<programme_id>", "mentee:<programme_id>"]
    }

* ``"admin"`` is platform-wide and takes no programme.
* ``"<role>:<programme_id>"`` grants ``manager``, ``mentor`` or ``mentee`` in one
  programme; the id is everything after the first ``:``.
* A missing claim means no roles. The claim must be a list of strings, else the
  token is rejected; entries this version does not understand (a future role,
  ``"admin:x"``) grant nothing and are ignored.

What the token does *not* say: whether the subject belongs to a relationship
(a pair or a group). Each service checks that against its own data, using
:attr:`Principal.subject`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any, Literal, cast, get_args
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, field_validator

logger = logging.getLogger(__name__)

ROLES_CLAIM = "tandem_roles"
ADMIN = "admin"
ProgrammeRole = Literal["manager", "mentor", "mentee"]
PROGRAMME_ROLES: frozenset[str] = frozenset(get_args(ProgrammeRole))


def _parse_grant(entry: str) -> tuple[ProgrammeRole, str] | None:
    role, sep, programme_id = entry.partition(":")
    if not sep or role not in PROGRAMME_ROLES or not programme_id:
        return None
    return cast(ProgrammeRole, role), programme_id


def _is_grant(entry: str) -> bool:
    return entry == ADMIN or _parse_grant(entry) is not None


class Principal(BaseModel):
    """An authenticated caller: a subject and the roles its token grants.

    ``roles`` holds the grants exactly as in the ``tandem_roles`` claim
    (``"admin"``, ``"manager:<programme_id>"`` …). The predicates state facts of the
    token only; policy — such as "an admin may act as a manager" — lives in the
    ``require_*`` helpers of :mod:`tandem_kit.auth.dependencies`.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    subject: str = Field(min_length=1)
    roles: frozenset[str] = frozenset()

    @field_validator("roles")
    @classmethod
    def _known_grants(cls, value: frozenset[str]) -> frozenset[str]:
        bad = sorted(entry for entry in value if not _is_grant(entry))
        if bad:
            raise ValueError(f"not a role grant: {bad}")
        return value

    @classmethod
    def of(
        cls,
        subject: str,
        *,
        admin: bool = False,
        manager: Iterable[str] = (),
        mentor: Iterable[str] = (),
        mentee: Iterable[str] = (),
    ) -> Principal:
        """Build a principal from programme ids per role (tests, the mint CLI)."""
        grants = {ADMIN} if admin else set()
        for role, programme_ids in (("manager", manager), ("mentor", mentor), ("mentee", mentee)):
            if isinstance(programme_ids, str):
                raise TypeError(f"{role}= takes an iterable of programme ids, not a string")
            grants.update(f"{role}:{programme_id}" for programme_id in programme_ids)
        return cls(subject=subject, roles=frozenset(grants))

    @classmethod
    def from_claims(cls, claims: Mapping[str, Any]) -> Principal:
        """Build from verified claims; raises ``ValueError`` if ``sub``/``tandem_roles`` are bad."""
        subject = claims.get("sub")
        if not isinstance(subject, str) or not subject:
            raise ValueError("the 'sub' claim must be a non-empty string")
        raw = claims.get(ROLES_CLAIM, [])
        if not isinstance(raw, list) or not all(isinstance(entry, str) for entry in raw):
            raise ValueError(f"the '{ROLES_CLAIM}' claim must be a list of strings")
        grants = frozenset(entry for entry in raw if _is_grant(entry))
        if len(grants) != len(set(raw)):
            logger.debug("ignored unknown role grants for subject %s", subject)
        return cls(subject=subject, roles=grants)

    def to_claim(self) -> list[str]:
        """The ``tandem_roles`` claim value for this principal (sorted, for stable tokens)."""
        return sorted(self.roles)

    @property
    def is_admin(self) -> bool:
        """Platform administrator (not bound to a programme)."""
        return ADMIN in self.roles

    @property
    def programmes(self) -> frozenset[str]:
        """Ids of the programmes in which the token grants any role."""
        return frozenset(
            grant[1] for entry in self.roles if (grant := _parse_grant(entry)) is not None
        )

    def roles_in(self, programme_id: str) -> frozenset[ProgrammeRole]:
        """The roles granted in ``programme_id`` (admin is not a programme role)."""
        return frozenset(
            grant[0]
            for entry in self.roles
            if (grant := _parse_grant(entry)) is not None and grant[1] == programme_id
        )

    def has_role(self, role: ProgrammeRole, programme_id: str) -> bool:
        """Whether the token grants ``role`` in ``programme_id`` (exactly; no admin override)."""
        if role not in PROGRAMME_ROLES:
            raise ValueError(f"{role!r} is not a programme role; use is_admin for 'admin'")
        return f"{role}:{programme_id}" in self.roles

    def manages(self, programme_id: str) -> bool:
        """Whether the token grants ``manager`` in ``programme_id`` (no admin override)."""
        return self.has_role("manager", programme_id)

    # The role rule every service applies (DESIGN: membership the service holds never
    # stands in for a role the token no longer carries). A programme's named managers,
    # a relationship's or conversation's members are what a service *holds*: they say
    # whom to mail and whose resource it is, never that the caller may act.

    def in_programme(self, programme_id: UUID | str) -> bool:
        """Whether the token gives any standing in the programme: admin, or a role there.
        Without it the programme and all in it are unknown to the caller (404)."""
        return self.is_admin or bool(self.roles_in(str(programme_id)))

    def may_manage(self, programme_id: UUID | str) -> bool:
        """Whether the caller may act as a manager of the programme: admin, or the
        ``manager:<pid>`` grant. Being named a manager in a service's data is not enough."""
        return self.is_admin or self.manages(str(programme_id))

    def acts_as(self, role: str, programme_id: UUID | str) -> bool:
        """Whether someone the service holds as a ``role`` (mentor, mentee) of the programme
        may act as one: only while the token still grants that role there (no admin
        override: an admin is not a member)."""
        return role in self.roles_in(str(programme_id))
