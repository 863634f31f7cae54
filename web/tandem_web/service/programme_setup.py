"""A programme's set-up for its managers: read every section from the service that owns
it (matching, meetings, messaging, analytics) with the session's token, and save one
section at a time. A service that does not answer blanks its own sections; one that
refuses the viewer makes the page a refusal."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from tandem_web.adapters import programme_setup_api as api
from tandem_web.adapters.programme_setup_api import Invalid, Json
from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.domain import programme_setup as forms
from tandem_web.domain.programme_setup import BadInput, Errors, Part, Values
from tandem_web.domain.risk import STATUS, RiskShown
from tandem_web.domain.sessions import WebSession
from tandem_web.service.home import grants
from tandem_web.settings import WebSettings

REFUSED = "This was not saved: the service refused it."
NOT_ANSWERING = "The service behind this part is not answering. Please try again later."


@dataclass
class SetupPage:
    shown: RiskShown
    programme_id: uuid.UUID
    programme: Json | None = None  # matching's programme: its facts, named by the page
    suggested: Json | None = None  # analytics' suggested weights (through matching)
    values: dict[Part, Values] = field(default_factory=dict)  # absent: its service is down
    failed: Part | None = None
    errors: Errors = field(default_factory=dict)
    saved: Part | None = None
    plan_default: bool = False
    thresholds_default: bool = False
    day_seconds: float = 86400.0

    @property
    def status(self) -> int:
        if self.shown is RiskShown.SHOWN and self.failed is not None:
            return 422
        return STATUS[self.shown]

    def suggested_weights(self) -> dict[str, float]:
        lines = (self.suggested or {}).get("weights", [])
        return {w["criterion"]: w["suggested"] for w in lines if w.get("suggested") is not None}

    def suggested_at(self) -> datetime | None:
        at = (self.suggested or {}).get("suggested_at")
        return datetime.fromisoformat(at) if isinstance(at, str) else None

    def runs(self) -> tuple[date, date]:
        """The programme's first and last day (matching's, as dates)."""
        p = self.programme or {}
        return date.fromisoformat(p["starts_on"]), date.fromisoformat(p["ends_on"])

    def rows(self) -> list[int]:
        return forms.activity_rows(self.values.get(Part.PLAN, {}))


Outcome = Json | int | None  # the service's answer, its refusal's status, or None: down


async def _outcome(call: Callable[[], Awaitable[Json | None]]) -> Outcome:
    try:
        return await call()
    except Refused as refused:
        return refused.status
    except ServiceUnavailable:
        return None


def _shown(programme: Outcome, managed: list[Outcome], manages: bool) -> RiskShown:
    # Matching hides a programme from those outside it (404) and the manager-only services
    # refuse by the token's grants (403): a viewer whose token does not make them its
    # manager is told it is not theirs to manage, which says no more than the token does.
    if programme == 403 or 403 in managed or (programme == 404 and not manages):
        return RiskShown.FORBIDDEN
    if programme == 404:
        return RiskShown.MISSING
    if programme is None and all(not isinstance(o, dict) for o in managed):
        return RiskShown.UNAVAILABLE
    return RiskShown.SHOWN


async def setup_page(
    settings: WebSettings, session: WebSession, pid: uuid.UUID, saved: str | None = None
) -> SetupPage:
    token = session.access_token
    matching, meetings = str(settings.matching_url), str(settings.meetings_url)
    messaging, analytics = str(settings.messaging_url), str(settings.analytics_url)
    programme, suggested, plan, template, retention, thresholds = await asyncio.gather(
        _outcome(lambda: api.programme(matching, token, pid)),
        _outcome(lambda: api.suggested_weights(matching, token, pid)),
        _outcome(lambda: api.plan(meetings, token, pid)),
        _outcome(lambda: api.template(messaging, token, pid)),
        _outcome(lambda: api.messaging_settings(messaging, token, pid)),
        _outcome(lambda: api.thresholds(analytics, token, pid)),
    )
    manages = pid in grants(session).manager
    found = SetupPage(_shown(programme, [suggested, plan, retention, thresholds], manages), pid)
    if found.shown is not RiskShown.SHOWN:
        return found
    values: dict[Part, Values] = {}
    if isinstance(programme, dict):
        found.programme = programme
        values[Part.PROGRAMME] = forms.programme_values(programme)
        values[Part.POLICY] = forms.policy_values(programme)
        values[Part.MAIL] = {}
    if isinstance(plan, dict):
        values[Part.PLAN] = forms.plan_values(plan)
        found.plan_default = bool(plan.get("default"))
    if isinstance(template, dict):
        values[Part.AGREEMENT] = forms.agreement_values(template)
    if isinstance(retention, dict):
        values[Part.RETENTION] = forms.retention_values(retention)
    if isinstance(thresholds, dict):
        values[Part.THRESHOLDS] = forms.threshold_values(thresholds)
        found.thresholds_default = bool(thresholds.get("default"))
        found.day_seconds = float(thresholds.get("day_seconds", 86400.0))
    found.suggested = suggested if isinstance(suggested, dict) else None
    found.values = values
    found.saved = Part(saved) if saved in set(Part) else None
    return found


class NotSaved(Exception):
    """The section was not saved: the field-by-field reasons (422), or the service's
    refusal's status (403, 404), or 503 when it did not answer."""

    def __init__(self, status: int, errors: Errors) -> None:
        super().__init__(status, errors)
        self.status = status
        self.errors = errors


