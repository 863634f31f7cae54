"""deploy/local/postgres.sh, for real: a PostgreSQL cluster on loopback without Docker.

The shared cluster (port 55432) is started and left running: other tests use it. The
full life cycle (stop, restart with data kept, reset) runs on a second, private cluster.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "deploy" / "local" / "postgres.sh"
PORT = int(os.environ.get("TANDEM_PG_PORT", "55432"))
SERVICE_DATABASES = (
    "tandem_matching",
    "tandem_messaging",
    "tandem_meetings",
    "tandem_analytics",
    "tandem_test",
)

pytestmark = pytest.mark.postgres


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


def run(*args: str, env: Mapping[str, str] | None = None) -> Result:
    # Files, not pipes: a server the script starts must not hold our pipe open.
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        completed = subprocess.run(
            ["bash", str(SCRIPT), *args],
            stdout=out,
            stderr=err,
            env={**os.environ, **(env or {})},
            timeout=300,
            check=False,
        )
        out.seek(0)
        err.seek(0)
        return Result(completed.returncode, out.read(), err.read())


def asyncpg_dsn(url: str) -> str:
    assert url.startswith("postgresql+asyncpg://"), url
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


def test_start_is_idempotent_and_status_reports_the_running_cluster() -> None:
    first = run("start")
    assert first.returncode == 0, first.stderr
    second = run("start")
    assert second.returncode == 0, second.stderr
    assert "already running" in second.stderr, "a second start must be a no-op"
    assert "initdb" not in second.stderr
    status = run("status")
    assert status.returncode == 0, status.stderr
    assert f"127.0.0.1:{PORT}" in status.stderr


def test_url_prints_the_sqlalchemy_url_of_a_database() -> None:
    result = run("url", "tandem_test")
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.strip() == f"postgresql+asyncpg://tandem:tandem@127.0.0.1:{PORT}/tandem_test"
    )
    assert run("url").returncode != 0, "url without a database name must fail"


def test_unknown_command_is_refused() -> None:
    result = run("launch")
    assert result.returncode == 2
    assert "usage" in result.stderr


async def test_tandem_test_database_answers_over_tcp_as_tandem() -> None:
    assert run("start").returncode == 0
    url = run("url", "tandem_test").stdout.strip()
    connection = await asyncpg.connect(asyncpg_dsn(url), timeout=10)
    try:
        assert await connection.fetchval("select 1") == 1
        assert await connection.fetchval("select current_user") == "tandem"
        assert await connection.fetchval("select current_database()") == "tandem_test"
        # Loopback only, and tuned for tests (durability off on purpose).
        assert await connection.fetchval("show listen_addresses") == "127.0.0.1"
        assert await connection.fetchval("show fsync") == "off"
        assert await connection.fetchval("show server_encoding") == "UTF8"
    finally:
        await connection.close()


async def test_every_service_database_exists_and_belongs_to_tandem() -> None:
    assert run("start").returncode == 0
    url = run("url", "postgres").stdout.strip()
    connection = await asyncpg.connect(asyncpg_dsn(url), timeout=10)
    try:
        rows = await connection.fetch(
            "select datname, pg_get_userbyid(datdba) as owner from pg_database"
            " where datname = any($1::text[])",
            list(SERVICE_DATABASES),
        )
        assert {r["datname"]: r["owner"] for r in rows} == dict.fromkeys(
            SERVICE_DATABASES, "tandem"
        )
    finally:
        await connection.close()


async def test_wrong_password_is_rejected() -> None:
    assert run("start").returncode == 0
    with pytest.raises(asyncpg.InvalidPasswordError):
        await asyncpg.connect(f"postgresql://tandem:wrong@127.0.0.1:{PORT}/tandem_test", timeout=10)


# --- full life cycle on a private cluster ---------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def private_cluster() -> Iterator[dict[str, str]]:
    """Settings for a second cluster in its own directory, always reset afterwards."""
    # Under /tmp (world-traversable): as root the script hands the directory to its
    # unprivileged user, which must be able to reach it.
    base = tempfile.mkdtemp(prefix="tandem-pg-test-", dir="/tmp")
    env = {"TANDEM_PG_PORT": str(free_port()), "TANDEM_PG_BASE": base}
    try:
        yield env
    finally:
        run("reset", env=env)
        shutil.rmtree(base, ignore_errors=True)


@pytest.mark.slow
async def test_stop_keeps_the_data_and_reset_removes_it(private_cluster: dict[str, str]) -> None:
    env = private_cluster
    data = Path(env["TANDEM_PG_BASE"]) / "data"
    assert run("status", env=env).returncode == 1, "nothing runs before start"

    started = run("start", env=env)
    assert started.returncode == 0, started.stderr
    assert "initdb" in started.stderr
    url = asyncpg_dsn(run("url", "tandem_test", env=env).stdout.strip())
    assert url.endswith(f":{env['TANDEM_PG_PORT']}/tandem_test")
    connection = await asyncpg.connect(url, timeout=10)
    try:
        await connection.execute("create table kept (value text)")
        await connection.execute("insert into kept values ('still here')")
    finally:
        await connection.close()

    assert run("stop", env=env).returncode == 0
    assert run("status", env=env).returncode == 1, "status must fail once stopped"
    with pytest.raises(ConnectionRefusedError):
        await asyncpg.connect(url, timeout=5)
    assert run("stop", env=env).returncode == 0, "stop on a stopped cluster is a no-op"

    restarted = run("start", env=env)
    assert restarted.returncode == 0, restarted.stderr
    assert "initdb" not in restarted.stderr, "a restart must reuse the data directory"
    connection = await asyncpg.connect(url, timeout=10)
    try:
        assert await connection.fetchval("select value from kept") == "still here"
    finally:
        await connection.close()

    assert run("reset", env=env).returncode == 0
    assert run("status", env=env).returncode == 1
    assert not data.exists(), "reset must delete the data directory"
