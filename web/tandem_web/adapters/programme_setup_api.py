"""The services' APIs a manager sets a programme up through: matching's programme (its
policy, name, zone, mail wording) and suggested weights, meetings' blended plan,
messaging's agreement template and settings, analytics' drop-out risk thresholds.

The set-up pages work on the services' own JSON shapes (``to_dict``/``from_dict`` of the
generated models): each form is flattened into and parsed from those, in
``domain/programme_setup.py``. A 422 is :class:`Invalid`, carrying the service's
per-field complaints so that the page can put each next to its field."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any, Protocol, TypeVar

from tandem_web.adapters.service_calls import Refused, authenticated, expect, reaching
from tandem_web.clients.analytics import AuthenticatedClient as AnalyticsClient
from tandem_web.clients.analytics.api.drop_out_risk import get_risk_thresholds, set_risk_thresholds
from tandem_web.clients.analytics.models import RiskThresholdsIn, RiskThresholdsPublic
from tandem_web.clients.matching import AuthenticatedClient as MatchingClient
from tandem_web.clients.matching.api.programmes import (
    get_programme,
    get_suggested_weights,
    update_programme,
)
from tandem_web.clients.matching.models import (
    ProgrammePublic,
    ProgrammeUpdate,
    SuggestedWeightsPublic,
)
from tandem_web.clients.meetings import AuthenticatedClient as MeetingsClient
from tandem_web.clients.meetings.api.plans import get_programme_plan, set_programme_plan
from tandem_web.clients.meetings.models import PlanUpdate, ProgrammePlanPublic
from tandem_web.clients.messaging import AuthenticatedClient as MessagingClient
from tandem_web.clients.messaging.api.agreements import change_template, get_template
from tandem_web.clients.messaging.api.programmes import change_settings, get_settings
from tandem_web.clients.messaging.models import (
    AgreementTemplatePublic,
    AgreementTemplateUpdate,
    ProgrammeSettingsPublic,
    ProgrammeSettingsUpdate,
)

Json = dict[str, Any]
T = TypeVar("T")


class Invalid(Exception):
    """The service found the input wrong (422): its words, and where (``loc`` paths)."""

    def __init__(self, service: str, detail: str, errors: list[tuple[tuple[str, ...], str]]):
        super().__init__(f"{service}: {detail}")
        self.service = service
        self.detail = detail
        self.errors = errors


class _Answer(Protocol):
    @property
    def status_code(self) -> Any: ...
    @property
    def parsed(self) -> Any: ...


class _Model(Protocol):
    def to_dict(self) -> Json: ...


def _body(service: str, answer: _Answer, wanted: type[T]) -> T:
    if int(answer.status_code) == 422:
        problem = answer.parsed
        listed = getattr(problem, "errors", None)
        items = [e.to_dict() for e in listed] if isinstance(listed, list) else []
        errors = [
            (tuple(str(p) for p in e["loc"]), str(e.get("msg", "")))
            for e in items
            if isinstance(e.get("loc"), list)
        ]
        raise Invalid(service, str(getattr(problem, "detail", "")), errors)
    return expect(service, int(answer.status_code), answer.parsed, wanted)


def _matching(url: str, token: str) -> MatchingClient:
    return authenticated(MatchingClient, url, token)


def _meetings(url: str, token: str) -> MeetingsClient:
    return authenticated(MeetingsClient, url, token)


def _messaging(url: str, token: str) -> MessagingClient:
    return authenticated(MessagingClient, url, token)


def _analytics(url: str, token: str) -> AnalyticsClient:
    return authenticated(AnalyticsClient, url, token)


async def _json(service: str, call: Callable[[], Awaitable[_Answer]], wanted: type[Any]) -> Json:
    async with reaching(service):
        found: _Model = _body(service, await call(), wanted)
        return found.to_dict()


async def programme(url: str, token: str, pid: uuid.UUID) -> Json:
    async with _matching(url, token) as client:
        return await _json(
            "matching", lambda: get_programme.asyncio_detailed(pid, client=client), ProgrammePublic
        )


async def update(url: str, token: str, pid: uuid.UUID, body: Json) -> Json:
    async with _matching(url, token) as client:
        return await _json(
            "matching",
            lambda: update_programme.asyncio_detailed(
                pid, client=client, body=ProgrammeUpdate.from_dict(body)
            ),
            ProgrammePublic,
        )


async def suggested_weights(url: str, token: str, pid: uuid.UUID) -> Json | None:
    """Analytics' suggestion beside the current weights; None until it has made one."""
    async with _matching(url, token) as client:
        try:
            return await _json(
                "matching",
                lambda: get_suggested_weights.asyncio_detailed(pid, client=client),
                SuggestedWeightsPublic,
            )
        except Refused as refused:
            if refused.status == 404 and refused.code == "no_suggestion":
                return None
            raise


async def plan(url: str, token: str, pid: uuid.UUID) -> Json:
    async with _meetings(url, token) as client:
        return await _json(
            "meetings",
            lambda: get_programme_plan.asyncio_detailed(pid, client=client),
            ProgrammePlanPublic,
        )


async def set_plan(url: str, token: str, pid: uuid.UUID, body: Json) -> Json:
    async with _meetings(url, token) as client:
        return await _json(
            "meetings",
            lambda: set_programme_plan.asyncio_detailed(
                pid, client=client, body=PlanUpdate.from_dict(body)
            ),
            ProgrammePlanPublic,
        )


async def template(url: str, token: str, pid: uuid.UUID) -> Json:
    async with _messaging(url, token) as client:
        return await _json(
            "messaging",
            lambda: get_template.asyncio_detailed(pid, client=client),
            AgreementTemplatePublic,
        )


async def set_template(url: str, token: str, pid: uuid.UUID, body: Json) -> Json:
    async with _messaging(url, token) as client:
        return await _json(
            "messaging",
            lambda: change_template.asyncio_detailed(
                pid, client=client, body=AgreementTemplateUpdate.from_dict(body)
            ),
            AgreementTemplatePublic,
        )


async def messaging_settings(url: str, token: str, pid: uuid.UUID) -> Json:
    async with _messaging(url, token) as client:
        return await _json(
            "messaging",
            lambda: get_settings.asyncio_detailed(pid, client=client),
            ProgrammeSettingsPublic,
        )


async def set_messaging_settings(url: str, token: str, pid: uuid.UUID, body: Json) -> Json:
    async with _messaging(url, token) as client:
        return await _json(
            "messaging",
            lambda: change_settings.asyncio_detailed(
                pid, client=client, body=ProgrammeSettingsUpdate.from_dict(body)
            ),
            ProgrammeSettingsPublic,
        )


async def thresholds(url: str, token: str, pid: uuid.UUID) -> Json:
    async with _analytics(url, token) as client:
        return await _json(
            "analytics",
            lambda: get_risk_thresholds.asyncio_detailed(pid, client=client),
            RiskThresholdsPublic,
        )


async def set_thresholds(url: str, token: str, pid: uuid.UUID, body: Json) -> Json:
    async with _analytics(url, token) as client:
        return await _json(
            "analytics",
            lambda: set_risk_thresholds.asyncio_detailed(
                pid, client=client, body=RiskThresholdsIn.from_dict(body)
            ),
            RiskThresholdsPublic,
        )
