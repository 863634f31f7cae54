"""``Idempotency-Key`` on every POST (draft-ietf-httpapi-idempotency-key-header).

A client whose POST timed out retries it with the same ``Idempotency-Key`` and gets
the first answer instead of a second effect. :class:`IdempotencyMiddleware` is a
pure ASGI middleware the app factory installs inside the request guard (so the body
is already size-checked and the token verified). For a POST carrying the header it

1. refuses an empty key, one longer than 255 characters, or two keys: 400
   ``idempotency_key_invalid``;
2. scopes the key to the caller (the token's subject), the method and the path, and
   hashes the request (query string, content type, body);
3. opens the request transaction (:meth:`~tandem_kit.db.Database.request_transaction`),
   which every ``database.transaction()`` of the use case joins; in it:

   - a stored answer for the same scope and the same request hash is sent again
     (with ``Idempotent-Replayed: true``), nothing runs;
   - a stored answer for another request hash is a 422 ``idempotency_key_reused``;
   - the same scope still being answered (this process, or on PostgreSQL any
     process: a transaction-scoped advisory lock) is a 409 ``idempotency_key_in_flight``;
   - otherwise the route runs with its response held back; a 2xx answer (status, the
     headers of ``_KEPT_HEADERS``, body) is written in the same transaction as the
     effect, the transaction commits, and only then is the response sent.

The stored body is sealed under a data key of its own (it may hold names and
addresses), and the people whose personal fields the request sealed or opened are
linked to it (:mod:`tandem_kit.privacy`): erasing any of them deletes the answer.

So the stored answer exists exactly when the effect does: a crash between the commit
and the response leaves both, and the retry gets the answer. Error answers (4xx, 5xx)
are not stored: the transaction rolls back (as a use case's failing transaction always
did) and a retry runs again, which the draft allows and which lets a client fix what
a 4xx named. Stored answers expire after ``idempotency_retention_seconds`` (24 h by
default); :func:`cleanup_worker` deletes them, and an expired one is never replayed.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tandem_kit.auth.dependencies import PRINCIPAL_SCOPE_KEY, get_token_verifier
from tandem_kit.auth.principal import Principal
from tandem_kit.auth.tokens import AuthError
from tandem_kit.clock import Clock, utc_now
from tandem_kit.db.database import Database
from tandem_kit.db.tables import idempotency_names_table as names
from tandem_kit.db.tables import idempotency_table as records
from tandem_kit.errors import problem_response
from tandem_kit.privacy import PersonalVault, named_in
from tandem_kit.workers import PeriodicWorker

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 255
REPLAYED_HEADER = "Idempotent-Replayed"
# What a client needs from a replayed answer besides status and body; the rest
# (date, content-length, trace headers) belongs to the response that carries it.
_KEPT_HEADERS = frozenset({b"content-type", b"location", b"content-location", b"etag"})
_HEADER_BYTES = HEADER.lower().encode()
ANSWER_KIND = "idempotency-answer"  # what a stored answer's data key is for


def openapi_parameter() -> dict[str, Any]:
    """The ``Idempotency-Key`` header parameter as the OpenAPI document shows it."""
    return {
        "name": HEADER,
        "in": "header",
        "required": False,
        "schema": {"type": "string", "minLength": 1, "maxLength": MAX_KEY_LENGTH},
        "description": (
            "Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the same "
            "key and body within 24 hours returns the first successful response again "
            f"(marked `{REPLAYED_HEADER}: true`) instead of acting twice. The same key "
            "with another body is a 422 `idempotency_key_reused`; while the first "
            "request is still running, a 409 `idempotency_key_in_flight`; an empty "
            "key or one over 255 characters, a 400 `idempotency_key_invalid`. "
            "Error responses are not stored: a retry runs again."
        ),
    }


def document_idempotency(document: dict[str, Any]) -> None:
    """Add the header parameter to every POST operation of an OpenAPI document (once)."""
    for operations in document.get("paths", {}).values():
        operation = operations.get("post")
        if operation is None:
            continue
        parameters = operation.setdefault("parameters", [])
        if not any(p.get("name") == HEADER and p.get("in") == "header" for p in parameters):
            parameters.append(openapi_parameter())


class _Refused(Exception):
    def __init__(self, status: int, title: str, detail: str, code: str) -> None:
        super().__init__(detail)
        self.response = problem_response(status, title, detail, code)


class _RolledBack(Exception):
    """Raised inside the request transaction to roll it back: an error was answered."""


def _key_of(scope: Scope) -> str | None:
    values = [v for k, v in scope["headers"] if k == _HEADER_BYTES]
    if not values:
        return None
    if len(values) > 1:
        raise _Refused(400, "Bad request", f"Send one {HEADER} header.", "idempotency_key_invalid")
    raw: bytes = values[0]
    key = raw.decode("latin-1").strip()
    if len(key) >= 2 and key[0] == key[-1] == '"':
        key = key[1:-1]  # the draft's structured-field string form: "8e03978e-..."
    if not key or len(key) > MAX_KEY_LENGTH:
        raise _Refused(
            400,
            "Bad request",
            f"{HEADER} must be 1 to {MAX_KEY_LENGTH} characters long (got {len(key)}).",
            "idempotency_key_invalid",
        )
    return key


def _digest(*parts: bytes) -> str:
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(len(part).to_bytes(8, "big"))
        hashed.update(part)
    return hashed.hexdigest()


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay_body(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


class IdempotencyMiddleware:
    def __init__(self, app: ASGIApp, *, retention_seconds: float, clock: Clock = utc_now) -> None:
        self.app = app
        self._retention = timedelta(seconds=retention_seconds)
        self._clock = clock
        # Scopes being answered by this process (SQLite has no advisory lock).
        self._in_flight: set[str] = set()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        try:
            key = _key_of(scope)
        except _Refused as refused:
            await refused.response(scope, receive, send)
            return
        runtime = scope.get("state", {}).get("runtime")
        subject = await self._subject(scope) if key is not None else None
        if key is None or runtime is None or subject is None:
            # No key; no database (no lifespan); or a token the route will refuse anyway.
            await self.app(scope, receive, send)
            return
        body = await _read_body(receive)
        headers = dict(scope["headers"])
        scope_hash = _digest(subject.encode(), b"POST", scope["path"].encode(), key.encode())
        request_hash = _digest(
            scope.get("query_string", b""), headers.get(b"content-type", b""), body
        )
        try:
            if scope_hash in self._in_flight:
                raise _in_flight()
            self._in_flight.add(scope_hash)
            try:
                answer = await self._answer(
                    runtime.database, scope, _replay_body(body, receive), scope_hash, request_hash
                )
            finally:
                self._in_flight.discard(scope_hash)
        except _Refused as refused:
            await refused.response(scope, receive, send)
            return
        for message in answer:  # after the commit: a crash here loses no stored answer
            await send(message)

    async def _subject(self, scope: Scope) -> str | None:
        """The caller's subject; ``""`` for an anonymous call; None for a bad token."""
        principal = scope.get(PRINCIPAL_SCOPE_KEY)
        if isinstance(principal, Principal):
            subject: str = principal.subject
            return subject
        authorization = dict(scope["headers"]).get(b"authorization")
        if authorization is None:
            return ""
        scheme, _, token = authorization.decode("latin-1").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        try:
            principal = await get_token_verifier(HTTPConnection(scope)).verify(token.strip())
        except AuthError:
            return None
        scope[PRINCIPAL_SCOPE_KEY] = principal  # the route's dependency takes it from here
        return principal.subject

    async def _answer(
        self, database: Database, scope: Scope, receive: Receive, scope_hash: str, request_hash: str
    ) -> list[Message]:
        now = self._clock()
        held: list[Message] = []

        async def hold(message: Message) -> None:
            held.append(message)

        try:
            async with database.request_transaction() as session:
                await self._lock(session, database, scope_hash)
                stored = await self._stored(session, scope_hash, now)
                if stored is not None:
                    if stored.request_hash != request_hash:
                        raise _Refused(
                            422,
                            "Idempotency key reused",
                            f"This {HEADER} was used for a different request; use a new key.",
                            "idempotency_key_reused",
                        )
                    body = _vault(database).open_item(
                        ANSWER_KIND, scope_hash, stored.wrapped_key, stored.body
                    )
                    return _replayed(stored.status, stored.headers, body)
                await self.app(scope, receive, hold)
                start = next(m for m in held if m["type"] == "http.response.start")
                if not 200 <= start["status"] < 300:
                    raise _RolledBack
                wrapped_key, body = _vault(database).seal_item(
                    ANSWER_KIND,
                    scope_hash,
                    b"".join(m.get("body", b"") for m in held if m["type"] == "http.response.body"),
                )
                await session.execute(
                    insert(records).values(
                        scope_hash=scope_hash,
                        request_hash=request_hash,
                        status=start["status"],
                        headers=[
                            [k.decode("latin-1"), v.decode("latin-1")]
                            for k, v in start.get("headers", [])
                            if k.lower() in _KEPT_HEADERS
                        ],
                        wrapped_key=wrapped_key,
                        body=body,
                        created_at=now,
                    )
                )
                for person in sorted(named_in(session)):
                    await session.execute(
                        insert(names).values(scope_hash=scope_hash, person=person)
                    )
                await session.flush()
        except _RolledBack:
            pass
        except IntegrityError as error:
            # Another process stored this scope meanwhile (SQLite has no advisory lock).
            raise _in_flight() from error
        return held

    async def _lock(self, session: AsyncSession, database: Database, scope_hash: str) -> None:
        if database.dialect != "postgresql":
            return
        lock_id = int.from_bytes(bytes.fromhex(scope_hash[:16]), "big", signed=True)
        if not await session.scalar(select(func.pg_try_advisory_xact_lock(lock_id))):
            raise _in_flight()

    async def _stored(self, session: AsyncSession, scope_hash: str, now: datetime) -> Any:
        row = (
            await session.execute(select(records).where(records.c.scope_hash == scope_hash))
        ).first()
        if row is None:
            return None
        if row.created_at <= now - self._retention:
            await session.execute(delete(names).where(names.c.scope_hash == scope_hash))
            await session.execute(delete(records).where(records.c.scope_hash == scope_hash))
            return None
        return row


