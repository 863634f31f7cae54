"""A real Keycloak for sign-in tests, started by ``deploy/local/keycloak.sh``, and a
browser-free user agent that signs in through its login form.

    from tests.support.keycloak import Keycloak, keycloak_fixture  # noqa: F401

    async def test_it(keycloak: Keycloak) -> None:
        user = await keycloak.create_user(["mentee:p-1"])
        code = await keycloak.sign_in(authorization_url, user)     # the login form, POSTed
        ...

The fixture starts the server once per session, only when a test asks for it (the first
start builds the database and imports the realm: about 45 s here; a restart about 25 s),
and stops it at the end if it was the one that started it. Users and clients a test
creates through the admin API are its own (unique names) and are deleted afterwards.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import subprocess
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx2
import pytest

from tests.support.infra import REPO_ROOT

KEYCLOAK_SCRIPT = REPO_ROOT / "deploy" / "local" / "keycloak.sh"
REALM = "tandem"
CLIENT_ID = "tandem-web"
# The local realm file's client secret (deploy/local/keycloak/tandem-realm.json).
CLIENT_SECRET = "tandem-web-local-secret"
AUDIENCE = "tandem"
ADMIN = (
    os.environ.get("TANDEM_KEYCLOAK_ADMIN", "admin"),
    os.environ.get("TANDEM_KEYCLOAK_ADMIN_PASSWORD", "admin"),
)


def _script(*args: str) -> tuple[int, str]:
    # Files, not pipes: the server the script leaves running must not hold our pipe open.
    with tempfile.TemporaryFile("w+") as out:
        completed = subprocess.run(
            ["bash", str(KEYCLOAK_SCRIPT), *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=600,
            check=False,
        )
        out.seek(0)
        return completed.returncode, out.read().strip()


@dataclass(frozen=True)
class User:
    username: str
    password: str
    id: str = ""


@dataclass(frozen=True)
class Keycloak:
    """The running server's tandem realm, and the admin calls the tests need."""

    base_url: str
    created: list[tuple[str, str]] = field(default_factory=list)  # (kind, id) to delete

    @property
    def issuer(self) -> str:
        return f"{self.base_url}/realms/{REALM}"

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    @property
    def jwks_url(self) -> str:
        return f"{self.issuer}/protocol/openid-connect/certs"

    @property
    def authorization_endpoint(self) -> str:
        return f"{self.issuer}/protocol/openid-connect/auth"

    @property
    def token_endpoint(self) -> str:
        return f"{self.issuer}/protocol/openid-connect/token"

    async def admin_token(self) -> str:
        """An access token of the bootstrap admin, from the *master* realm."""
        async with httpx2.AsyncClient() as http:
            response = await http.post(
                f"{self.base_url}/realms/master/protocol/openid-connect/token",
                data={
                    "grant_type": "password",
                    "client_id": "admin-cli",
                    "username": ADMIN[0],
                    "password": ADMIN[1],
                },
            )
            response.raise_for_status()
            token: str = response.json()["access_token"]
            return token

    async def _admin(self, method: str, path: str, body: Any = None) -> httpx2.Response:
        headers = {"Authorization": f"Bearer {await self.admin_token()}"}
        async with httpx2.AsyncClient(base_url=f"{self.base_url}/admin/realms/{REALM}") as http:
            response = await http.request(method, path, json=body, headers=headers)
            response.raise_for_status()
            return response

    async def create_user(self, roles: Iterable[str], *, prefix: str = "test") -> User:
        """A new user of the tandem realm with these ``tandem_roles`` grants."""
        username = f"{prefix}-{uuid.uuid4().hex[:10]}"
        password = uuid.uuid4().hex
        response = await self._admin(
            "POST",
            "/users",
            {
                "username": username,
                "enabled": True,
                "email": f"{username}@tandem.test",
                "emailVerified": True,
                "firstName": "Test",
                "lastName": username,
                "attributes": {"tandem_roles": list(roles)},
                "credentials": [{"type": "password", "value": password, "temporary": False}],
            },
        )
        user_id = response.headers["location"].rsplit("/", 1)[-1]
        self.created.append(("users", user_id))
        return User(username, password, user_id)

    async def create_client(self, client_id: str, secret: str, **attributes: str) -> None:
        """A confidential client like ``tandem-web`` (PKCE S256, the two mappers), with
        extra client ``attributes`` (such as ``access.token.lifespan``)."""
        realm_file = REPO_ROOT / "deploy" / "local" / "keycloak" / "tandem-realm.json"
        [model] = json.loads(realm_file.read_text())["clients"]
        body = {
            **{k: v for k, v in model.items() if k not in {"id", "clientId", "secret", "name"}},
            "clientId": client_id,
            "secret": secret,
            "attributes": {**model["attributes"], **attributes},
        }
        response = await self._admin("POST", "/clients", body)
        self.created.append(("clients", response.headers["location"].rsplit("/", 1)[-1]))

    async def delete_created(self) -> None:
        while self.created:
            kind, ident = self.created.pop()
            await self._admin("DELETE", f"/{kind}/{ident}")

    async def sign_in(self, authorization_url: str, user: User) -> Mapping[str, str]:
        """Be the browser: open the authorization URL, fill in Keycloak's login form and
        post it, and return the query of the redirect back to the client (``code``,
        ``state``, ``iss``, or ``error``). Redirects to the client are not followed."""
        jar = http.cookiejar.CookieJar(policy=LoopbackIsSecure())
        async with httpx2.AsyncClient(follow_redirects=False, timeout=30, cookies=jar) as browser:
            response = await browser.get(authorization_url)
            while response.is_redirect and _same_origin(response, self.base_url):
                response = await browser.get(urljoin(str(response.url), _location(response)))
            if response.is_redirect:
                return _query(_location(response))  # an error sent straight back
            if response.status_code != 200:
                raise AssertionError(f"login page: {response.status_code} {response.text[:300]}")
            action = LoginForm.action_of(response.text)
            response = await browser.post(
                urljoin(str(response.url), action),
                data={"username": user.username, "password": user.password},
            )
            if not response.is_redirect:
                raise AssertionError(
                    f"login refused: {response.status_code} {response.text[:3000]}"
                )
            return _query(_location(response))


