"""Strict input, the same in every service: unknown body fields and query parameters are a 422.

A misspelt field or parameter must not be silently ignored: ``?stauts=withdrawn``
would return an unfiltered list, ``?dry_run=true`` would really write. Request
bodies subclass :class:`RequestModel`; query parameters are checked by
:class:`QueryNames`, which the app factory installs on every route.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import RouteContext, iter_route_contexts
from pydantic import BaseModel, ConfigDict
from starlette.routing import BaseRoute


class RequestModel(BaseModel):
    """Base of every request body: an unknown field is a 422 naming it."""

    model_config = ConfigDict(extra="forbid")


class QueryNames:
    """Rejects query parameters a route does not declare.

    The accepted names of each route are computed once, from its dependant and all
    its dependencies (a query model counts with its fields), when the app is built;
    a request costs a dictionary look-up and a set check.
    """

    def __init__(self) -> None:
        self._accepted: dict[int, frozenset[str]] = {}
        self._routes: list[object] = []  # keeps the keys' objects alive, so ids stay unique

    def learn(self, routes: Sequence[BaseRoute | RouteContext]) -> None:
        for context in iter_route_contexts(routes):
            dependant = getattr(context, "dependant", None)
            if isinstance(dependant, Dependant):
                self._add(context.original_route, _query_names(dependant))

    def _add(self, route: object, names: frozenset[str]) -> frozenset[str]:
        # The same route included twice (under two prefixes) accepts what either accepts.
        key = id(route)
        if key not in self._accepted:
            self._routes.append(route)
        accepted = self._accepted.get(key, frozenset()) | names
        self._accepted[key] = accepted
        return accepted

    async def __call__(self, request: Request) -> None:
        # ``async`` on purpose: FastAPI runs plain ``def`` dependencies in its thread pool.
        if not request.scope.get("query_string"):
            return
        route = request.scope.get("route")
        accepted = self._accepted.get(id(route))
        if accepted is None:  # a route added after the app was built
            dependant = getattr(route, "dependant", None)
            if not isinstance(dependant, Dependant):
                return
            accepted = self._add(route, _query_names(dependant))
        unknown = [name for name in request.query_params if name not in accepted]
        if unknown:
            raise RequestValidationError(
                [
                    {
                        "loc": ("query", name),
                        "msg": "Unknown query parameter",
                        "type": "extra_forbidden",
                        "input": request.query_params.get(name),
                    }
                    for name in unknown
                ]
            )


def _query_names(dependant: Dependant) -> frozenset[str]:
    names: set[str] = set()
    for current in _walk(dependant):
        for field in current.query_params:
            model = _model_of(field.field_info.annotation)
            if model is None:
                names.add(field.alias)
            else:
                names.update(info.alias or name for name, info in model.model_fields.items())
    return frozenset(names)


def _walk(dependant: Dependant) -> Iterable[Dependant]:
    yield dependant
    for child in dependant.dependencies:
        yield from _walk(child)


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None
