"""The demo's look at the web app: its sign-in page, as a browser would fetch it."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import httpx2

OFFERED = re.compile(
    r'name="subject" value="([^"]+)">\s*'
    r'<button type="submit">([^<]*)</button>\s*<span>([^<]*)</span>'
)


@dataclass(frozen=True)
class WebUser:
    subject: str
    name: str
    label: str  # "manager of …", "mentee in …", "admin"


def web_sign_in_users(web_url: str) -> list[WebUser]:
    """The demo users the web app's local sign-in offers (it reads them from matching's
    API, with a token from the demo's local key), as its page lists them."""
    page = httpx2.get(f"{web_url}/sign-in", timeout=30)
    page.raise_for_status()
    return [
        WebUser(html.unescape(s), html.unescape(n), html.unescape(label))
        for s, n, label in OFFERED.findall(page.text)
    ]


def users_to_try(users: list[WebUser], mentee: str | None, mentor: str | None) -> list[WebUser]:
    """Whom to sign in as first: the managers, the admin, and a pair with a conversation
    and a kick-off meeting (the demo's own)."""
    wanted = [u for u in users if u.label.startswith("manager") or u.label == "admin"]
    return wanted + [u for u in users if u.subject in {mentee, mentor} and u not in wanted]
