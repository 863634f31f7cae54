"""The web app's skeleton: its pages carry the security headers, load no inline script or
style (the CSP forbids them), and production refuses the local sign-in."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import httpx2
import pytest
from pydantic import ValidationError
from tandem_web.main import create_app
from tandem_web.security import CONTENT_SECURITY_POLICY
from tandem_web.settings import WebSettings

from tests.support.smtp import free_port


class InlineCode(HTMLParser):
    """Inline <script>/<style> bodies, on* handler attributes and style attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if tag in {"script", "style"} and "src" not in names:
            self._in = tag
        self.found += [f"{tag} {name}" for name in names if name.startswith("on")]
        self.found += [f"{tag} style" for name in names if name == "style"]

    def handle_data(self, data: str) -> None:
        if self._in and data.strip():
            self.found.append(f"inline {self._in}")

    def handle_endtag(self, tag: str) -> None:
        self._in = None


async def test_the_home_page_is_served_with_the_security_headers() -> None:
    transport = httpx2.ASGITransport(app=create_app(WebSettings(environment="test")))
    async with httpx2.AsyncClient(transport=transport, base_url="http://web.test") as client:
        page = await client.get("/")
        css = await client.get("/static/tandem.css")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    assert csp == CONTENT_SECURITY_POLICY
    assert "'unsafe-inline'" not in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["x-frame-options"] == "DENY"
    assert '<html lang="en">' in page.text
    parser = InlineCode()
    parser.feed(page.text)
    assert parser.found == []
    assert css.status_code == 200
    assert "focus-visible" in css.text


def test_production_refuses_the_local_sign_in() -> None:
    with pytest.raises(ValidationError, match="local_sign_in"):
        WebSettings(environment="production")
    assert WebSettings(environment="production", local_sign_in=False).local_sign_in is False


def test_tandem_web_serve_starts_and_production_with_local_sign_in_does_not() -> None:
    binary = str(Path(sys.executable).with_name("tandem-web"))
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TANDEM_WEB_")}
    refused = subprocess.run(
        [binary, "serve"],
        env={**env, "TANDEM_WEB_ENVIRONMENT": "production", "TANDEM_WEB_HTTP_PORT": str(port)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert refused.returncode != 0
    assert "local_sign_in" in refused.stderr
    with subprocess.Popen(
        [binary, "serve"],
        env={**env, "TANDEM_WEB_HTTP_PORT": str(port)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    ) as served:
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    answer = httpx2.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
                    break
                except httpx2.HTTPError:
                    assert served.poll() is None, "tandem-web serve exited"
                    assert time.monotonic() < deadline, "tandem-web serve did not answer"
                    time.sleep(0.2)
            assert answer.json() == {"status": "ok"}
            assert answer.headers["x-frame-options"] == "DENY"
        finally:
            served.terminate()


async def test_ready_while_its_sessions_can_be_read_and_not_once_they_cannot(
    tmp_path: Path,
) -> None:
    database = tmp_path / "sessions.db"
    settings = WebSettings(
        environment="test",
        session_database=str(database),
        session_key_file=str(tmp_path / "session.key"),
    )
    transport = httpx2.ASGITransport(app=create_app(settings))
    async with httpx2.AsyncClient(transport=transport, base_url="http://web.test") as client:
        assert (await client.get("/readyz")).json() == {"status": "ready"}
        database.write_bytes(b"not a database, as after a volume went wrong" * 100)
        broken = await client.get("/readyz")
        alive = await client.get("/healthz")
    assert broken.status_code == 503
    assert broken.json() == {"status": "unavailable", "failing": ["sessions"]}
    assert alive.status_code == 200  # alive: a restart would not bring the file back
