"""Content at rest is ciphertext: the raw database never shows a message in the clear.

Read the SQLite file (and its write-ahead log) byte for byte, and PostgreSQL's
tables row for row through asyncpg, after every kind of content was written.
"""

from __future__ import annotations

from pathlib import Path

import asyncpg
import pytest

from tests.messaging.conftest import World, build_world
from tests.messaging.harness import Harness, running, settings_for

SECRETS = {
    "message": "Confidential: I am leaving Globex in June",
    "edited": "Edited: Initech offered 55k",
    "reply": "Reply: do not tell my manager",
    "title": "Thread title about my burnout",
    "post": "Forum post about my visa status",
    "rule": "Rule: never call my work number",
    "note": "Report note: he shared my CV publicly",
}


async def write_everything(world: World) -> None:
    h, a = world.h, world.a
    mentor, mentee = h.as_person(world.mentor, a), h.as_person(world.mentee, a)
    url = f"/v1/conversations/{world.conversation}/messages"
    first = (await h.client.post(url, json={"body": SECRETS["message"]}, headers=mentor)).json()
    edited = (await h.client.post(url, json={"body": "placeholder"}, headers=mentor)).json()
    assert (
        await h.client.patch(
            f"{url}/{edited['id']}", json={"body": SECRETS["edited"]}, headers=mentor
        )
    ).status_code == 200
    assert (
        await h.client.post(
            url, json={"body": SECRETS["reply"], "in_reply_to": first["id"]}, headers=mentee
        )
    ).status_code == 201
    forum = (await h.client.get(f"/v1/programmes/{a.id}/forums", headers=mentee)).json()["items"][0]
    assert (
        await h.client.post(
            f"/v1/forums/{forum['id']}/threads",
            headers=mentee,
            json={"title": SECRETS["title"], "body": SECRETS["post"]},
        )
    ).status_code == 201
    assert (
        await h.client.put(
            f"/v1/relationships/{world.pair}/agreement",
            headers=mentee,
            json={
                "based_on_version": 1,
                "channels": ["messages"],
                "response_time_hours": 24,
                "meeting_cadence_days": 7,
                "confidentiality_statement": "Between us.",
                "rules": [SECRETS["rule"]],
            },
        )
    ).status_code == 200
    assert (
        await h.client.post(
            f"{url}/{first['id']}/reports",
            headers=mentee,
            json={
                "reason": "confidentiality_breach",
                "note": SECRETS["note"],
                "include_excerpt": True,
            },
        )
    ).status_code == 201
    # Everything reads back in the clear through the API (so it really was written).
    listed = (await h.client.get(url, headers=mentee)).text
    assert SECRETS["message"] in listed
    assert SECRETS["edited"] in listed


def database_files(directory: Path) -> bytes:
    """The database file and its write-ahead log, byte for byte."""
    return b"".join(path.read_bytes() for path in sorted(directory.glob("messaging.db*")))


async def test_sqlite_file_holds_no_plain_text(world: World, tmp_path: Path) -> None:
    await write_everything(world)
    raw = database_files(tmp_path)
    assert len(raw) > 10_000
    found = [name for name, text in SECRETS.items() if text.encode() in raw]
    assert not found, f"plain text at rest: {found}"
    # Contacts are sealed under each person's key too; ids and languages are not, so the
    # check is not blind.
    assert b"ana@example.org" not in raw
    assert b"Europe/Berlin" in raw


@pytest.mark.postgres
async def test_postgresql_tables_hold_no_plain_text(tmp_path: Path, postgres_url: str) -> None:
    async with running(settings_for(tmp_path, postgres_url)) as h:
        world = await build_world(h)
        await write_everything(world)
        await _assert_postgres_clean(h, postgres_url)


async def _assert_postgres_clean(h: Harness, url: str) -> None:
    connection = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        tables = [
            r["tablename"]
            for r in await connection.fetch(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            )
        ]
        assert "messages" in tables
        seen_rows = 0
        dump = []
        for table in tables:
            for row in await connection.fetch(f'SELECT * FROM "{table}"'):  # noqa: S608
                seen_rows += 1
                for value in row.values():
                    dump.append(value if isinstance(value, bytes) else str(value).encode())
        raw = b"\n".join(dump)
        messages = await connection.fetch("SELECT body_ciphertext, length FROM messages")
        assert len(messages) == 3
        assert all(m["body_ciphertext"] for m in messages)
    finally:
        await connection.close()
    assert seen_rows > 20
    found = [name for name, text in SECRETS.items() if text.encode() in raw]
    assert not found, f"plain text at rest: {found}"
    assert b"ana@example.org" not in raw
    assert b"Europe/Berlin" in raw
