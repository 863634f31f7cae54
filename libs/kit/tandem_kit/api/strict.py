"""Strict input, the same in every service: unknown body fields and query parameters are a 422.

A misspelt field or parameter must not be silently ignored: ``?stauts=withdrawn``
would return an unfiltered list, ``?dry_run=true`` would really write. Nor may a
value of another type pass for a boolean or a number (``"capacity": true``,
``"active": 1``, ``?available=0``). Request bodies subclass :class:`RequestModel`;
query parameters are checked by :class:`QueryNames`, which the app factory installs
on every route.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, get_args

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import RouteContext, iter_route_contexts
from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler
from pydantic_core import CoreSchema
from starlette.routing import BaseRoute

from tandem_kit.auth.dependencies import PRINCIPAL_SCOPE_KEY, get_principal, get_token_verifier
from tandem_kit.auth.principal import Principal
from tandem_kit.auth.tokens import AuthError

_SCALARS = frozenset({"bool", "int", "float"})


def _strict_scalars(node: object) -> None:
    if isinstance(node, dict):
        if node.get("type") in _SCALARS:
            node["strict"] = True
        for value in node.values():
            _strict_scalars(value)
    elif isinstance(node, list):
        for value in node:
            _strict_scalars(value)


class RequestModel(BaseModel):
    """Base of every request body: an unknown field is a 422 naming it, and a boolean,
    integer or number field takes only a JSON value of its own type.

    Pydantic's lax mode would read ``0``, ``1`` or ``"true"`` as a boolean and ``true`` or
    ``"3"`` as an integer, so a client's type confusion would pass unnoticed. The whole
    model cannot be ``strict=True``: FastAPI validates the *parsed* JSON in Python mode,
    where strict also refuses a UUID, a datetime or an enum given as its JSON string.
    So only the ``bool``, ``int`` and ``float`` parts of the schema are made strict,
    wherever they sit (optional, in lists, in nested models).
    """

    model_config = ConfigDict(extra="forbid")

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[BaseModel], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        # A copy: a nested model's schema may be the one it validates with itself.
        schema = copy.deepcopy(handler(source))
        _strict_scalars(schema)
        return schema


@dataclass(frozen=True, slots=True)
class _Query:
    """What a route takes in its query: the names, and which of them are booleans."""

    names: frozenset[str] = frozenset()
    booleans: frozenset[str] = frozenset()
    needs_principal: bool = False  # the route depends on the kit's bearer principal

    def __or__(self, other: _Query) -> _Query:
        return _Query(
            self.names | other.names,
            self.booleans | other.booleans,
            self.needs_principal or other.needs_principal,
        )


class QueryNames:
    """Rejects query parameters a route does not declare, and booleans not spelt as such.

    The accepted names of each route are computed once, from its dependant and all
    its dependencies (a query model counts with its fields), when the app is built;
    a request costs a dictionary look-up and a set check. A boolean parameter takes
    ``true`` or ``false`` only: pydantic would also read ``1``, ``on``, ``yes`` or ``t``,
    and ``?available=0`` silently meaning "false" is the look-alike confusion that
    :class:`RequestModel` refuses in bodies.
    """

    def __init__(self) -> None:
        self._accepted: dict[int, _Query] = {}
        self._routes: list[object] = []  # keeps the keys' objects alive, so ids stay unique

    def learn(self, routes: Sequence[BaseRoute | RouteContext]) -> None:
        for context in iter_route_contexts(routes):
            dependant = getattr(context, "dependant", None)
            if isinstance(dependant, Dependant):
                self._add(context.original_route, _query_of(dependant))

    def _add(self, route: object, query: _Query) -> _Query:
        # The same route included twice (under two prefixes) accepts what either accepts.
        key = id(route)
        if key not in self._accepted:
            self._routes.append(route)
        accepted = self._accepted.get(key, _Query()) | query
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
            accepted = self._add(route, _query_of(dependant))
        params = request.query_params
        errors: list[dict[str, Any]] = [
            {
                "loc": ("query", name),
                "msg": "Unknown query parameter",
                "type": "extra_forbidden",
                "input": params.get(name),
            }
            for name in params
            if name not in accepted.names
        ]
        errors += [
            {
                "loc": ("query", name),
                "msg": "Input should be true or false",
                "type": "bool_parsing",
                "input": value,
            }
            for name in accepted.booleans
            for value in params.getlist(name)
            if value.lower() not in ("true", "false")
        ]
        if errors:
            if accepted.needs_principal:
                # This app-wide dependency runs before the route's own: without this, a
                # caller with no valid token got a 422 naming the route's parameters.
                await _authenticate(request)
            raise RequestValidationError(errors)


async def _authenticate(request: Request) -> None:
    """Raise the kit's 401 (or 503) unless the request carries a valid bearer token; the
    verified principal is kept in the scope, as the guard does, for the route's own."""
    if isinstance(request.scope.get(PRINCIPAL_SCOPE_KEY), Principal):
        return
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthError.missing_token()
    request.scope[PRINCIPAL_SCOPE_KEY] = await get_token_verifier(request).verify(token.strip())


def _query_of(dependant: Dependant) -> _Query:
    names: set[str] = set()
    booleans: set[str] = set()
    needs_principal = False
    for current in _walk(dependant):
        needs_principal = needs_principal or current.call is get_principal
        for field in current.query_params:
            model = _model_of(field.field_info.annotation)
            fields = (
                [(field.alias, field.field_info.annotation)]
                if model is None
                else [(i.alias or n, i.annotation) for n, i in model.model_fields.items()]
            )
            for name, annotation in fields:
                names.add(name)
                if _is_boolean(annotation):
                    booleans.add(name)
    return _Query(frozenset(names), frozenset(booleans), needs_principal)


def _is_boolean(annotation: Any) -> bool:
    """``bool``, ``bool | None``, ``list[bool]``: any query value of it is a boolean."""
    return annotation is bool or bool in get_args(annotation)


def _walk(dependant: Dependant) -> Iterable[Dependant]:
    yield dependant
    for child in dependant.dependencies:
        yield from _walk(child)


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None