async def save(
    settings: WebSettings,
    session: WebSession,
    pid: uuid.UUID,
    part: Part,
    form: Mapping[str, str],
) -> None:
    token = session.access_token
    matching, messaging = str(settings.matching_url), str(settings.messaging_url)
    rows: list[int] = []
    try:
        if part is Part.PROGRAMME:
            await api.update(matching, token, pid, forms.programme_body(form))
        elif part is Part.POLICY:
            await api.update(matching, token, pid, forms.policy_body(form))
        elif part is Part.MAIL:
            # Matching replaces the whole set: the current ones with this form's change.
            current = (await api.programme(matching, token, pid))["mail_overrides"]
            await api.update(matching, token, pid, forms.mail_body(form, current))
        elif part is Part.PLAN:
            body, rows = forms.plan_body(form)
            await api.set_plan(str(settings.meetings_url), token, pid, body)
        elif part is Part.AGREEMENT:
            await api.set_template(messaging, token, pid, forms.agreement_body(form))
        elif part is Part.RETENTION:
            await api.set_messaging_settings(messaging, token, pid, forms.retention_body(form))
        else:
            body = forms.threshold_body(form)
            await api.set_thresholds(str(settings.analytics_url), token, pid, body)
    except BadInput as bad:
        raise NotSaved(422, bad.errors) from bad
    except Invalid as invalid:
        placed = forms.placed(part, invalid.errors, invalid.detail, dict(form), rows)
        raise NotSaved(422, placed) from invalid
    except Refused as refused:
        raise NotSaved(refused.status, {forms.GENERAL: REFUSED}) from refused
    except ServiceUnavailable as down:
        raise NotSaved(503, {forms.GENERAL: NOT_ANSWERING}) from down


async def refused_page(
    settings: WebSettings,
    session: WebSession,
    pid: uuid.UUID,
    part: Part,
    form: Mapping[str, str],
    refusal: NotSaved,
) -> tuple[SetupPage, int]:
    """The page again with the manager's input in the refused section, and its status."""
    found = await setup_page(settings, session, pid)
    if found.shown is not RiskShown.SHOWN:
        return found, found.status
    kept = {k: v for k, v in form.items() if k != "csrf_token"}
    found.values[part] = kept
    found.failed, found.errors = part, refusal.errors
    return found, refusal.status
