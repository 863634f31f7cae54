"""The demo's look at the web app: its sign-in page, as a browser would fetch it."""

from __future__ import annotations

import httpx2


def web_sign_in_users(web_url: str) -> int:
    """How many demo users the web app's local sign-in offers (it reads them from
    matching's API, with a token from the demo's local key)."""
    page = httpx2.get(f"{web_url}/sign-in", timeout=30)
    page.raise_for_status()
    return page.text.count('action="/sign-in/local"')
