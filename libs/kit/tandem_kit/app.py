"""The app factory: every service is built here the same way.

A service describes itself with a :class:`ServiceDefinition` (its settings type,
routers, the topics it consumes and their handlers, its workers as
:class:`~tandem_kit.workers.WorkerSpec`); :func:`create_app` wires the rest once:
problem-details errors, strict query parameters, metrics and tracing middleware,
``/healthz``, ``/readyz``, ``/metrics``, and a lifespan that owns the database,
the Kafka producer, the outbox relay, the consumers and the workers.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Annotated, Any, Generic, TypedDict, TypeVar

from fastapi import APIRouter, Depends, FastAPI, Request, Response
from fastapi.telemetry import TelemetryConfig

from tandem_kit.api.methods import AllowedMethods, AnswerOptions
from tandem_kit.api.openapi import check_operation_ids, finish_document, operation_id
from tandem_kit.api.problems import problem_schema, problems
from tandem_kit.api.strict import QueryNames
from tandem_kit.clock import Clock, utc_now
from tandem_kit.db.migrations import upgrade_async
from tandem_kit.errors import install_problem_handlers, problem_response
from tandem_kit.guard import RequestGuard
from tandem_kit.idempotency import IdempotencyMiddleware, cleanup_worker, document_idempotency
from tandem_kit.kafka.consumer import EventConsumer
from tandem_kit.kafka.handlers import Handlers
from tandem_kit.kafka.health import ConsumerHealth
from tandem_kit.outbox.relay import OutboxRelay
from tandem_kit.runtime import Runtime, Supervisor, Worker
from tandem_kit.settings import ServiceSettings
from tandem_kit.telemetry.database import instrument_engine
from tandem_kit.telemetry.http import MetricsAndTracingMiddleware
from tandem_kit.telemetry.metrics import metrics_route
from tandem_kit.telemetry.tracing import configure_tracing, shutdown_tracing
from tandem_kit.workers import WorkerSpec

log = logging.getLogger(__name__)

S = TypeVar("S", bound=ServiceSettings)


@dataclass(frozen=True)
class ServiceDefinition(Generic[S]):
    """What a service is; ``settings`` is its settings class (``Runtime[S]`` follows)."""

    name: str
    title: str
    description: str
    version: str
    migrations: Path
    routers: Sequence[APIRouter]
    settings: type[S]
    consumes: Sequence[str] = ()
    handlers: Callable[[Runtime[S]], Handlers] | None = None
    workers: Sequence[WorkerSpec[S]] = ()
    openapi_tags: Sequence[dict[str, Any]] = ()


class State(TypedDict):
    runtime: Runtime[Any]


def runtime_of(request: Request, settings: type[S]) -> Runtime[S]:
    """The process's runtime, from the lifespan state copied onto each request.

    ``settings`` is the service's settings class, the one its ``ServiceDefinition``
    names: the app was built with it, so the runtime's settings are of that type.
    """
    runtime: Runtime[S] = request.state.runtime
    return runtime


async def get_runtime(request: Request) -> Runtime[ServiceSettings]:
    # async on purpose: FastAPI runs plain ``def`` dependencies in its thread pool,
    # a thread hop per request for an attribute read.
    return runtime_of(request, ServiceSettings)


# The runtime with the settings every service has; a service's own dependency
# (``api/deps.py``) reads it with its settings type through :func:`runtime_of`.
RuntimeDep = Annotated[Runtime[ServiceSettings], Depends(get_runtime)]


class _AfterKafka:
    """A worker that needs the producer: waits for the connection, then runs."""

    def __init__(self, runtime: Runtime[Any], build: Callable[[Any], Worker]) -> None:
        self._runtime = runtime
        self._build = build
        self._worker: Worker | None = None
        self._stopped = asyncio.Event()

    async def run(self) -> None:
        connect = asyncio.ensure_future(self._runtime.kafka.producer())
        stopped = asyncio.ensure_future(self._stopped.wait())
        await asyncio.wait({connect, stopped}, return_when=asyncio.FIRST_COMPLETED)
        if self._stopped.is_set():
            connect.cancel()
            return
        stopped.cancel()
        self._worker = self._build(connect.result())
        await self._worker.run()

    def stop(self) -> None:
        self._stopped.set()
        if self._worker is not None:
            self._worker.stop()


def _start_workers(
    definition: ServiceDefinition[S], runtime: Runtime[S], supervisor: Supervisor
) -> ConsumerHealth | None:
    """Start what runs here; the consumer's health (for ``/readyz``) if a consumer runs."""
    settings = runtime.settings
    health: ConsumerHealth | None = None
    if settings.run_relay:
        supervisor.start(
            "outbox-relay",
            lambda: _AfterKafka(
                runtime,
                lambda producer: OutboxRelay(
                    runtime.database,
                    producer,
                    service=definition.name,
                    batch_size=settings.outbox_batch_size,
                    poll_interval=settings.outbox_poll_interval_seconds,
                ),
            ),
        )
    if settings.run_consumers and definition.handlers is not None and definition.consumes:
        handlers = definition.handlers(runtime)
        # One for the app's life: a consumer restarted on the same record is no fresher.
        health = ConsumerHealth(definition.name, stall_after=settings.consumer_stall_seconds)
        supervisor.start(
            "consumer",
            lambda: _AfterKafka(
                runtime,
                lambda producer: EventConsumer(
                    name=definition.name,
                    database=runtime.database,
                    bootstrap_servers=settings.kafka_bootstrap_servers,
                    topics=definition.consumes,
                    handlers=handlers,
                    dead_letters=producer,
                    group_id=settings.kafka_consumer_group,
                    max_attempts=settings.consumer_max_attempts,
                    retry_backoff=settings.consumer_retry_backoff_seconds,
                    health=health,
                    batch_size=settings.consumer_batch_size,
                    # Measured often enough that a stall shows within the threshold.
                    lag_interval=min(5.0, settings.consumer_stall_seconds / 4),
                ),
            ),
        )
    if settings.run_api:  # the API stores the answers, so it deletes the expired ones
        supervisor.start(
            "idempotency-cleanup",
            lambda: cleanup_worker(
                runtime.database,
                settings.idempotency_retention_seconds,
                settings.idempotency_cleanup_interval_seconds,
                runtime.clock,
            ),
        )
    # The kit decides where each declared worker runs (its part, its settings switch).
    for spec in definition.workers:
        reason = spec.switched_on(settings)
        if reason is not None:
            log.info("worker %s does not run here: %s", spec.name, reason)
        supervisor.start(spec.name, partial(spec.worker, runtime))
    return health


