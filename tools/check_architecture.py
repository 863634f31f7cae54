"""Check the architecture rules that review alone would let slip.

Imports (every ``import`` anywhere in a module, function-local ones included):

- No service imports another service; ``libs/`` never imports a service; the web app
  (``web/``) imports no service either: it talks to them over their public HTTP APIs,
  through the clients generated from their documents (``tandem_web.clients``,
  ``tools/web_clients.py``), which only its ``adapters/`` import (a router or a use case
  calling a service directly would bypass the one place that turns a service's failure
  into a section that says so).
- ``libs/contracts`` is pure: pydantic and the standard library, no I/O packages.
- No relative imports, in ``libs/`` or ``services/``: ``from . import x`` is a breach.
  Forbidden rather than resolved, so that every import names the layer it reaches
  and a reader sees it as the rules below do.
- Inside a service, the layers hold: ``domain/`` is pure (no SQL, Kafka, HTTP, kit or
  other layers), ``api/`` holds no SQL and no Kafka and never reaches ``adapters/``
  (routers call use cases), ``service/`` holds no SQL statements (repositories in
  ``adapters/`` do), ``adapters/`` never imports ``service/`` or ``api/`` (use cases call
  repositories, not the other way round), and ``schemas/`` never imports ``service/`` or
  ``adapters/`` (API schemas describe the wire, built from records).

Events are built in one place per service, ``service/events.py``: constructing a
contract event (``MessagePosted(...)``, ``MessagePosted.model_validate(...)``) anywhere
else in a service is a breach.

Shape: every service has the same top-level parts (``REQUIRED_SHAPE``) and
``migrations/env.py``, ``migrations/script.py.mako`` and ``migrations/versions/``.

Same file names per feature across layers. A *feature* is a module of ``api/``;
the modules in ``NOT_FEATURES`` are plumbing, not features. Then:

- every ``api/X.py`` has a ``service/X.py`` (its use cases) and a ``schemas/X.py``
  (its request and response bodies);
- every ``schemas/X.py`` has an ``api/X.py`` (no schema module outside a feature);
- every ``adapters/X.py`` has a ``service/X.py`` (repositories are named after the
  use cases they serve); ``adapters/X_tables.py`` holds feature X's tables when they
  live beside ``tables.py`` (on the one metadata of ``adapters/metadata.py``), so it
  too needs a ``service/X.py``.

``service/`` and ``domain/`` may hold modules of no feature (workers, access rules,
engines, consumers' use cases).

Breaches present when a rule was introduced are listed in ``ALLOWED`` until the
code is fixed; an entry that no longer matches a breach is itself a breach, so the
list only shrinks.

Run: ``uv run python tools/check_architecture.py [--root DIR]``; exits 1 and names
each breach. ``--root`` checks another tree (the scaffold's test generates one).
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Collection, Iterator
from functools import cache
from pathlib import Path

from tandem_contracts import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1]
IO_PACKAGES = {
    "sqlalchemy",
    "aiokafka",
    "fastapi",
    "starlette",
    "httpx",
    "httpx2",
    "asyncpg",
    "aiosqlite",
    "alembic",
    "aiosmtplib",
    "uvicorn",
    "tandem_kit",
}
REQUIRED_SHAPE = (
    "api",
    "api/deps.py",
    "schemas",
    "domain",
    "service",
    "service/context.py",
    "adapters",
    "adapters/tables.py",
    "consumers.py",
    "main.py",
    "settings.py",
)
REQUIRED_MIGRATIONS = ("env.py", "script.py.mako", "versions")
# Plumbing modules of a layer: not features, so the naming rules skip them.
NOT_FEATURES = {
    "api": {"__init__.py", "deps.py"},
    "schemas": {"__init__.py", "common.py"},
    "adapters": {"__init__.py", "tables.py", "metadata.py", "common.py"},
}
NAMING = "a feature's files share its name across layers"
ONE_PLACE = "outside service/events.py (one place per service)"

# Breaches of the rules above that were present when the rules came in (issue 9).
# The services' owners fix them and delete the line; a line left after its fix fails.
ALLOWED: frozenset[str] = frozenset()


@cache
def event_names() -> frozenset[str]:
    """The class names of every contract event (tandem_contracts registers them)."""
    return frozenset(
        model.__name__
        for model in EVENT_TYPES.values()
        if model.__module__.startswith("tandem_contracts.")
    )


_BUILDERS = {"model_validate", "model_validate_json", "model_construct"}


def built_events(path: Path, events: Collection[str]) -> set[str]:
    """Contract event classes a module constructs (called, or validated into), by their
    own names even when imported under another (``import MessagePosted as Posted``)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    names = {name: name for name in events}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tandem_contracts"):
            for alias in node.names:
                if alias.name in events and alias.asname:
                    names[alias.asname] = alias.name
    built: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in names:
            built.add(names[func.id])
        elif isinstance(func, ast.Attribute):
            if func.attr in events:
                built.add(func.attr)
            elif func.attr in _BUILDERS:
                target = func.value  # ``Event.model_validate`` or ``module.Event.model_validate``
                if isinstance(target, ast.Name) and target.id in names:
                    built.add(names[target.id])
                elif isinstance(target, ast.Attribute) and target.attr in events:
                    built.add(target.attr)
    return built


def check_events(path: Path, root: Path = ROOT) -> Iterator[str]:
    rel = path.relative_to(root)
    if rel.parts[0] != "services" or rel.parts[3:] == ("service", "events.py"):
        return
    for name in sorted(built_events(path, event_names())):
        yield f"{rel}: builds {name} {ONE_PLACE}"


