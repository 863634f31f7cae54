"""Run a service's app in a test: its real lifespan, an HTTP client, and its own runtime.

The app runs inside ``asgi_lifespan.LifespanManager`` (migrations, database,
workers, shutdown, as in production) and is called through
``httpx2.ASGITransport``, with no socket. :class:`RunningApp` exposes the
runtime the app built at start-up, so events are delivered and the outbox is
read on the app's own database.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, overload
from uuid import UUID

import httpx2
from asgi_lifespan import LifespanManager
from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send

from tandem_contracts import Envelope, Event
from tandem_kit.app import ServiceDefinition
from tandem_kit.auth import ensure_local_key
from tandem_kit.kafka.handlers import EventHandler
from tandem_kit.runtime import Runtime
from tandem_kit.settings import ServiceSettings
from tandem_kit.testing.events import deliver, deliver_together
from tandem_kit.testing.outbox import (
    OutboxEvent,
    outbox_events,
    outbox_position,
    outbox_tombstones,
)
from tandem_kit.testing.tokens import ProgrammeIds, bearer

S = TypeVar("S", bound=ServiceSettings)
E = TypeVar("E", bound=Event)

# The discard port: nothing answers there, and an app that only serves HTTP does not care.
UNREACHABLE_KAFKA = "127.0.0.1:9"


def isolated_settings(settings_class: type[S], directory: Path, **overrides: Any) -> S:
    """Settings for one test's app: its own SQLite file, signing and master keys, consumer group,
    Kafka unreachable, no relay and no consumer (events are delivered with
    :meth:`RunningApp.deliver`). ``overrides`` win."""
    values: dict[str, Any] = {
        "environment": "test",
        "database_url": f"sqlite+aiosqlite:///{directory / 'service.db'}",
        "kafka_bootstrap_servers": UNREACHABLE_KAFKA,
        "kafka_consumer_group": f"tandem.test-{uuid.uuid4().hex[:12]}",
        "run_relay": False,
        "run_consumers": False,
        "auth": {"local_key_path": str(directory / "signing-key.pem")},
        "master_key_file": str(directory / "master.key"),
        **overrides,
    }
    return settings_class(**values)


class _SharedState:
    """Gives the lifespan and every request one state dict that the test can read too:
    the lifespan puts the runtime there (Starlette's lifespan state)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.state: dict[str, Any] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # The lifespan fills the dict; each request gets a shallow copy, as uvicorn does,
        # so what one request puts on request.state does not leak into the next.
        scope["state"] = self.state if scope["type"] == "lifespan" else dict(self.state)
        await self.app(scope, receive, send)


@dataclass
class RunningApp(Generic[S]):
    """A started app: ``client`` calls it, ``runtime`` is the one it built at start-up.

    ``transport`` is how ``client`` reaches the app; another HTTP client (a generated
    API client, say) passes it to its own ``httpx2.AsyncClient`` to call the same app.
    """

    app: FastAPI
    client: httpx2.AsyncClient
    transport: httpx2.ASGITransport
    settings: S
    runtime: Runtime[S]
    consumer: str | None
    handlers: Mapping[str, EventHandler]

    def bearer(
        self,
        subject: str,
        *,
        admin: bool = False,
        manager: ProgrammeIds = (),
        mentor: ProgrammeIds = (),
        mentee: ProgrammeIds = (),
    ) -> dict[str, str]:
        """Headers with a token the app accepts (see :func:`tandem_kit.testing.bearer`)."""
        return bearer(
            self.settings.auth, subject, admin=admin, manager=manager, mentor=mentor, mentee=mentee
        )

    async def deliver(self, event: Event | Envelope, *, event_id: UUID | None = None) -> bool:
        """Hand ``event`` to the app's consumer path (inbox row + effect, one transaction);
        ``False`` when it was already delivered. Pass the same ``event_id`` (or the same
        envelope) again to redeliver."""
        if self.consumer is None:
            raise RuntimeError("run_app(..., definition=...) names the consumer to deliver to")
        return await deliver(
            self.runtime.database, self.consumer, self.handlers, event, event_id=event_id
        )

    async def deliver_together(self, events: Sequence[Event | Envelope]) -> int:
        """Hand ``events`` to the app's consumer path as consecutive records of one
        partition (one transaction, batch handlers given their runs); how many were new."""
        if self.consumer is None:
            raise RuntimeError("run_app(..., definition=...) names the consumer to deliver to")
        return await deliver_together(self.runtime.database, self.consumer, self.handlers, events)

    @overload
    async def outbox(self, event_class: type[E], *, after: int = 0) -> list[E]: ...
    @overload
    async def outbox(self, event_class: None = None, *, after: int = 0) -> list[OutboxEvent]: ...
    async def outbox(
        self, event_class: type[E] | None = None, *, after: int = 0
    ) -> list[E] | list[OutboxEvent]:
        """The events written to the app's outbox (see :func:`outbox_events`)."""
        if event_class is None:
            return await outbox_events(self.runtime.database, after=after)
        return await outbox_events(self.runtime.database, event_class, after=after)

    async def outbox_tombstones(self, record: type[Event], *, after: int = 0) -> list[str]:
        """The keys of the tombstones of ``record`` written to the app's outbox."""
        return await outbox_tombstones(self.runtime.database, record, after=after)

    async def outbox_position(self) -> int:
        return await outbox_position(self.runtime.database)


@asynccontextmanager
async def run_app(
    app: FastAPI,
    settings: S,
    *,
    definition: ServiceDefinition[S] | None = None,
    handlers: Callable[[Runtime[S]], Mapping[str, EventHandler]] | None = None,
    base_url: str = "http://testserver",
    raise_app_exceptions: bool = True,
    startup_timeout: float = 60,
    shutdown_timeout: float = 60,
) -> AsyncIterator[RunningApp[S]]:
    """Start ``app`` (built with ``settings``) and yield it running.

    ``definition`` names the consumer (its inbox) and builds its handlers, so
    :meth:`RunningApp.deliver` runs the very handlers the Kafka consumer runs;
    ``handlers`` overrides how they are built. ``raise_app_exceptions=False``
    turns an unhandled error into the 500 response a client would see.
    """
    if settings.auth.jwks_url is None:
        ensure_local_key(settings.auth.local_key_path)  # the app verifies with this key
    shared = _SharedState(app)
    async with LifespanManager(
        shared, startup_timeout=startup_timeout, shutdown_timeout=shutdown_timeout
    ) as manager:
        runtime: Runtime[S] = shared.state["runtime"]
        build = handlers or (definition.handlers if definition is not None else None)
        transport = httpx2.ASGITransport(app=manager.app, raise_app_exceptions=raise_app_exceptions)
        async with httpx2.AsyncClient(transport=transport, base_url=base_url) as client:
            yield RunningApp(
                app=app,
                client=client,
                transport=transport,
                settings=settings,
                runtime=runtime,
                consumer=definition.name if definition is not None else None,
                handlers=build(runtime) if build is not None else {},
            )