def _lifespan(definition: ServiceDefinition[S], settings: S, clock: Clock) -> Any:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[State]:
        configure_tracing(definition.name)
        if settings.migrate_on_start:
            await upgrade_async(definition.migrations, settings.database_url)
        runtime = Runtime.from_settings(settings, clock)
        instrument_engine(runtime.database.engine, definition.name)
        app.state.token_verifier = runtime.verifier
        await runtime.verifier.warm_up()  # a bad key or unreachable JWKS stops start-up here
        connecting = asyncio.create_task(runtime.kafka.connect(), name="kafka-connect")
        supervisor = Supervisor()
        app.state.consumer_health = _start_workers(definition, runtime, supervisor)
        # Objects built at start-up live for the whole process: keep them out of the
        # collector's generations so a full collection stays short (measured 87 ms -> 1.5 ms).
        gc.freeze()
        try:
            yield {"runtime": runtime}
        finally:
            await supervisor.stop()
            connecting.cancel()
            await asyncio.gather(connecting, return_exceptions=True)
            await runtime.kafka.close()
            await runtime.verifier.aclose()
            await runtime.database.dispose()
            shutdown_tracing()

    return lifespan


def _operations_router() -> APIRouter:
    router = APIRouter(tags=["operations"])

    @router.get("/healthz", summary="The process is alive")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @router.get(
        "/readyz",
        summary="The database and Kafka are reachable, and the consumer is not stuck",
        # Each check by name ("database": "ok", ...); a failing one makes it a 503.
        response_model=dict[str, str],
        responses={503: problems(503)[503]},
    )
    async def readyz(request: Request, runtime: RuntimeDep) -> dict[str, str] | Response:
        checks: dict[str, str] = {}
        for name, probe in (("database", runtime.database.ping), ("kafka", runtime.kafka.ping)):
            try:
                await asyncio.wait_for(probe(), 3.0)
                checks[name] = "ok"
            except Exception as error:
                checks[name] = f"unavailable: {type(error).__name__}"
        health: ConsumerHealth | None = getattr(request.app.state, "consumer_health", None)
        stalls = health.stalls() if health is not None else []
        if stalls:
            # Only when failing, so that a ready answer stays the same with or without consumers.
            checks["consumer"] = "stalled on " + "; ".join(s.describe() for s in stalls)
        if all(v == "ok" for v in checks.values()):
            return {"status": "ready", **checks}
        failing = ", ".join(f"{k} {v}" for k, v in checks.items() if v != "ok")
        return problem_response(503, "Not ready", failing, "not_ready")

    return router


