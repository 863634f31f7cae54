"""Errors as RFC 9457 problem details (``application/problem+json``).

Use cases raise :class:`Problem` subclasses; the app factory renders them, and
FastAPI's own validation and HTTP errors, in the same machine-readable shape:
``{"type", "title", "status", "detail", "code", "errors"?}``.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"


class Problem(Exception):
    status = 400
    code = "bad_request"
    title = "Bad request"

    def __init__(
        self, detail: str, *, code: str | None = None, errors: list[dict[str, Any]] | None = None
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        if code is not None:
            self.code = code
        self.errors = errors


class BadRequest(Problem):
    pass


class Unauthorized(Problem):
    status, code, title = 401, "unauthorized", "Unauthorized"


class Forbidden(Problem):
    status, code, title = 403, "forbidden", "Forbidden"


class NotFound(Problem):
    status, code, title = 404, "not_found", "Not found"


class Conflict(Problem):
    status, code, title = 409, "conflict", "Conflict"


class Unprocessable(Problem):
    status, code, title = 422, "unprocessable", "Unprocessable content"


class Gone(Problem):
    """It existed and was deleted for good (e.g. content past its retention period)."""

    status, code, title = 410, "gone", "Gone"


class PayloadTooLarge(Problem):
    status, code, title = 413, "payload_too_large", "Payload too large"


def problem_response(
    status: int,
    title: str,
    detail: str,
    code: str,
    *,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "code": code,
    }
    if errors:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


async def _on_problem(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, Problem)
    return problem_response(
        error.status, error.title, error.detail, error.code, errors=error.errors
    )


async def _on_http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    if error.status_code == 405:
        return _method_not_allowed(request)
    code = getattr(error, "code", None) or {
        401: "unauthorized",
        403: "forbidden",
        404: "not_found",
        405: "method_not_allowed",
    }.get(error.status_code, "http_error")
    title = {401: "Unauthorized", 403: "Forbidden", 404: "Not found"}.get(
        error.status_code, "HTTP error"
    )
    headers = dict(error.headers) if error.headers else None
    return problem_response(error.status_code, title, str(error.detail), str(code), headers=headers)


def _method_not_allowed(request: Request) -> JSONResponse:
    # The router's own Allow names one route's methods; the app factory's
    # ``AllowedMethods`` (tandem_kit.api.methods) knows every route of the path.
    allowed = getattr(request.app.state, "allowed_methods", None)
    methods: list[str] = allowed.of(request.scope["path"]) if allowed is not None else []
    return problem_response(
        405,
        "Method not allowed",
        f"{request.method} is not allowed here; allowed: {', '.join(methods) or 'none'}.",
        "method_not_allowed",
        headers={"Allow": ", ".join(methods)},
    )


async def _on_validation_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    malformed = next((e for e in error.errors() if e.get("type") == "json_invalid"), None)
    if malformed is not None:
        # Not JSON at all is a malformed request (400), not content that fails its schema.
        reason = (malformed.get("ctx") or {}).get("error", "JSON decode error")
        where = list(malformed.get("loc", ()))[1:2]
        at = f" at character {where[0]}" if where else ""
        return problem_response(
            400, "Malformed JSON", f"The body is not valid JSON: {reason}{at}.", "malformed_json"
        )
    errors = [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
        for e in error.errors()
    ]
    unknown = [
        ".".join(str(part) for part in e["loc"]) for e in errors if e["type"] == "extra_forbidden"
    ]
    detail = "The request does not match the schema."
    if unknown:
        detail += " Unknown: " + ", ".join(unknown) + "."
    return problem_response(422, "Invalid request", detail, "validation_error", errors=errors)


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(Problem, _on_problem)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
