"""A body over its route's limit is a 413 before anything reads it: declared too large
(``Content-Length``), or growing past the limit without one (chunked); a form within
the limit, and the CSV import up to its own larger limit, reach their routes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx2
from tandem_web.body_limit import FORM_BYTES, UPLOAD_BYTES
from tandem_web.main import create_app
from tandem_web.settings import WebSettings


def client(tmp_path: Path) -> httpx2.AsyncClient:
    settings = WebSettings(
        environment="test",
        session_database=str(tmp_path / "s.db"),
        session_key_file=str(tmp_path / "s.key"),
    )
    transport = httpx2.ASGITransport(app=create_app(settings))
    return httpx2.AsyncClient(transport=transport, base_url="http://127.0.0.1")


FORM = {"content-type": "application/x-www-form-urlencoded"}


async def test_a_declared_body_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    async with client(tmp_path) as browser:
        answer = await browser.post(
            "/sign-in/local", content=b"subject=" + b"a" * FORM_BYTES, headers=FORM
        )
    assert answer.status_code == 413
    assert "larger than Tandem accepts" in answer.text
    assert answer.headers["x-content-type-options"] == "nosniff"


async def test_a_chunked_body_is_cut_off_at_the_limit(tmp_path: Path) -> None:
    sent = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal sent
        for _ in range(1000):  # 64 MB if it were all read
            sent += 1
            yield b"a" * 65536

    async with client(tmp_path) as browser:
        answer = await browser.post("/sign-out", content=chunks(), headers=FORM)
    assert answer.status_code == 413
    assert sent < 10, sent  # reading stopped once past the limit


async def test_forms_within_the_limit_reach_their_routes(tmp_path: Path) -> None:
    async with client(tmp_path) as browser:
        # The route runs: its CSRF check refuses a form that did not come from a page.
        answer = await browser.post("/sign-out", data={"csrf_token": "x" * 1000})
    assert answer.status_code == 403


async def test_the_csv_import_has_room_for_its_file(tmp_path: Path) -> None:
    body = b'--b\r\nContent-Disposition: form-data; name="file"; filename="p.csv"\r\n\r\n'
    body += b"a" * (4 * FORM_BYTES) + b"\r\n--b--\r\n"
    multipart = {"content-type": "multipart/form-data; boundary=b"}
    path = "/programmes/7a1c3f1e-3c9a-4c55-9d55-5f2d7f0e9a11/imports"
    async with client(tmp_path) as browser:
        within = await browser.post(path, content=body, headers=multipart)
        over = await browser.post(path, content=b"a" * (UPLOAD_BYTES + 1), headers=multipart)
    assert within.status_code == 403  # the route's CSRF check: it was read and parsed
    assert over.status_code == 413