def _vault(database: Database) -> PersonalVault:
    if database.vault is None:
        raise RuntimeError("Idempotency-Key needs the database's PersonalVault")
    return database.vault


def _in_flight() -> _Refused:
    return _Refused(
        409,
        "Request in progress",
        f"A request with this {HEADER} is still being answered; retry once it is done.",
        "idempotency_key_in_flight",
    )


def _replayed(status: int, headers: list[list[str]], body: bytes) -> list[Message]:
    raw = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers]
    raw += [
        (b"content-length", str(len(body)).encode()),
        (REPLAYED_HEADER.lower().encode(), b"true"),
    ]
    return [
        {"type": "http.response.start", "status": status, "headers": raw},
        {"type": "http.response.body", "body": body, "more_body": False},
    ]


async def purge_expired(database: Database, retention_seconds: float, now: datetime) -> int:
    """Delete the stored answers older than the retention; how many went."""
    cutoff = now - timedelta(seconds=retention_seconds)
    async with database.transaction() as session:
        expired = select(records.c.scope_hash).where(records.c.created_at <= cutoff)
        await session.execute(delete(names).where(names.c.scope_hash.in_(expired)))
        result = await session.execute(delete(records).where(records.c.created_at <= cutoff))
    return int(getattr(result, "rowcount", 0) or 0)


def cleanup_worker(
    database: Database, retention_seconds: float, interval: float, clock: Clock = utc_now
) -> PeriodicWorker:
    async def tick(now: datetime) -> int:
        await purge_expired(database, retention_seconds, now)
        return 0  # one delete per tick drains everything expired: no need to go again

    return PeriodicWorker("idempotency-cleanup", interval, tick, clock=clock)
