"""The administrator's use cases: the platform's organisations and programmes (matching's,
with the session's token), and creating either. Whether the viewer is an admin is read
from the token only to choose the page; matching decides on every call."""

from __future__ import annotations

from dataclasses import dataclass, field

import jwt

from tandem_web.adapters import admin_api
from tandem_web.adapters.programme_setup_api import Invalid
from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.domain import admin as forms
from tandem_web.domain.admin import BadInput, Errors, Organisation, ProgrammeRow, Values
from tandem_web.domain.sessions import WebSession
from tandem_web.settings import WebSettings


def is_admin(session: WebSession) -> bool:
    """Read unverified, as ``service.home.grants``: matching verifies the token."""
    claims = jwt.decode(session.access_token, options={"verify_signature": False})
    return forms.is_admin(claims)


@dataclass
class AdminHome:
    organisations: list[Organisation] = field(default_factory=list)
    programmes: list[ProgrammeRow] = field(default_factory=list)
    unavailable: bool = False

    def organisation_name(self, organisation_id: str) -> str:
        names = {o.id: o.name for o in self.organisations}
        return names.get(organisation_id, organisation_id)


async def admin_home(settings: WebSettings, session: WebSession) -> AdminHome:
    url, token = str(settings.matching_url), session.access_token
    try:
        return AdminHome(
            await admin_api.organisations(url, token), await admin_api.programmes(url, token)
        )
    except (ServiceUnavailable, Refused):
        return AdminHome(unavailable=True)


async def organisations(settings: WebSettings, session: WebSession) -> list[Organisation] | None:
    """The programme form's choice of organisation; None while matching does not answer."""
    try:
        return await admin_api.organisations(str(settings.matching_url), session.access_token)
    except (ServiceUnavailable, Refused):
        return None


class NotCreated(Exception):
    """Nothing was created: the reasons, each beside its field, and the status to show."""

    def __init__(self, errors: Errors, status: int) -> None:
        super().__init__(str(errors))
        self.errors = errors
        self.status = status


async def create_organisation(
    settings: WebSettings, session: WebSession, name: str
) -> Organisation:
    try:
        return await admin_api.new_organisation(
            str(settings.matching_url), session.access_token, name.strip()
        )
    except Invalid as invalid:
        raise NotCreated(forms.placed(invalid.errors) or {"form": [invalid.detail]}, 422) from None
    except Refused as refused:
        raise NotCreated({"form": ["refused"]}, refused.status) from None
    except ServiceUnavailable:
        raise NotCreated({"form": ["unavailable"]}, 503) from None


async def create_programme(
    settings: WebSettings,
    session: WebSession,
    values: Values,
) -> ProgrammeRow:
    try:
        body = forms.programme_body(values)
        made = await admin_api.new_programme(str(settings.matching_url), session.access_token, body)
    except BadInput as bad:
        raise NotCreated(bad.errors, 422) from None
    except Invalid as invalid:
        raise NotCreated(forms.placed(invalid.errors) or {"form": [invalid.detail]}, 422) from None
    except Refused as refused:
        raise NotCreated({"form": ["refused"]}, refused.status) from None
    except ServiceUnavailable:
        raise NotCreated({"form": ["unavailable"]}, 503) from None
    return made