def _location(response: httpx2.Response) -> str:
    return response.headers["location"]


def _same_origin(response: httpx2.Response, base_url: str) -> bool:
    target = urlsplit(urljoin(str(response.url), _location(response)))
    base = urlsplit(base_url)
    return (target.scheme, target.netloc) == (base.scheme, base.netloc)


def _query(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


class LoopbackIsSecure(http.cookiejar.DefaultCookiePolicy):
    """Send ``Secure`` cookies to http://127.0.0.1 as browsers do (loopback is a secure
    context for them); Keycloak marks its login-session cookies ``Secure``."""

    def return_ok_secure(self, cookie: http.cookiejar.Cookie, request: Any) -> bool:
        host = urlsplit(request.get_full_url()).hostname
        return host in {"127.0.0.1", "localhost", "::1"} or bool(
            super().return_ok_secure(cookie, request)
        )


class LoginForm(HTMLParser):
    """Finds the ``action`` of Keycloak's login form (``id="kc-form-login"``)."""

    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "form" and values.get("id") == "kc-form-login":
            self.action = values.get("action")

    @classmethod
    def action_of(cls, page: str) -> str:
        parser = cls()
        parser.feed(page)
        if not parser.action:
            raise AssertionError("no login form on the page")
        return parser.action


@pytest.fixture(scope="session", name="keycloak_server")
def keycloak_server_fixture() -> Iterator[str]:
    """The base URL of a running Keycloak with the tandem realm (started when needed)."""
    already_running = _script("status")[0] == 0
    code, output = _script("start")
    if code != 0:
        raise RuntimeError(f"keycloak.sh start failed: {output[-2000:]}")
    _, url = _script("url")
    yield url.removesuffix(f"/realms/{REALM}")
    if not already_running:
        _script("stop")


@pytest.fixture(name="keycloak")
async def keycloak_fixture(keycloak_server: str) -> AsyncIterator[Keycloak]:
    """The realm for one test; what the test creates through the admin API is deleted."""
    server = Keycloak(keycloak_server)
    yield server
    await server.delete_created()
