"""Property-based fuzzing of one running service through its own OpenAPI document.

Schemathesis generates the requests (valid ones, and invalid ones: wrong types, missing
or extra fields, out-of-range values, over-long strings, malformed ids) from the
document the app serves; the requests go through the app's real ASGI stack and
database (``tandem_kit.testing.run_app``), not a mock. Every answer is checked:

- never a 5xx, and never an exception out of the app;
- its status, content type, headers and body are what the document says
  (schemathesis' conformance checks: a generated client must be able to read it);
- every error is ``application/problem+json`` with a machine-readable ``code``;
- a refused write (a 4xx to POST, PUT, PATCH or DELETE) leaves every table as it was.

Callers are drawn per example: each service's test names them (tokens for each role,
none, a forged one, an expired one). Path ids are drawn from the world the test built
(so the role checks and use cases run, not only the 404 of an unknown id) or generated.

Hypothesis runs in a worker thread (its test function is synchronous) while the app
stays on the test's event loop; each example's request is handed to that loop. The run
is derandomized (the same examples on every run and machine) and bounded by
``max_examples`` per operation, so CI time stays fixed; ``TANDEM_FUZZ_EXAMPLES=200``
fuzzes deeper on a developer's machine (the same checks, more cases).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx2
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import checks as generic_checks
from schemathesis.core.result import Ok
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi import checks as openapi_checks
from sqlalchemy import MetaData, Select, func, select

from tandem_kit.db.database import Database

PROBLEM_JSON = "application/problem+json"
WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CHECKS = [
    generic_checks.not_a_server_error,
    openapi_checks.status_code_conformance,
    openapi_checks.content_type_conformance,
    openapi_checks.response_headers_conformance,
    openapi_checks.response_schema_conformance,
]
# Tables that change whoever asks and whatever the answer (none yet); the migrations'
# bookkeeping never changes while the app runs.
UNCHECKED_TABLES = frozenset({"alembic_version"})


@dataclass(frozen=True)
class Target:
    """One running service to fuzz."""

    client: httpx2.AsyncClient
    database: Database
    document: dict[str, Any]
    callers: Mapping[str, Mapping[str, str]]  # name -> headers ({} for anonymous)
    known_ids: Mapping[str, str]  # path parameter name -> an id of the test's world
    # "METHOD /path" -> why it is not fuzzed (e.g. /readyz is 503 with Kafka unreachable)
    excluded: Mapping[str, str] = field(default_factory=dict)
    # Callers without a valid token: every operation that needs one answers them a 401.
    unauthenticated: frozenset[str] = frozenset()
    max_examples: int = int(os.environ.get("TANDEM_FUZZ_EXAMPLES", "8"))  # per operation


@dataclass
class Report:
    """What was sent: a walk that sent nothing, or only 4xx, cannot pass unnoticed."""

    operations: set[str] = field(default_factory=set)
    statuses: dict[str, set[int]] = field(default_factory=dict)
    callers: set[str] = field(default_factory=set)

    def saw(self, label: str, caller: str, status: int) -> None:
        self.operations.add(label)
        self.statuses.setdefault(label, set()).add(status)
        self.callers.add(caller)


async def reflect(database: Database) -> MetaData:
    """Every table, reflected once: the schema does not change while the fuzzer runs."""
    metadata = MetaData()
    async with database.transaction() as session:
        connection = await session.connection()
        await connection.run_sync(lambda c: metadata.reflect(c))
    return metadata


def snapshot_query(tables: MetaData) -> Select[Any]:
    """One statement that reads every row of every table (outbox and inbox included: what
    a write could change) as one text per table. One round trip instead of one per table:
    the fuzzer takes a snapshot around every write it sends, and per-table selects were
    most of its time. SQLite's ``quote`` and ``group_concat``: the apps run on SQLite."""
    columns = []
    for name, t in sorted(tables.tables.items()):
        if name in UNCHECKED_TABLES:
            continue
        row: Any = func.quote(t.c[0])
        for column in list(t.c)[1:]:
            row = row.concat(",").concat(func.quote(column))
        rows = select(row.label("r")).select_from(t).order_by("r").subquery()
        columns.append(select(func.group_concat(rows.c.r, "\n")).scalar_subquery().label(name))
    return select(*columns)


async def snapshot(database: Database, query: Select[Any]) -> dict[str, str | None]:
    async with database.transaction() as session:
        return dict((await session.execute(query)).mappings().one())


def _label(operation: Any) -> str:
    return f"{operation.method.upper()} {operation.path}"


def _path_names(operation: Any) -> list[str]:
    return [p.name for p in operation.path_parameters]


def _has_inputs(operation: Any, *, besides_path: bool) -> bool:
    """Whether a negative case can exist (schemathesis has nothing to make invalid else)."""
    definition = operation.definition.raw
    parameters = [
        p for p in definition.get("parameters", []) if not besides_path or p.get("in") != "path"
    ]
    return bool(parameters) or "requestBody" in definition