class ServiceApp(FastAPI):
    """A FastAPI app whose document is fit for client generators (:mod:`tandem_kit.api.openapi`).

    It always holds the ``ProblemDetails`` component, which every error response
    refers to; every POST operation shows the ``Idempotency-Key`` header the kit
    honours on it, and every operation the statuses the kit itself answers.
    """

    default_body_limit: int = 1024 * 1024  # set by create_app from the settings

    def openapi(self) -> dict[str, Any]:
        document = super().openapi()  # cached by FastAPI; each step below is idempotent
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        schemas.setdefault("ProblemDetails", problem_schema())
        document_idempotency(document)
        finish_document(document, default_body_limit=self.default_body_limit)
        return document


_NO_FASTAPI_TELEMETRY: TelemetryConfig = {
    "tracing": False,
    "metrics": False,
    "logs": False,
    "operation_spans": False,
    "auto_configure": False,
}


def create_app(definition: ServiceDefinition[S], settings: S, *, clock: Clock = utc_now) -> FastAPI:
    """The service's app; ``clock`` is every "now" of the process (tests pass a ManualClock)."""
    query_names = QueryNames()
    app = ServiceApp(
        title=definition.title,
        description=definition.description,
        version=definition.version,
        lifespan=_lifespan(definition, settings, clock),
        openapi_tags=list(definition.openapi_tags),
        generate_unique_id_function=operation_id,
        # Runs first on every route: an unknown query parameter is a 422 before any work.
        dependencies=[Depends(query_names)],
        # The kit's middleware traces and meters every request. FastAPI's native
        # telemetry would add a second SERVER span and INTERNAL spans per request
        # as soon as any global provider exists, and read OTEL_* to export itself.
        telemetry=_NO_FASTAPI_TELEMETRY,
    )
    app.default_body_limit = settings.max_body_bytes
    install_problem_handlers(app)
    app.include_router(_operations_router())
    app.router.routes.append(metrics_route())
    if settings.run_api:
        for router in definition.routers:
            app.include_router(router)
    check_operation_ids(app.routes)
    query_names.learn(app.routes)
    # OPTIONS and the Allow header of a 405 (the problem handler reads it from the state).
    app.state.allowed_methods = allowed = AllowedMethods()
    allowed.learn(app.routes)
    # Innermost: the guard has checked the body's size and the token before a key is
    # looked up, and the answer it holds back is sent only after its transaction commits.
    app.add_middleware(
        IdempotencyMiddleware,
        retention_seconds=settings.idempotency_retention_seconds,
        clock=clock,
    )
    # Inside telemetry, so that refused requests are still counted and traced.
    app.add_middleware(
        RequestGuard,
        fastapi_app=app,
        max_body_bytes=settings.max_body_bytes,
        max_json_depth=settings.max_json_depth,
    )
    app.add_middleware(AnswerOptions, allowed=allowed)
    app.add_middleware(MetricsAndTracingMiddleware, service_name=definition.name)
    return app
