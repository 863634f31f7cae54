"""The session store: one SQLite table, each session sealed (AES-256-GCM) under the web
app's session key and bound to its row by the associated data, keyed by the SHA-256 of
the cookie's id. The web app's only database; the table is created on first use (it
holds nothing that outlives a restart's worth of sign-ins, so it has no migrations).
"""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from tandem_kit.crypto.envelope import ContentUnreadable, Sealed, seal, unseal
from tandem_web.domain.sessions import WebSession

_SCHEMA = """
CREATE TABLE IF NOT EXISTS web_sessions (
    key BLOB PRIMARY KEY,
    nonce BLOB NOT NULL,
    ciphertext BLOB NOT NULL,
    expires_at REAL NOT NULL
)
"""
_AAD = b"tandem-web/session/"


def load_or_create_key(path: Path) -> bytes:
    """The session key from its file, made (0600) on first use."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(os.urandom(32))
    key = path.read_bytes()
    if len(key) != 32:
        raise ValueError(f"{path}: a session key is 32 bytes")
    return key


def _encode(session: WebSession) -> bytes:
    return json.dumps(
        {
            "subject": session.subject,
            "display_name": session.display_name,
            "access_token": session.access_token,
            "csrf_token": session.csrf_token,
            "created_at": session.created_at.isoformat(),
            "last_seen_at": session.last_seen_at.isoformat(),
            "token_expires_at": session.token_expires_at.isoformat(),
            "id_token": session.id_token,
            "refresh_token": session.refresh_token,
            "refresh_at": session.refresh_at.isoformat() if session.refresh_at else None,
        }
    ).encode()


def _decode(raw: bytes) -> WebSession:
    data = json.loads(raw)
    return WebSession(
        subject=data["subject"],
        display_name=data["display_name"],
        access_token=data["access_token"],
        csrf_token=data["csrf_token"],
        created_at=datetime.fromisoformat(data["created_at"]),
        last_seen_at=datetime.fromisoformat(data["last_seen_at"]),
        token_expires_at=datetime.fromisoformat(data["token_expires_at"]),
        # Sessions sealed before these fields existed have none of them.
        id_token=data.get("id_token"),
        refresh_token=data.get("refresh_token"),
        refresh_at=datetime.fromisoformat(data["refresh_at"]) if data.get("refresh_at") else None,
    )


class SessionStore:
    def __init__(self, database: Path, key: bytes) -> None:
        self._database = database
        self._key = key
        database.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as connection:
            connection.execute(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self._database)
        # A deleted session leaves no readable token in free pages.
        connection.execute("PRAGMA secure_delete = ON")
        return connection

    async def save(self, key: bytes, session: WebSession, expires_at: datetime) -> None:
        sealed = seal(self._key, _encode(session), _AAD + key)

        def write() -> None:
            with self._connect() as connection:
                connection.execute(
                    "INSERT OR REPLACE INTO web_sessions VALUES (?, ?, ?, ?)",
                    (key, sealed.nonce, sealed.ciphertext, expires_at.timestamp()),
                )

        await asyncio.to_thread(write)

    async def load(self, key: bytes, now: datetime) -> WebSession | None:
        def read() -> tuple[bytes, bytes] | None:
            with self._connect() as connection:
                row = connection.execute(
                    "SELECT nonce, ciphertext FROM web_sessions WHERE key = ? AND expires_at > ?",
                    (key, now.timestamp()),
                ).fetchone()
            return None if row is None else (row[0], row[1])

        found = await asyncio.to_thread(read)
        if found is None:
            return None
        try:
            return _decode(unseal(self._key, Sealed(*found), _AAD + key))
        except ContentUnreadable:
            return None  # another key, or a row moved: as good as no session

    async def delete(self, key: bytes) -> None:
        def remove() -> None:
            with self._connect() as connection:
                connection.execute("DELETE FROM web_sessions WHERE key = ?", (key,))

        await asyncio.to_thread(remove)

    async def readable(self) -> bool:
        """False when the sessions cannot be read (a lost volume, a corrupt or foreign
        file): then nobody can sign in or stay signed in."""

        def query() -> bool:
            try:
                with self._connect() as connection:
                    connection.execute("SELECT count(*) FROM web_sessions WHERE 0").fetchone()
            except sqlite3.Error:
                return False
            return True

        return await asyncio.to_thread(query)

    async def purge_expired(self, now: datetime | None = None) -> int:
        moment = (now or datetime.now(UTC)).timestamp()

        def purge() -> int:
            with self._connect() as connection:
                return connection.execute(
                    "DELETE FROM web_sessions WHERE expires_at <= ?", (moment,)
                ).rowcount

        return await asyncio.to_thread(purge)
