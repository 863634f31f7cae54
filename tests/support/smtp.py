"""A real SMTP server for tests: aiosmtpd on 127.0.0.1, collecting what it accepts.

The server runs in the test's own event loop (no thread), so it can be stopped
and started again on the same port to play an outage::

    from tests.support.smtp import SmtpTestServer, smtp_test_server

    @pytest.fixture
    async def smtp() -> AsyncIterator[SmtpTestServer]:
        async with smtp_test_server() as server:
            yield server

    async def test_it(smtp: SmtpTestServer) -> None:
        relay = MailRelay(db, smtp.settings(), service="test")
        ...
        [mail] = await smtp.wait_for(1)
        assert mail["Subject"] == "Welcome"

``messages`` holds every accepted mail as an :class:`email.message.EmailMessage`
(parsed with ``email.policy.default``), duplicates included; ``unique()`` drops
copies with a ``Message-ID`` seen before, as a de-duplicating receiver would.
Options: ``credentials=("user", "secret")`` requires SMTP AUTH (over plain text,
for tests); ``reject={"nobody@example.org"}`` refuses those recipients with
``550``; ``fail_data=n`` answers the next ``n`` DATA commands with ``451``; ``on_accept`` is
called with each accepted mail after it is kept and before the ``250`` goes out (a
chaos test stops the sending process there).
"""

from __future__ import annotations

import asyncio
import socket
import warnings
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default as default_policy
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from tandem_kit.settings import SmtpSettings

__all__ = ["ReceivedMail", "SmtpTestServer", "free_port", "smtp_test_server"]


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now (the OS's choice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class ReceivedMail:
    """One accepted SMTP transaction: the envelope and the parsed message."""

    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage
    raw: bytes


@dataclass
class _Handler:
    server: SmtpTestServer

    async def handle_RCPT(  # noqa: N802 - aiosmtpd's hook name
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if address.lower() in self.server.reject:
            return "550 5.1.1 Recipient address rejected: no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(  # noqa: N802 - aiosmtpd's hook name
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        if self.server.fail_data > 0:
            self.server.fail_data -= 1
            return "451 4.3.0 Temporary failure, try again later"
        raw = envelope.original_content or b""
        message = BytesParser(policy=default_policy).parsebytes(raw)
        assert isinstance(message, EmailMessage)
        self.server.received.append(
            ReceivedMail(
                mail_from=envelope.mail_from or "",
                rcpt_tos=list(envelope.rcpt_tos),
                message=message,
                raw=raw,
            )
        )
        self.server.arrived.set()
        if self.server.on_accept is not None:
            self.server.on_accept(message)
        return "250 2.0.0 Message accepted for delivery"


@dataclass
class SmtpTestServer:
    """aiosmtpd on ``host:port`` (a free port unless given); start/stop as often as needed."""

    host: str = "127.0.0.1"
    port: int = 0
    credentials: tuple[str, str] | None = None
    reject: set[str] = field(default_factory=set)
    fail_data: int = 0
    on_accept: Callable[[EmailMessage], None] | None = None
    received: list[ReceivedMail] = field(default_factory=list)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    _server: asyncio.AbstractServer | None = None
    _connections: list[SMTP] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.port:
            self.port = free_port(self.host)
        self.reject = {address.lower() for address in self.reject}

    # --- life cycle ---

    @property
    def running(self) -> bool:
        return self._server is not None

    async def start(self) -> None:
        if self._server is not None:
            return
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(
            self._protocol, host=self.host, port=self.port, reuse_address=True
        )

    async def stop(self) -> None:
        """Stop listening and drop every open connection (an outage, as clients see it)."""
        server, self._server = self._server, None
        if server is None:
            return
        server.close()
        for connection in self._connections:
            if connection.transport is not None:
                connection.transport.close()
        self._connections.clear()
        await server.wait_closed()

    async def __aenter__(self) -> SmtpTestServer:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def _protocol(self) -> SMTP:
        options: dict[str, Any] = {"hostname": "smtp.test", "enable_SMTPUTF8": True}
        if self.credentials is not None:
            options.update(
                authenticator=self._authenticate, auth_required=True, auth_require_tls=False
            )
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Requiring AUTH while not requiring TLS")
            connection = SMTP(_Handler(self), **options)
        self._connections.append(connection)
        return connection

    def _authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        assert self.credentials is not None
        user, password = self.credentials
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            user.encode(),
            password.encode(),
        )
        return AuthResult(success=ok, handled=False)

    # --- what the client needs ---

    def settings(self, **overrides: Any) -> SmtpSettings:
        """:class:`SmtpSettings` pointing at this server (with its credentials, if any)."""
        values: dict[str, Any] = {"host": self.host, "port": self.port}
        if self.credentials is not None:
            values.update(username=self.credentials[0], password=self.credentials[1])
        values.update(overrides)
        return SmtpSettings(**values)

    # --- what arrived ---

    @property
    def messages(self) -> list[EmailMessage]:
        return [mail.message for mail in self.received]

    def unique(self) -> list[EmailMessage]:
        """The messages as a receiver de-duplicating by ``Message-ID`` keeps them."""
        seen: set[str] = set()
        kept = []
        for message in self.messages:
            key = str(message["Message-ID"])
            if key not in seen:
                seen.add(key)
                kept.append(message)
        return kept

    def message_id_counts(self) -> Counter[str]:
        return Counter(str(message["Message-ID"]) for message in self.messages)

    def to(self, recipient: str) -> list[EmailMessage]:
        return [mail.message for mail in self.received if recipient in mail.rcpt_tos]

    def clear(self) -> None:
        self.received.clear()
        self.arrived.clear()

    async def wait_for(self, count: int, within: float = 10.0) -> list[EmailMessage]:
        """Wait up to ``within`` seconds for at least ``count`` messages; returns them all."""
        async with asyncio.timeout(within):
            while len(self.received) < count:
                self.arrived.clear()
                await self.arrived.wait()
        return self.messages


@asynccontextmanager
async def smtp_test_server(
    *,
    port: int = 0,
    credentials: tuple[str, str] | None = None,
    reject: Iterable[str] = (),
    started: bool = True,
) -> AsyncIterator[SmtpTestServer]:
    """A :class:`SmtpTestServer` for one test (``started=False`` begins with it down)."""
    server = SmtpTestServer(port=port, credentials=credentials, reject=set(reject))
    if started:
        await server.start()
    try:
        yield server
    finally:
        await server.stop()
