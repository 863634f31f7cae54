"""What one service process holds while it runs, and the loop that keeps its workers alive.

:class:`Runtime` is the typed lifespan state: the service's own settings (``Runtime`` is
generic in their type), the database, the shared Kafka producer, the token
verifier and the clock. Workers (the outbox relay, the
consumers, a mail relay, a scheduler) run under a :class:`Supervisor` that
restarts a crashed worker with backoff and, on shutdown, lets each finish what
it has in hand.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from aiokafka import AIOKafkaProducer

from tandem_kit.auth import TokenVerifier
from tandem_kit.clock import Clock, utc_now
from tandem_kit.db.database import Database
from tandem_kit.kafka.producer import create_producer
from tandem_kit.privacy import PersonalVault
from tandem_kit.settings import ServiceSettings

log = logging.getLogger(__name__)

S = TypeVar("S", bound=ServiceSettings)


class Worker(Protocol):
    async def run(self) -> None: ...

    def stop(self) -> None: ...


class KafkaConnection:
    """One idempotent producer per process, started in the background with retries.

    The API does not need Kafka to accept writes (events wait in the outbox), so
    a broker that is down at start-up delays the relay, not the process.
    """

    def __init__(self, bootstrap_servers: str, client_id: str) -> None:
        self.bootstrap_servers = bootstrap_servers
        self._client_id = client_id
        self._producer: AIOKafkaProducer | None = None
        self._connected = asyncio.Event()

    async def connect(self) -> AIOKafkaProducer:
        delay = 0.5
        while self._producer is None:
            producer = create_producer(self.bootstrap_servers, client_id=self._client_id)
            try:
                await producer.start()
            except Exception as error:
                await producer.stop()
                log.warning("Kafka not reachable (%s); retrying in %.1fs", error, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10.0)
                continue
            self._producer = producer
            self._connected.set()
        return self._producer

    async def producer(self) -> AIOKafkaProducer:
        await self._connected.wait()
        assert self._producer is not None
        return self._producer

    async def ping(self, timeout: float = 2.0) -> None:
        """Raise unless the broker answers a metadata request within ``timeout``."""
        if self._producer is None:
            raise ConnectionError("Kafka producer not connected yet")
        await asyncio.wait_for(self._producer.client.fetch_all_metadata(), timeout)

    async def close(self) -> None:
        if self._producer is not None:
            await self._producer.stop()  # flushes what is still buffered
            self._producer = None


@dataclass
class Runtime(Generic[S]):
    settings: S
    database: Database
    kafka: KafkaConnection
    verifier: TokenVerifier
    # Every "now" of the process; tests hand in a ManualClock through create_app.
    clock: Clock = utc_now

    @classmethod
    def from_settings(cls, settings: S, clock: Clock = utc_now) -> Runtime[S]:
        return cls(
            settings=settings,
            database=Database(
                settings.database_url,
                pool_size=settings.database_pool_size,
                vault=PersonalVault(
                    settings.master_key_bytes(),
                    namespace=f"tandem.{settings.service_name}.personal/v1",
                ),
            ),
            kafka=KafkaConnection(
                settings.kafka_bootstrap_servers,
                settings.kafka_client_id or f"tandem-{settings.service_name}",
            ),
            verifier=TokenVerifier(settings.auth),
            clock=clock,
        )


@dataclass
class Supervisor:
    """Runs workers as tasks; restarts one that crashes; drains them on stop.

    This is the one crash policy of every worker: a crash is logged and a fresh worker
    starts after a backoff (0.5 s doubling to 30 s; back to 0.5 s once a worker has run
    ``healthy_after`` seconds, so a rare failure never costs a long pause).
    """

    drain_timeout: float = 20.0
    healthy_after: float = 60.0
    _workers: dict[str, Worker] = field(default_factory=dict)
    _tasks: dict[str, asyncio.Task[None]] = field(default_factory=dict)
    _stopping: bool = False
    _stopped: asyncio.Event = field(default_factory=asyncio.Event)

    def start(self, name: str, make: Callable[[], Worker]) -> None:
        self._tasks[name] = asyncio.create_task(self._keep_running(name, make), name=name)

    async def _keep_running(self, name: str, make: Callable[[], Worker]) -> None:
        delay = 0.5
        loop = asyncio.get_running_loop()
        while not self._stopping:
            worker = make()
            self._workers[name] = worker
            started = loop.time()
            try:
                await worker.run()
                return  # a clean return means it was asked to stop
            except asyncio.CancelledError:
                raise
            except Exception:
                if loop.time() - started >= self.healthy_after:
                    delay = 0.5
                log.exception("worker %s crashed; restarting in %.1fs", name, delay)
                # Waits out the backoff, unless stop() comes first: no restart then.
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopped.wait(), delay)
                delay = min(delay * 2, 30.0)

    async def stop(self) -> None:
        self._stopping = True
        self._stopped.set()
        for worker in self._workers.values():
            worker.stop()
        if not self._tasks:
            return
        _, pending = await asyncio.wait(self._tasks.values(), timeout=self.drain_timeout)
        for task in pending:
            log.warning("worker %s did not drain in time; cancelling", task.get_name())
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    @property
    def running(self) -> list[str]:
        return [name for name, task in self._tasks.items() if not task.done()]
