"""The Jinja2 environment: templates and static files shipped inside the package,
autoescaped, with gettext bound to the language of the request being rendered."""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path

import jinja2
from babel.support import NullTranslations
from fastapi.templating import Jinja2Templates

from tandem_web.domain.figures import day, number, share
from tandem_web.domain.local_times import local_time, zone_name

PACKAGE = Path(__file__).resolve().parent
STATIC = PACKAGE / "static"
_environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(PACKAGE / "templates"),
    autoescape=jinja2.select_autoescape(default=True),
    extensions=["jinja2.ext.i18n"],
)
# Times in the reader's zone and language (CLDR): {{ local_time(moment, zone, language) }}.
_environment.globals.update(local_time=local_time, zone_name=zone_name)
# Figures likewise: {{ share(0.125, language) }}, {{ number(3.5, language) }}, {{ day(d, ...) }}.
_environment.globals.update(share=share, number=number, day=day)
templates = Jinja2Templates(env=_environment)
current_translations: ContextVar[NullTranslations | None] = ContextVar(
    "current_translations", default=None
)
_UNTRANSLATED = NullTranslations()


def _translations() -> NullTranslations:
    return current_translations.get() or _UNTRANSLATED


def _gettext(message: str) -> str:
    return _translations().gettext(message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _translations().ngettext(singular, plural, n)


_environment.install_gettext_callables(_gettext, _ngettext, newstyle=True)  # type: ignore[attr-defined]
