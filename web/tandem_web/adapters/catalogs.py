"""The interface's words: one Babel catalog per language (locale/<lang>/LC_MESSAGES/web.po),
read and compiled in memory at start."""

from __future__ import annotations

from pathlib import Path

from babel.support import Translations

from tandem_kit.i18n.catalogs import load_catalog
from tandem_web.domain.languages import LANGUAGES

LOCALE = Path(__file__).resolve().parents[1] / "locale"


def load_interface_catalogs() -> dict[str, Translations]:
    return {
        language: load_catalog(LOCALE / language / "LC_MESSAGES" / "web.po", language)
        for language in LANGUAGES
    }
