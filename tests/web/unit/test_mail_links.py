"""Every link the services' mails give into the web app has a page there: the links are
read from the services' own source (``ctx.link(...)``, ``web_link(...)``, the web base
URL joined to a path, ``*_PATH`` constants), their placeholders filled with ids, and
each must match one of the web app's GET routes. A mail that starts linking somewhere
new fails this until the web app has that page (or a redirect in ``api/mail_links.py``)."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import httpx2
import pytest
from starlette.routing import Match
from tandem_web.main import create_app
from tandem_web.settings import WebSettings

from tests.support.infra import REPO_ROOT

LINKS = [
    re.compile(r"""\blink\(\s*f?["'](/[^"']*)["']"""),
    re.compile(r"""web_link\(\s*f?["'](/[^"']*)["']"""),
    re.compile(r"""web_base_url[^}]*\}(/[^"']*)["']"""),
    re.compile(r"""^[A-Z_]+_PATH = ["'](/[^"']*)["']""", re.M),
]


def mail_links() -> list[str]:
    found: set[str] = set()
    for source in sorted((REPO_ROOT / "services").glob("*/tandem_*/**/*.py")):
        text = source.read_text()
        for pattern in LINKS:
            found |= {m for m in pattern.findall(text) if not m.startswith("/v1/")}
    return sorted(found)


def app_for(tmp_path: Path) -> object:
    return create_app(
        WebSettings(
            environment="test",
            session_database=str(tmp_path / "s.db"),
            session_key_file=str(tmp_path / "s.key"),
        )
    )


def test_the_services_mail_links_are_found() -> None:
    links = mail_links()
    assert "/conversations/{conversation.id}" in links, links
    assert "/programmes/{programme_id}/rematching-offers/{offer_id}" in links, links
    assert any(link.startswith("/check-ins/") for link in links), links


@pytest.mark.parametrize("link", mail_links())
def test_every_mail_link_has_a_page(link: str, tmp_path: Path) -> None:
    path = re.sub(r"\{[^}]+\}", str(uuid.uuid4()), link)
    app = app_for(tmp_path)
    scope = {"type": "http", "method": "GET", "path": path, "root_path": ""}
    matched = [r for r in app.router.routes if r.matches(scope)[0] is Match.FULL]  # type: ignore[attr-defined]
    assert matched, f"a mail links to {link}, which the web app has no page for"


async def test_the_redirects_lead_to_the_pages(tmp_path: Path) -> None:
    pid, rid, cid = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    expected = {
        f"/check-ins/{cid}": f"/check-ins#check-in-{cid}",
        "/conversations": "/#messages",
        "/me/notification-preferences": "/privacy#notifications",
        f"/programmes/{pid}/risk-flags": f"/programmes/{pid}/risk",
        f"/relationships/{rid}/plan": f"/relationships/{rid}/meetings/new",
    }
    transport = httpx2.ASGITransport(app=app_for(tmp_path))  # type: ignore[arg-type]
    async with httpx2.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        for link, page in expected.items():
            answer = await client.get(link)
            assert (answer.status_code, answer.headers["location"]) == (303, page), link
