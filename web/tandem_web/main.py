"""The web app's one wiring point: settings, routes, static files, security headers."""

from __future__ import annotations

import argparse
from datetime import timedelta
from pathlib import Path

import uvicorn
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from tandem_kit.telemetry.logging import configure_logging
from tandem_web.adapters.sessions import SessionStore, load_or_create_key
from tandem_web.api import pages, sign_in
from tandem_web.security import security_headers
from tandem_web.service.sessions import Sessions
from tandem_web.settings import WebSettings
from tandem_web.templating import STATIC


def create_app(settings: WebSettings | None = None) -> FastAPI:
    settings = settings or WebSettings()
    app = FastAPI(title="Tandem web", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.settings = settings
    app.state.sessions = Sessions(
        SessionStore(
            Path(settings.session_database), load_or_create_key(Path(settings.session_key_file))
        ),
        idle=timedelta(minutes=settings.session_idle_minutes),
        absolute=timedelta(hours=settings.session_absolute_hours),
    )
    app.middleware("http")(security_headers)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(pages.router)
    app.include_router(sign_in.router)
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
