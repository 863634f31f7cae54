"""The manager's import page: a CSV forwarded to matching, its report, the earlier ones."""

from __future__ import annotations

import asyncio
import uuid

from tandem_web.adapters import imports_api
from tandem_web.adapters.service_calls import Refused, ServiceUnavailable
from tandem_web.domain.imports import ImportReport, ImportsPage
from tandem_web.domain.manager_pages import Shown, refusal
from tandem_web.domain.sessions import WebSession
from tandem_web.service.manager_pages import may_manage, programme_name, zone_of
from tandem_web.settings import WebSettings


async def imports_page(
    settings: WebSettings,
    session: WebSession,
    programme_id: uuid.UUID,
    browser_zone: str | None,
    report_id: uuid.UUID | None = None,
) -> ImportsPage:
    zone = zone_of(browser_zone)
    if not may_manage(session, programme_id):
        return ImportsPage(Shown.FORBIDDEN, programme_id, zone)
    url, token = str(settings.matching_url), session.access_token

    async def report() -> ImportReport | None:
        if report_id is None:
            return None
        return await imports_api.report(url, token, programme_id, report_id)

    try:
        earlier, shown, name = await asyncio.gather(
            imports_api.earlier(url, token, programme_id),
            report(),
            programme_name(settings, session, programme_id),
        )
    except Refused as refused:
        return ImportsPage(refusal(refused.status), programme_id, zone)
    except ServiceUnavailable:
        return ImportsPage(Shown.UNAVAILABLE, programme_id, zone)
    return ImportsPage(Shown.SHOWN, programme_id, zone, name, tuple(earlier), shown)


async def upload(
    settings: WebSettings,
    session: WebSession,
    programme_id: uuid.UUID,
    data: bytes,
    file_name: str,
    mode: str,
) -> ImportReport:
    """Raises NotImported (matching refused the file, with why), Refused, ServiceUnavailable."""
    return await imports_api.upload(
        str(settings.matching_url), session.access_token, programme_id, data, file_name, mode
    )
