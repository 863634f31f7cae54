"""A small synchronous client for the demo: bearer tokens and problem details made readable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2

from tandem_kit.auth import mint_token
from tandem_kit.settings import AuthSettings


class ApiError(RuntimeError):
    pass


class Tokens:
    """Mints local tokens signed by the same key the services verify with."""

    def __init__(self, key_path: Path) -> None:
        self._settings = AuthSettings(local_key_path=str(key_path))

    def admin(self) -> str:
        return mint_token(self._settings, "demo-admin", admin=True)

    def manager(self, programme_id: str) -> str:
        return mint_token(self._settings, "demo-manager", manager=[programme_id])

    def participant(self, subject: str, role: str, programme_id: str) -> str:
        grants = {"mentor": [programme_id]} if role == "mentor" else {"mentee": [programme_id]}
        return mint_token(self._settings, subject, **grants)  # type: ignore[arg-type]


class Api:
    def __init__(self, base_url: str) -> None:
        self._http = httpx2.Client(base_url=base_url, timeout=60)

    def call(self, method: str, path: str, token: str, **kwargs: Any) -> Any:
        response = self._http.request(
            method, path, headers={"Authorization": f"Bearer {token}"}, **kwargs
        )
        if response.status_code >= 400:
            raise ApiError(f"{method} {path} -> {response.status_code}: {response.text[:500]}")
        return response.json() if response.content else None

    def pages(self, path: str, token: str, **params: Any) -> Iterator[dict[str, Any]]:
        cursor = None
        while True:
            page = self.call(
                "GET",
                path,
                token,
                params={**params, "limit": 200, **({"cursor": cursor} if cursor else {})},
            )
            yield from page["items"]
            cursor = page.get("next_cursor")
            if not cursor:
                return

    def close(self) -> None:
        self._http.close()
