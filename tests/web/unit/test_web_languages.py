"""The interface in six languages: every word of every template is in every catalog, the
page follows the browser's Accept-Language until the person switches."""

from __future__ import annotations

from pathlib import Path

import httpx2
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from tandem_web.domain.languages import LANGUAGES, choose, preferred
from tandem_web.main import create_app
from tandem_web.settings import WebSettings

PACKAGE = Path(__file__).resolve().parents[3] / "web" / "tandem_web"


def template_messages() -> set[str]:
    found = extract_from_dir(
        PACKAGE / "templates",
        method_map=[("**.html", "jinja2")],
        options_map={"**.html": {"extensions": "jinja2.ext.i18n"}},
    )
    return {message if isinstance(message, str) else message[0] for _, _, message, _, _ in found}


def test_the_templates_have_words_to_translate() -> None:
    assert {"Sign in", "Sign out", "Signed in as %(name)s."} <= template_messages()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_template_message_is_translated_in_every_catalog(language: str) -> None:
    with (PACKAGE / "locale" / language / "LC_MESSAGES" / "web.po").open("rb") as source:
        catalog = read_po(source, locale=language)
    missing = sorted(m for m in template_messages() if m not in catalog or not catalog[m].string)
    assert missing == [], f"{language}: untranslated {missing}"
    if language != "en":
        copied = [m for m in template_messages() if catalog[m].string == m and m != "Tandem"]
        assert copied == [], f"{language}: English left in {copied}"


def test_negotiation() -> None:
    assert preferred("fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5") == ["fr-CH", "fr", "en"]
    assert choose(None, "el-GR,el;q=0.9") == "el"
    assert choose(None, "pt-BR") == "pt"
    assert choose(None, "ja, ko;q=0.5") == "en"
    assert choose(None, None) == "en"
    assert choose("de", "el-GR") == "de"  # the person's own choice wins
    assert choose("xx", "es") == "es"  # an unknown cookie value is ignored


async def test_the_page_follows_the_browser_then_the_switch(tmp_path: Path) -> None:
    settings = WebSettings(
        environment="test",
        session_database=str(tmp_path / "s.db"),
        session_key_file=str(tmp_path / "s.key"),
    )
    transport = httpx2.ASGITransport(app=create_app(settings))
    async with httpx2.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        greek = await client.get("/", headers={"Accept-Language": "el-GR,el;q=0.9"})
        assert '<html lang="el">' in greek.text
        assert "Σύνδεση" in greek.text
        assert greek.headers["content-language"] == "el"
        switched = await client.get("/language", params={"to": "de", "back": "/sign-in"})
        assert switched.status_code == 303
        assert switched.headers["location"] == "/sign-in"
        german = await client.get("/", headers={"Accept-Language": "el-GR"})
        assert '<html lang="de">' in german.text
        assert "Anmelden" in german.text
        # The switch never sends anyone to another site, and refuses unknown languages.
        # Browsers drop tabs and newlines from a URL: "/\t/evil" would become "//evil".
        for elsewhere in ("//evil.example/x", "/\t/evil.example", "/\n/evil", "/\\evil", "/x\\y"):
            away = await client.get("/language", params={"to": "fr", "back": elsewhere})
            assert away.headers["location"] == "/", elsewhere
        assert (await client.get("/language", params={"to": "xx"})).status_code == 422
