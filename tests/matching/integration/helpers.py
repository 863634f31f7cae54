"""Building blocks for the matching API tests, on ``tandem_kit.testing``: the app, tokens,
programmes, profiles.

The app runs through ``tandem_kit.testing.run_app`` (its real lifespan, no socket); tokens
are the kit's ``bearer`` headers, signed with the key the app verifies with; problems are
checked with ``tandem_kit.testing.assert_problem``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx2

from tandem_kit.clock import Clock, utc_now
from tandem_kit.db import Database
from tandem_kit.settings import AuthSettings
from tandem_kit.testing import RunningApp, bearer, isolated_settings, run_app, wait_until
from tandem_matching.main import DEFINITION, create_app
from tandem_matching.service import engine
from tandem_matching.service.context import Context
from tandem_matching.service.engine import Solver
from tandem_matching.settings import MatchingSettings

_counter = itertools.count(1)


def unique(prefix: str) -> str:
    return f"{prefix}-{next(_counter)}"


@dataclass(frozen=True)
class Tokens:
    """Bearer headers for each kind of caller (the kit's ``bearer``, by role)."""

    auth: AuthSettings

    def headers(self, subject: str, **roles: Any) -> dict[str, str]:
        return bearer(self.auth, subject, **roles)

    def admin(self, subject: str = "admin-1") -> dict[str, str]:
        return self.headers(subject, admin=True)

    def manager(self, programme_id: str, subject: str = "manager-1") -> dict[str, str]:
        return self.headers(subject, manager=[programme_id])

    def mentor(self, programme_id: str, subject: str) -> dict[str, str]:
        return self.headers(subject, mentor=[programme_id])

    def mentee(self, programme_id: str, subject: str) -> dict[str, str]:
        return self.headers(subject, mentee=[programme_id])

    def nobody(self, subject: str = "stranger") -> dict[str, str]:
        return self.headers(subject)


def settings_for(database_url: str, key_path: str, **overrides: Any) -> MatchingSettings:
    """The kit's isolated settings on this database and signing key (shared by the apps of
    one test, so tokens outlive a restart); no completion worker, a quick match-run poll."""
    values: dict[str, Any] = {
        "database_url": database_url,
        "auth": {"local_key_path": key_path},
        "completion_enabled": False,
        "match_run_poll_seconds": 0.1,
        **overrides,
    }
    return isolated_settings(MatchingSettings, Path(key_path).parent, **values)


@asynccontextmanager
async def running_app(
    settings: MatchingSettings, *, clock: Clock = utc_now, solver: Solver = engine.solve
) -> AsyncIterator[Api]:
    """The matching app with its seams (``clock``, ``solver``) running, as an :class:`Api`."""
    app = create_app(settings, clock=clock, solver=solver)
    async with run_app(app, settings, definition=DEFINITION, base_url="http://matching") as running:
        yield Api(running, Tokens(settings.auth))


# -------------------------------------------------------------------------- payloads


def programme_body(organisation_id: str, **overrides: Any) -> dict[str, Any]:
    today = dt.date.today()
    body: dict[str, Any] = {
        "organisation_id": organisation_id,
        "name": unique("Programme"),
        "countries": ["DE", "AT", "FR"],
        "languages": ["de", "en", "fr"],
        "starts_on": str(today - dt.timedelta(days=30)),
        "ends_on": str(today + dt.timedelta(days=180)),
        "formats": "pair",
        "time_zone": "Europe/Berlin",
        "policy": {"hard_constraints": ["language", "availability"], "min_overlap_hours": 1},
        "managers": [
            {
                "subject": "named-manager",
                "display_name": "Nora Named",
                "email": "nora@example.org",
                "preferred_language": "de",
                "time_zone": "Europe/Berlin",
            }
        ],
    }
    body.update(overrides)
    return body


EVENINGS = [{"weekday": d, "start": "18:00", "end": "21:00"} for d in range(5)]


def mentor_body(subject: str | None = None, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "role": "mentor",
        "display_name": "Mentor " + (subject or "self"),
        "email": f"{subject or 'self'}@example.org",
        "preferred_language": "de",
        "country": "DE",
        "time_zone": "Europe/Berlin",
        "languages": ["de", "en"],
        "city": "Berlin",
        "availability": EVENINGS,
        "sector": "logistics",
        "skills": ["cv", "interviews", "networking"],
        "preferred_format": "either",
        "modality": "either",
        "capacity": 2,
        "linkedin_url": "https://www.linkedin.com/in/mentor",
        "linkedin_consent": True,
    }
    if subject is not None:
        body["subject"] = subject
    body.update(overrides)
    return body


def mentee_body(subject: str | None = None, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "role": "mentee",
        "display_name": "Mentee " + (subject or "self"),
        "email": f"{subject or 'self'}@example.org",
        "preferred_language": "de",
        "country": "DE",
        "time_zone": "Europe/Berlin",
        "languages": ["de"],
        "city": "Berlin",
        "availability": EVENINGS,
        "sector": "logistics",
        "goals": ["cv", "interviews"],
        "preferred_format": "pair",
        "modality": "online_only",
    }
    if subject is not None:
        body["subject"] = subject
    body.update(overrides)
    return body


# -------------------------------------------------------------------------- API steps


@dataclass
class Api:
    """The calls most tests make, with status checks that name the response on failure."""

    running: RunningApp[MatchingSettings]
    tokens: Tokens

    @property
    def client(self) -> httpx2.AsyncClient:
        return self.running.client

    @property
    def database(self) -> Database:
        """The app's own database (its runtime's)."""
        return self.running.runtime.database

    @property
    def context(self) -> Context:
        """What the app's use cases are given (its database, settings and clock)."""
        return Context.of(self.running.runtime)

    async def call(
        self, method: str, url: str, headers: dict[str, str], expect: int = 200, **kwargs: Any
    ) -> Any:
        response = await self.client.request(method, url, headers=headers, **kwargs)
        assert response.status_code == expect, (method, url, response.status_code, response.text)
        return response.json() if response.content else None

    async def organisation(self) -> str:
        body = await self.call(
            "POST", "/v1/organisations", self.tokens.admin(), 201, json={"name": unique("Org")}
        )
        return str(body["id"])

    async def programme(self, **overrides: Any) -> str:
        org = await self.organisation()
        body = await self.call(
            "POST",
            "/v1/programmes",
            self.tokens.admin(),
            201,
            json=programme_body(org, **overrides),
        )
        return str(body["id"])

    async def register(self, programme_id: str, body: dict[str, Any]) -> dict[str, Any]:
        """Register on someone's behalf as the programme's manager."""
        result: dict[str, Any] = await self.call(
            "POST",
            f"/v1/programmes/{programme_id}/participants",
            self.tokens.manager(programme_id),
            201,
            json=body,
        )
        return result

    async def wait_for_run(
        self,
        programme_id: str,
        run_id: str,
        timeout: float = 90.0,
        until: tuple[str, ...] = ("draft", "failed", "cancelled"),
    ) -> dict[str, Any]:
        """The run once its status is one of ``until``."""
        seen: dict[str, Any] = {}

        async def reached() -> bool:
            seen.update(
                await self.call(
                    "GET",
                    f"/v1/programmes/{programme_id}/match-runs/{run_id}",
                    self.tokens.manager(programme_id),
                )
            )
            return seen["status"] in until

        await wait_until(reached, timeout=timeout)
        return seen
