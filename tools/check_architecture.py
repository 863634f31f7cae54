"""Check the architecture rules that review alone would let slip.

- No service imports another service; ``libs/`` never imports a service.
- ``libs/contracts`` is pure: pydantic and the standard library, no I/O packages.
- Inside a service, the layers hold: ``domain/`` is pure (no SQL, Kafka, HTTP or
  other layers), ``api/`` holds no SQL and no Kafka (routers call use cases),
  ``service/`` holds no SQL statements (repositories in ``adapters/`` do).
- Every service has the same shape and file names.

Run: ``uv run python tools/check_architecture.py``; exits 1 and names each breach.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IO_PACKAGES = {
    "sqlalchemy",
    "aiokafka",
    "fastapi",
    "starlette",
    "httpx",
    "asyncpg",
    "aiosqlite",
    "alembic",
    "aiosmtplib",
    "uvicorn",
    "tandem_kit",
}
REQUIRED_SHAPE = (
    "api",
    "schemas",
    "domain",
    "service",
    "adapters",
    "consumers.py",
    "main.py",
    "settings.py",
)


def service_names(root: Path = ROOT) -> list[str]:
    services = root / "services"
    return sorted(p.name for p in services.iterdir() if (p / "pyproject.toml").exists())


def imports_of(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module


def top(module: str) -> str:
    return module.split(".")[0]


def check_file(path: Path, services: list[str], root: Path = ROOT) -> Iterator[str]:
    rel = path.relative_to(root)
    parts = rel.parts
    service_packages = {f"tandem_{name}" for name in services}
    owner = f"tandem_{parts[1]}" if parts[0] == "services" else None
    layer = parts[3] if parts[0] == "services" and len(parts) > 4 else None
    for line, module in imports_of(path):
        where = f"{rel}:{line}"
        package = top(module)
        if package in service_packages and package != owner:
            yield f"{where}: imports another service ({module})"
        if parts[:2] == ("libs", "contracts") and package in IO_PACKAGES:
            yield f"{where}: contracts must stay pure, but imports {module}"
        if owner is None:
            continue
        if layer == "domain" and (
            package in IO_PACKAGES
            or module.startswith((f"{owner}.adapters", f"{owner}.api", f"{owner}.service"))
        ):
            yield f"{where}: domain/ must be pure, but imports {module}"
        if layer == "api" and (
            package in {"sqlalchemy", "aiokafka"} or module.startswith(f"{owner}.adapters")
        ):
            yield f"{where}: api/ must call use cases, not SQL or Kafka ({module})"
        if layer == "service" and package == "sqlalchemy" and module != "sqlalchemy.ext.asyncio":
            yield f"{where}: service/ must leave SQL to adapters/ ({module})"


def check_shape(services: list[str], root: Path = ROOT) -> Iterator[str]:
    for name in services:
        package = root / "services" / name / f"tandem_{name}"
        for entry in REQUIRED_SHAPE:
            if not (package / entry).exists():
                yield f"services/{name}: missing {package.name}/{entry}"
        if not (root / "services" / name / "migrations" / "env.py").exists():
            yield f"services/{name}: missing migrations/env.py"


def breaches(root: Path = ROOT) -> list[str]:
    services = service_names(root)
    problems = list(check_shape(services, root))
    for base in ("libs", "services"):
        for path in sorted((root / base).rglob("*.py")):
            if "migrations" in path.parts and "versions" in path.parts:
                continue
            problems.extend(check_file(path, services, root))
    return problems


def main() -> int:
    problems = breaches()
    services = service_names()
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} architecture breach(es)")
        return 1
    print(f"architecture ok: {len(services)} services checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
