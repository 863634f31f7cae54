"""Response headers every page carries: a Content-Security-Policy without inline scripts
or styles (htmx and the few islands are files served from 'self'), no framing, no
sniffing, no referrer leaving the site.

Forms post to 'self' only, and to the OIDC provider's origin when the web app signs in
with one: browsers hold the redirects that follow a form to ``form-action`` too, and
signing out (a POST) ends in the provider's end-session endpoint."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import cache
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


@cache
def policy_with_provider(issuer: str) -> str:
    """The policy whose forms may also lead to the provider at ``issuer``."""
    parts = urlsplit(issuer)
    origin = f"{parts.scheme}://{parts.netloc}"
    return CONTENT_SECURITY_POLICY.replace("form-action 'self'", f"form-action 'self' {origin}")


async def security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    settings = getattr(request.app.state, "settings", None)
    if settings is not None and settings.oidc_client_id:
        response.headers.setdefault(
            "Content-Security-Policy", policy_with_provider(settings.auth.issuer)
        )
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response
