"""The Jinja2 environment: templates and static files shipped inside the package,
autoescaped."""

from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates

PACKAGE = Path(__file__).resolve().parent
STATIC = PACKAGE / "static"
templates = Jinja2Templates(directory=PACKAGE / "templates")
