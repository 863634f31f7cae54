"""Mint tokens signed by the embedded local key — for development, demos and tests.

    tandem-token --sub alice --admin
    tandem-token --sub bob --manager prog-1 --manager prog-2 --ttl 600
    tandem-token --sub carol --mentee prog-1 --key-path /tmp/key.pem

Issuer, audience and key path default to the settings read from the environment
(``TANDEM_AUTH__ISSUER``, ``TANDEM_AUTH__AUDIENCE``, ``TANDEM_AUTH__LOCAL_KEY_PATH``).
The key pair is created (mode 0600) if missing; the token goes to stdout alone.
In production the identity provider issues tokens; nothing here is used.
"""

from __future__ import annotations

import argparse
import sys
import time
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import jwt

from tandem_kit.auth.keys import ensure_local_key, jwk_thumbprint
from tandem_kit.auth.principal import ROLES_CLAIM, Principal
from tandem_kit.settings import AuthSettings, ServiceSettings

MAX_TTL_SECONDS = 30 * 24 * 3600
_RESERVED = frozenset({"iss", "aud", "sub", "exp", "iat", "nbf", "jti", ROLES_CLAIM})


def mint_token(
    settings: AuthSettings,
    subject: str,
    *,
    admin: bool = False,
    manager: Iterable[str] = (),
    mentor: Iterable[str] = (),
    mentee: Iterable[str] = (),
    ttl: int = 3600,
    key_path: str | Path | None = None,
    extra_claims: Mapping[str, Any] | None = None,
    now: float | None = None,
) -> str:
    """An RS256 token for ``subject`` with the given roles, signed by the local key.

    The key at ``key_path`` (default ``settings.local_key_path``) is created if missing.
    ``manager``/``mentor``/``mentee`` take programme ids. ``now`` (Unix seconds)
    lets tests mint tokens that are already expired or not yet valid.
    """
    if not 0 < ttl <= MAX_TTL_SECONDS:
        raise ValueError(f"ttl must be between 1 and {MAX_TTL_SECONDS} seconds")
    clash = _RESERVED.intersection(extra_claims or {})
    if clash:
        raise ValueError(f"extra_claims may not set {sorted(clash)}")
    principal = Principal.of(subject, admin=admin, manager=manager, mentor=mentor, mentee=mentee)
    private_key = ensure_local_key(key_path or settings.local_key_path)
    issued_at = int(time.time() if now is None else now)
    claims: dict[str, Any] = {
        **(extra_claims or {}),
        "iss": settings.issuer,
        "aud": settings.audience,
        "sub": principal.subject,
        "iat": issued_at,
        "nbf": issued_at,
        "exp": issued_at + ttl,
        "jti": str(uuid.uuid4()),
        ROLES_CLAIM: principal.to_claim(),
    }
    headers = {"kid": jwk_thumbprint(private_key.public_key()), "typ": "JWT"}
    return jwt.encode(claims, private_key, algorithm="RS256", headers=headers)


def _parser(defaults: AuthSettings) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tandem-token",
        description="Print a bearer token signed by the local Tandem key (development only).",
    )
    parser.add_argument("--sub", required=True, help="subject (user id)")
    parser.add_argument("--admin", action="store_true", help="grant the platform admin role")
    for role in ("manager", "mentor", "mentee"):
        parser.add_argument(
            f"--{role}",
            action="append",
            default=[],
            metavar="PROGRAMME_ID",
            help=f"grant {role} in this programme (repeatable)",
        )
    parser.add_argument("--ttl", type=int, default=3600, help="lifetime in seconds (3600)")
    parser.add_argument("--issuer", default=defaults.issuer, help="iss (%(default)s)")
    parser.add_argument("--audience", default=defaults.audience, help="aud (%(default)s)")
    parser.add_argument(
        "--key-path", default=defaults.local_key_path, help="PEM signing key (%(default)s)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    defaults = ServiceSettings().auth
    args = _parser(defaults).parse_args(argv)
    try:
        settings = AuthSettings.model_validate(
            defaults.model_dump()
            | {"issuer": args.issuer, "audience": args.audience, "local_key_path": args.key_path}
        )
        created = not Path(settings.local_key_path).exists()
        token = mint_token(
            settings,
            args.sub,
            admin=args.admin,
            manager=args.manager,
            mentor=args.mentor,
            mentee=args.mentee,
            ttl=args.ttl,
        )
    except (ValueError, OSError) as exc:
        print(f"tandem-token: {exc}", file=sys.stderr)
        return 2
    if created:
        print(f"tandem-token: created signing key {settings.local_key_path}", file=sys.stderr)
    print(token)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
