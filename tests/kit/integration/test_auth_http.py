"""Auth over HTTP: a FastAPI app guarded by CurrentPrincipal and the principal's roles.

Errors are rendered by the kit's problem+json handlers, as in every service.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx2
import jwt
import pytest
from asgi_lifespan import LifespanManager
from fastapi import FastAPI

from tandem_kit.auth import (
    AuthError,
    CurrentPrincipal,
    TokenVerifier,
    install_auth,
    mint_token,
    require_admin,
)
from tandem_kit.errors import install_problem_handlers
from tandem_kit.settings import AuthSettings

ROUTE = "/programmes/{programme_id}/report"


def build_app() -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)

    @app.get(ROUTE)
    async def report(programme_id: str, principal: CurrentPrincipal) -> dict[str, str]:
        if not (principal.is_admin or principal.manages(programme_id)):
            raise AuthError.forbidden("This report is for the programme's managers.")
        return {"subject": principal.subject, "programme": programme_id}

    @app.get("/admin")
    async def admin(principal: CurrentPrincipal) -> dict[str, str]:
        require_admin(principal)
        return {"subject": principal.subject}

    return app


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> AuthSettings:
    key_path = tmp_path_factory.mktemp("auth") / "signing.pem"
    return AuthSettings(issuer="tandem-test", audience="tandem", local_key_path=str(key_path))


@pytest.fixture
async def client(settings: AuthSettings) -> AsyncIterator[httpx2.AsyncClient]:
    app = build_app()
    verifier = install_auth(app, settings)
    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(transport=transport, base_url="http://tandem.test") as client:
        yield client
    await verifier.aclose()


@pytest.fixture
def token(settings: AuthSettings) -> Callable[..., str]:
    def make(subject: str = "alice", **kwargs: Any) -> str:
        return mint_token(settings, subject, **kwargs)

    return make


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_problem(response: httpx2.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert (body["status"], body["code"]) == (status, code)
    assert body["detail"]


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": ""}, {"Authorization": "Bearer"}, {"Authorization": "Basic YTpi"}],
)
async def test_no_token_is_401_with_bare_bearer_challenge(
    client: httpx2.AsyncClient, headers: dict[str, str]
) -> None:
    response = await client.get("/programmes/p1/report", headers=headers)
    assert_problem(response, 401, "missing_token")
    assert response.headers["www-authenticate"] == "Bearer"


def _bad_tokens(settings: AuthSettings, make: Callable[..., str]) -> dict[str, str]:
    good = make(manager=["p1"])
    head, body, signature = good.split(".")
    flipped = "A" if signature[10] != "A" else "B"
    tampered = f"{head}.{body}.{signature[:10]}{flipped}{signature[11:]}"
    hs256 = jwt.encode(
        jwt.decode(good, options={"verify_signature": False}), "x" * 32, algorithm="HS256"
    )
    return {
        "garbage": "not-a-jwt",
        "tampered": tampered,
        "expired": make(manager=["p1"], now=time.time() - 7200),
        "wrong_audience": mint_token(
            settings.model_copy(update={"audience": "elsewhere"}), "alice", manager=["p1"]
        ),
        "wrong_issuer": mint_token(
            settings.model_copy(update={"issuer": "https://evil.example"}), "alice", manager=["p1"]
        ),
        "wrong_algorithm": hs256,
    }


@pytest.mark.parametrize(
    "kind",
    ["garbage", "tampered", "expired", "wrong_audience", "wrong_issuer", "wrong_algorithm"],
)
async def test_bad_token_is_401_invalid_token(
    client: httpx2.AsyncClient, settings: AuthSettings, token: Callable[..., str], kind: str
) -> None:
    bad = _bad_tokens(settings, token)[kind]
    response = await client.get("/programmes/p1/report", headers=bearer(bad))
    assert_problem(response, 401, "invalid_token")
    challenge = response.headers["www-authenticate"]
    assert challenge.startswith('Bearer error="invalid_token", error_description="')


async def test_valid_mentee_is_403(client: httpx2.AsyncClient, token: Callable[..., str]) -> None:
    response = await client.get("/programmes/p1/report", headers=bearer(token(mentee=["p1"])))
    assert_problem(response, 403, "forbidden")
    assert "www-authenticate" not in response.headers


async def test_manager_of_another_programme_is_403(
    client: httpx2.AsyncClient, token: Callable[..., str]
) -> None:
    response = await client.get("/programmes/p1/report", headers=bearer(token(manager=["p2"])))
    assert_problem(response, 403, "forbidden")


async def test_manager_of_this_programme_is_200(
    client: httpx2.AsyncClient, token: Callable[..., str]
) -> None:
    response = await client.get(
        "/programmes/p1/report", headers=bearer(token("mia", manager=["p2", "p1"]))
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"subject": "mia", "programme": "p1"}


async def test_admin_is_200(client: httpx2.AsyncClient, token: Callable[..., str]) -> None:
    response = await client.get("/programmes/p1/report", headers=bearer(token("root", admin=True)))
    assert response.status_code == 200, response.text
    admin_page = await client.get("/admin", headers=bearer(token("root", admin=True)))
    assert admin_page.status_code == 200
    manager = bearer(token(manager=["p1"]))
    assert_problem(await client.get("/admin", headers=manager), 403, "forbidden")


async def test_verifier_from_lifespan_state(
    settings: AuthSettings, token: Callable[..., str]
) -> None:
    """A verifier yielded as lifespan state (request.state) is found too."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[dict[str, Any]]:
        async with TokenVerifier(settings) as verifier:
            yield {"token_verifier": verifier}

    app = build_app()
    app.router.lifespan_context = lifespan
    async with LifespanManager(app) as manager:
        transport = httpx2.ASGITransport(app=manager.app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://tandem.test") as client:
            headers = bearer(token(manager=["p1"]))
            ok = await client.get("/programmes/p1/report", headers=headers)
            assert ok.status_code == 200, ok.text
            denied = await client.get("/programmes/p2/report", headers=headers)
            assert_problem(denied, 403, "forbidden")


async def test_app_without_verifier_fails_closed(token: Callable[..., str]) -> None:
    transport = httpx2.ASGITransport(app=build_app())
    async with httpx2.AsyncClient(transport=transport, base_url="http://tandem.test") as client:
        with pytest.raises(RuntimeError, match="install_auth"):
            await client.get("/programmes/p1/report", headers=bearer(token(admin=True)))


def test_openapi_declares_the_bearer_scheme() -> None:
    schema = build_app().openapi()
    scheme = schema["components"]["securitySchemes"]["bearer"]
    assert (scheme["type"], scheme["scheme"], scheme["bearerFormat"]) == ("http", "bearer", "JWT")
    assert schema["paths"][ROUTE]["get"]["security"] == [{"bearer": []}]
