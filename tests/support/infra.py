"""Start the real local infrastructure through the project's scripts."""

from __future__ import annotations

import asyncio
import os
import subprocess
import tempfile
import uuid
from functools import cache
from pathlib import Path

import asyncpg
from sqlalchemy.engine.url import make_url

from tandem_kit.kafka.provision import default_topics, provision_topics

REPO_ROOT = Path(__file__).resolve().parents[2]
KAFKA_SCRIPT = REPO_ROOT / "deploy" / "local" / "kafka.sh"
POSTGRES_SCRIPT = REPO_ROOT / "deploy" / "local" / "postgres.sh"
# The same variable kafka.sh reads, so a second checkout can run beside this one.
KAFKA_BOOTSTRAP = f"127.0.0.1:{os.environ.get('TANDEM_KAFKA_PORT', '9092')}"


def kafka_data_dir() -> Path:
    """Where kafka.sh keeps the broker's data (the same variables it reads)."""
    if "TANDEM_KAFKA_DATA" in os.environ:
        return Path(os.environ["TANDEM_KAFKA_DATA"])
    cache = Path(os.environ.get("TANDEM_CACHE_DIR", REPO_ROOT / ".cache"))
    return cache / "kafka" / "data"


def _run(script: Path, *args: str) -> str:
    # Files, not pipes: a server the script leaves running must not hold our pipe open.
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        completed = subprocess.run(
            ["bash", str(script), *args],
            stdout=out,
            stderr=err,
            text=True,
            timeout=600,
            check=False,
        )
        out.seek(0)
        err.seek(0)
        if completed.returncode != 0:
            raise RuntimeError(f"{script.name} {' '.join(args)} failed: {err.read()[-2000:]}")
        return out.read().strip()


@cache
def ensure_kafka() -> str:
    _run(KAFKA_SCRIPT, "start")
    asyncio.run(provision_topics(KAFKA_BOOTSTRAP, default_topics()))
    return KAFKA_BOOTSTRAP


def restart_kafka(stop_only: bool = False) -> None:
    _run(KAFKA_SCRIPT, "stop")
    if not stop_only:
        _run(KAFKA_SCRIPT, "start")


def start_kafka() -> None:
    _run(KAFKA_SCRIPT, "start")


@cache
def ensure_postgres() -> str:
    _run(POSTGRES_SCRIPT, "start")
    return _run(POSTGRES_SCRIPT, "url", "postgres")


def _asyncpg_dsn(sqlalchemy_url: str) -> str:
    return sqlalchemy_url.replace("postgresql+asyncpg://", "postgresql://")


async def create_postgres_database(admin_url: str) -> str:
    name = f"t_{uuid.uuid4().hex[:16]}"
    connection = await asyncpg.connect(_asyncpg_dsn(admin_url))
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


async def drop_postgres_database(admin_url: str, url: str) -> None:
    name = make_url(url).database
    connection = await asyncpg.connect(_asyncpg_dsn(admin_url))
    try:
        for attempt in range(20):
            try:
                await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                return
            except asyncpg.exceptions.InsufficientPrivilegeError:
                # An autovacuum worker (a superuser backend) is in the database; the
                # test role may not terminate it, so wait for it to finish.
                if attempt == 19:
                    raise
                await asyncio.sleep(0.5)
    finally:
        await connection.close()
