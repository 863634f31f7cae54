"""The web app's one wiring point: settings, routes, static files, security headers."""

from __future__ import annotations

import argparse
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

import uvicorn
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.requests import Request
from starlette.responses import Response

from tandem_kit.telemetry.logging import configure_logging
from tandem_web.adapters.catalogs import load_interface_catalogs
from tandem_web.adapters.service_calls import Unauthenticated, close_pools
from tandem_web.adapters.sessions import SessionStore, load_or_create_key
from tandem_web.api import (
    admin,
    agreements,
    availability,
    check_ins,
    conversations,
    dashboard,
    forums,
    goals,
    imports,
    introductions,
    language,
    mail_links,
    match_runs,
    meetings,
    notes,
    oidc_sign_in,
    pages,
    privacy,
    profile,
    programme_setup,
    relationships,
    rematching,
    reports,
    review,
    risk,
    sessions,
    sign_in,
)
from tandem_web.api.language import LANGUAGE_COOKIE
from tandem_web.body_limit import BodyLimit
from tandem_web.domain.languages import choose
from tandem_web.security import security_headers
from tandem_web.service.sessions import SessionEnded, Sessions
from tandem_web.settings import WebSettings
from tandem_web.templating import STATIC, current_translations


@asynccontextmanager
async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
    yield
    await close_pools()  # the services' connections, shared by every page's calls


def create_app(settings: WebSettings | None = None) -> FastAPI:
    settings = settings or WebSettings()
    app = FastAPI(
        title="Tandem web", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan
    )
    app.state.settings = settings
    app.state.sessions = Sessions(
        SessionStore(
            Path(settings.session_database), load_or_create_key(Path(settings.session_key_file))
        ),
        idle=timedelta(minutes=settings.session_idle_minutes),
        absolute=timedelta(hours=settings.session_absolute_hours),
    )
    catalogs = load_interface_catalogs()

    async def in_the_readers_language(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        chosen = choose(
            request.cookies.get(LANGUAGE_COOKIE), request.headers.get("accept-language")
        )
        request.state.language = chosen
        current_translations.set(catalogs[chosen])
        response = await call_next(request)
        response.headers["Content-Language"] = chosen
        return response

    app.middleware("http")(in_the_readers_language)
    app.middleware("http")(security_headers)
    app.add_middleware(BodyLimit)  # outermost: a body too large is refused before any read
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(pages.router)
    app.include_router(admin.router)
    app.include_router(sign_in.router)
    app.include_router(language.router)
    app.include_router(mail_links.router)
    app.include_router(oidc_sign_in.router)
    app.include_router(conversations.router)
    app.include_router(rematching.router)
    app.include_router(risk.router)
    app.include_router(sessions.router)
    app.add_exception_handler(SessionEnded, sessions.session_ended)
    app.add_exception_handler(Unauthenticated, sessions.session_ended)
    app.include_router(profile.router)
    app.include_router(availability.router)
    app.include_router(privacy.router)
    app.include_router(imports.router)
    app.include_router(match_runs.router)
    app.include_router(review.router)
    app.include_router(relationships.router)
    app.include_router(introductions.router)
    app.include_router(meetings.router)
    app.include_router(forums.router)
    app.include_router(reports.router)
    app.include_router(programme_setup.router)
    app.include_router(dashboard.router)
    app.include_router(agreements.router)
    app.include_router(goals.router)
    app.include_router(notes.router)
    app.include_router(check_ins.router)
    return app


def cli() -> None:
    parser = argparse.ArgumentParser(prog="tandem-web", description="Tandem's web app")
    parser.add_argument("command", choices=["serve"])
    parser.parse_args()
    settings = WebSettings()  # refuses production with the local sign-in, before serving
    configure_logging("web")
    uvicorn.run(
        create_app(settings),
        host=settings.http_host,
        port=settings.http_port,
        access_log=False,
        log_config=None,
    )