def strategies(operation: Any, known: Mapping[str, str]) -> list[Any]:
    """Positive and negative cases, with the world's ids in the path and with generated ones."""
    names = _path_names(operation)
    fixed = {name: known[name] for name in names if name in known}
    found = [operation.as_strategy(GenerationMode.POSITIVE)]
    if fixed:
        found.append(operation.as_strategy(GenerationMode.POSITIVE, path_parameters=fixed))
    if _has_inputs(operation, besides_path=False):
        found.append(operation.as_strategy(GenerationMode.NEGATIVE))
    if fixed and _has_inputs(operation, besides_path=True):
        found.append(operation.as_strategy(GenerationMode.NEGATIVE, path_parameters=fixed))
    return found


def _request(case: Any, headers: Mapping[str, str]) -> requests.PreparedRequest:
    """The case as the bytes a client sends (requests encodes JSON, forms and multipart)."""
    kwargs = case.as_transport_kwargs(base_url="http://testserver")
    # The caller's token replaces whatever the case generated for Authorization.
    merged = {
        k: v for k, v in (kwargs.pop("headers", None) or {}).items() if k.lower() != "authorization"
    }
    merged.update(headers)
    kwargs.pop("timeout", None)
    kwargs.pop("allow_redirects", None)
    kwargs.pop("verify", None)
    return requests.Request(headers=merged, **kwargs).prepare()


class Fuzzer:
    def __init__(self, target: Target, loop: asyncio.AbstractEventLoop, tables: MetaData) -> None:
        self.target = target
        self.loop = loop
        self.everything = snapshot_query(tables)
        self.report = Report()

    def _run(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result()

    async def _send(self, prepared: requests.PreparedRequest) -> httpx2.Response:
        body = prepared.body.encode() if isinstance(prepared.body, str) else prepared.body
        assert body is None or isinstance(body, bytes)  # requests encodes every case's body
        headers = {k: v if isinstance(v, str) else v.decode() for k, v in prepared.headers.items()}
        return await self.target.client.request(
            str(prepared.method), str(prepared.path_url), headers=headers, content=body
        )

    def example(self, case: Any, caller: str) -> None:
        label = _label(case.operation)
        prepared = _request(case, self.target.callers[caller])
        writes = case.method.upper() in WRITES
        before = self._run(snapshot(self.target.database, self.everything)) if writes else None
        try:
            response = self._run(self._send(prepared))
        except Exception as error:  # the app raised instead of answering: a 500
            raise AssertionError(f"{label} as {caller}: the app raised {error!r}") from error
        self.report.saw(label, caller, response.status_code)
        where = f"{label} as {caller}: {response.status_code} {response.text[:300]}"
        case.validate_response(response, checks=CHECKS)
        if caller in self.target.unauthenticated and case.operation.definition.raw.get("security"):
            assert response.status_code == 401, f"{where}: not refused as unauthenticated"
        if response.status_code >= 400:
            kind = response.headers.get("content-type", "")
            assert kind.startswith(PROBLEM_JSON), f"{where}: an error as {kind!r}"
            body = response.json()
            assert body.get("status") == response.status_code, where
            assert isinstance(body.get("code"), str), f"{where}: no machine-readable code"
        if before is not None and 400 <= response.status_code < 500:
            after = self._run(snapshot(self.target.database, self.everything))
            changed = sorted(n for n in before if before[n] != after.get(n))
            assert not changed, f"{where}: a refused write changed {changed}"

    def operation(self, operation: Any) -> None:
        # One budget per operation, shared by its kinds of case (hypothesis' own cost of
        # generating a case is most of the fuzzer's time, so the budget is what bounds it).
        cases = st.one_of(strategies(operation, self.target.known_ids))

        @settings(
            max_examples=self.target.max_examples,
            derandomize=True,  # the same examples on every run: a failure reproduces
            database=None,  # no example database left in the work tree
            deadline=None,  # the shared CI machine's speed is not under test
            phases=[Phase.explicit, Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
            report_multiple_bugs=False,
        )
        @given(case=cases, caller=st.sampled_from(sorted(self.target.callers)))
        def run(case: Any, caller: str) -> None:
            self.example(case, caller)

        run()


async def fuzz(target: Target) -> Report:
    """Fuzz every operation of ``target``'s document; raise on the first failure found."""
    schema = schemathesis.openapi.from_dict(target.document)
    operations = []
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), result.err()  # an operation schemathesis cannot read
        operations.append(result.ok())
    fuzzer = Fuzzer(target, asyncio.get_running_loop(), await reflect(target.database))

    def walk() -> None:
        for operation in operations:
            if _label(operation) not in target.excluded:
                fuzzer.operation(operation)

    await asyncio.to_thread(walk)
    return fuzzer.report


def documented(document: Mapping[str, Any]) -> set[str]:
    """Every operation of a document, as the fuzzer labels them."""
    return {
        f"{method.upper()} {path}"
        for path, operations in document["paths"].items()
        for method in operations
    }