def service_names(root: Path = ROOT) -> list[str]:
    services = root / "services"
    if not services.is_dir():
        return []
    return sorted(p.name for p in services.iterdir() if (p / "pyproject.toml").exists())


def imports_of(path: Path, first_party: Collection[str] = ()) -> Iterator[tuple[int, str, int]]:
    """``(line, module, level)`` of each import; ``from pkg import name`` is ``pkg.name`` when
    ``pkg`` is first-party (``from tandem_x import service`` reaches ``tandem_x.service``)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, 0
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 0 and top(module) in first_party:
                for alias in node.names:
                    yield node.lineno, f"{module}.{alias.name}", 0
            else:
                yield node.lineno, module, node.level


def top(module: str) -> str:
    return module.split(".")[0]


def _reaches(module: str, owner: str, *layers: str) -> bool:
    return any(
        module == f"{owner}.{layer}" or module.startswith(f"{owner}.{layer}.") for layer in layers
    )


def check_file(path: Path, services: list[str], root: Path = ROOT) -> Iterator[str]:
    rel = path.relative_to(root)
    parts = rel.parts
    service_packages = {f"tandem_{name}" for name in services}
    owner = f"tandem_{parts[1]}" if parts[0] == "services" else None
    layer = parts[3] if parts[0] == "services" and len(parts) > 4 else None
    web_layer = parts[2] if parts[:2] == ("web", "tandem_web") and len(parts) > 3 else None
    for line, module, level in imports_of(path, {*service_packages, "tandem_web"}):
        where = f"{rel}:{line}"
        if level > 0:
            yield f"{where}: relative import ({'.' * level}{module}); write the absolute module"
            continue
        package = top(module)
        if package in service_packages and parts[0] == "web":
            yield f"{where}: the web app imports a service ({module}); call its HTTP API"
        if (
            parts[0] == "web"
            and (module == "tandem_web.clients" or module.startswith("tandem_web.clients."))
            and web_layer not in {"adapters", "clients"}
        ):
            yield f"{where}: only the web app's adapters/ call the service clients ({module})"
        elif package in service_packages and package != owner:
            yield f"{where}: imports another service ({module})"
        if parts[:2] == ("libs", "contracts") and package in IO_PACKAGES:
            yield f"{where}: contracts must stay pure, but imports {module}"
        if owner is None:
            continue
        if layer == "domain" and (
            package in IO_PACKAGES or _reaches(module, owner, "adapters", "api", "service")
        ):
            yield f"{where}: domain/ must be pure, but imports {module}"
        if layer == "api" and (
            package in {"sqlalchemy", "aiokafka"} or _reaches(module, owner, "adapters")
        ):
            yield f"{where}: api/ must call use cases, not SQL or Kafka ({module})"
        if (
            layer == "service"
            and package == "sqlalchemy"
            and not module.startswith("sqlalchemy.ext.asyncio")
        ):
            yield f"{where}: service/ must leave SQL to adapters/ ({module})"
        if layer == "adapters" and _reaches(module, owner, "service", "api"):
            yield f"{where}: adapters/ must not import use cases or routers ({module})"
        if layer == "schemas" and _reaches(module, owner, "service", "adapters"):
            yield f"{where}: schemas/ must not import use cases or adapters ({module})"


def _modules(package: Path, layer: str) -> list[str]:
    folder = package / layer
    if not folder.is_dir():
        return []
    skip = NOT_FEATURES.get(layer, {"__init__.py"})
    return sorted(p.name for p in folder.glob("*.py") if p.name not in skip)


def check_names(name: str, root: Path = ROOT) -> Iterator[str]:
    package = root / "services" / name / f"tandem_{name}"
    where = package.relative_to(root)
    layers = {
        layer: _modules(package, layer) for layer in ("api", "schemas", "service", "adapters")
    }
    rules = (("api", "service"), ("api", "schemas"), ("schemas", "api"), ("adapters", "service"))
    for layer, partner in rules:
        for module in layers[layer]:
            feature = module
            if layer == "adapters" and module.endswith("_tables.py"):
                feature = module.removesuffix("_tables.py") + ".py"
            if not (package / partner / feature).exists():
                yield f"{where}/{layer}/{module}: no {partner}/{feature} ({NAMING})"


def check_shape(services: list[str], root: Path = ROOT) -> Iterator[str]:
    for name in services:
        package = root / "services" / name / f"tandem_{name}"
        for entry in REQUIRED_SHAPE:
            if not (package / entry).exists():
                yield f"services/{name}: missing {package.name}/{entry}"
        for entry in REQUIRED_MIGRATIONS:
            if not (root / "services" / name / "migrations" / entry).exists():
                yield f"services/{name}: missing migrations/{entry}"


def breaches(root: Path = ROOT, allowed: Collection[str] = ALLOWED) -> list[str]:
    services = service_names(root)
    found = list(check_shape(services, root))
    for name in services:
        found.extend(check_names(name, root))
    for base in ("libs", "services", "web"):
        for path in sorted((root / base).rglob("*.py")):
            if "migrations" in path.parts and "versions" in path.parts:
                continue
            found.extend(check_file(path, services, root))
            found.extend(check_events(path, root))
    problems = [problem for problem in found if problem not in allowed]
    stale = sorted(set(allowed) - set(found))
    problems.extend(f"allow-list entry no longer needed (delete it): {entry}" for entry in stale)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--root", type=Path, default=ROOT, help="the tree to check")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    # The allow-list describes this repository; another tree gets no exceptions.
    problems = breaches(root, ALLOWED if root == ROOT else ())
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} architecture breach(es)")
        return 1
    print(f"architecture ok: {len(service_names(root))} services checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
