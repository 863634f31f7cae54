"""The command line every service shares: ``tandem-<service> <command>``.

``serve`` runs the API, the outbox relay and the consumers in one process (the
default); ``api``, ``relay`` and ``consume`` run one part each so operators can
scale them separately (each still serves ``/healthz``, ``/readyz`` and
``/metrics``). ``migrate`` applies migrations; ``provision-topics`` creates the
Kafka topics; ``openapi`` prints the OpenAPI document. A service adds commands of
its own with ``commands`` (matching: ``compile-engine``); each takes the settings.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

import uvicorn

from tandem_kit.app import ServiceDefinition, create_app
from tandem_kit.db.migrations import upgrade
from tandem_kit.kafka.provision import default_topics, provision_topics
from tandem_kit.settings import ServiceSettings
from tandem_kit.telemetry.logging import configure_logging

S = TypeVar("S", bound=ServiceSettings)

_PARTS = {
    "serve": {"run_api": True, "run_relay": True, "run_consumers": True},
    "api": {"run_api": True, "run_relay": False, "run_consumers": False},
    "relay": {"run_api": False, "run_relay": True, "run_consumers": False},
    "consume": {"run_api": False, "run_relay": False, "run_consumers": True},
}


def run_service_cli(
    definition: ServiceDefinition[S],
    load_settings: Callable[[], S] | None = None,
    argv: Sequence[str] | None = None,
    *,
    commands: Mapping[str, Callable[[S], object]] | None = None,
) -> None:
    """``load_settings`` defaults to the definition's settings class (read from the env);
    ``commands`` are the service's own, by name (they cannot replace the kit's)."""
    own = dict(commands or {})
    builtin = [*_PARTS, "migrate", "provision-topics", "openapi"]
    if clash := set(own) & set(builtin):
        raise ValueError(f"commands {sorted(clash)} are the kit's")
    parser = argparse.ArgumentParser(prog=f"tandem-{definition.name}")
    parser.add_argument("command", choices=[*builtin, *own], help="what to run")
    args = parser.parse_args(argv)
    configure_logging(definition.name)  # JSON lines with trace ids, uvicorn's too
    settings = (load_settings or definition.settings)()
    if args.command in own:
        own[args.command](settings)
    elif args.command == "migrate":
        upgrade(definition.migrations, settings.database_url)
    elif args.command == "provision-topics":
        created = asyncio.run(provision_topics(settings.kafka_bootstrap_servers, default_topics()))
        print(f"created {len(created)} topics" if created else "all topics exist")
    elif args.command == "openapi":
        app = create_app(definition, settings)
        json.dump(app.openapi(), sys.stdout, indent=2)
    else:
        settings = settings.model_copy(update=_PARTS[args.command])
        uvicorn.run(
            create_app(definition, settings),
            host=settings.http_host,
            port=settings.http_port,
            lifespan="on",
            access_log=False,  # request metrics and traces say more, at less cost
            timeout_graceful_shutdown=30,
            log_config=None,  # uvicorn's records go through the kit's JSON handler
        )
