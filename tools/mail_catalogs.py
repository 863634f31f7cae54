"""Write a service's gettext template (``<domain>.pot``) from its English source and
bring every language's ``<domain>.po`` in line with it (Babel, like ``pybabel update``).

The English source is the service's ``domain/mail_texts.py`` (``TEMPLATES``: template
id -> (subject, text); ``WORDS`` and, if any, ``SHARED_WORDS``: msgctxt -> text; a tuple
is a (singular, plural)).
Each ``.po`` keeps its translations of entries whose msgid did not change; a changed
or new entry is written untranslated, so the service's catalog refuses to load until a
translator fills it in (``tandem_kit.i18n`` loads strictly). ``Plural-Forms`` is always
CLDR's (``tandem_kit.i18n.plural_forms``).

``--translations FILE.json`` (``{language: {msgctxt: text or [forms]}}``) fills or
replaces translations, e.g. a translator's delivery.

Run: ``uv run python tools/mail_catalogs.py meetings [--translations FILE.json]``
"""

from __future__ import annotations

import argparse
import importlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from tandem_contracts.mails import CATALOG_LANGUAGES
from tandem_kit.i18n import plural_forms

ROOT = Path(__file__).resolve().parents[1]
Source = str | tuple[str, str]
Translation = str | list[str]
# Fixed dates, so that regenerating unchanged catalogs changes no byte.
STAMP = datetime(2026, 12, 2, tzinfo=UTC)


def sources(domain: str) -> dict[str, Source]:
    """Every msgctxt of the service's English source and its msgid(s)."""
    texts = importlib.import_module(f"tandem_{domain}.domain.mail_texts")
    found: dict[str, Source] = {}
    for name, (subject, text) in texts.TEMPLATES.items():
        found |= {f"{name}.subject": subject, f"{name}.text": text}
    # A service's other words in the same domain (analytics' risk reasons): without
    # them an update would drop their entries from every catalog.
    return found | dict(texts.WORDS) | dict(getattr(texts, "SHARED_WORDS", {}))


def _catalog(domain: str, language: str | None) -> Catalog:
    owner = f"{domain.capitalize()}'" + ("" if domain.endswith("s") else "s")
    catalog = Catalog(
        locale=language,
        domain=domain,
        header_comment=(
            f"# {owner} mails and words (the {domain} gettext domain).\n"
            f"# Source strings: tandem_{domain}/domain/mail_texts.py"
        ),
        project="Tandem",
        version="1",
        msgid_bugs_address="see SECURITY.md and CONTRIBUTING.md",
        creation_date=STAMP,
        revision_date=STAMP,
        last_translator="Tandem maintainers",
        language_team="Tandem maintainers",
        fuzzy=False,
    )
    if language is not None:
        header = plural_forms(language).header
        catalog.mime_headers = [
            *[(k, v) for k, v in catalog.mime_headers if k.lower() != "plural-forms"],
            ("Plural-Forms", header),
        ]
    return catalog


def _existing(path: Path) -> dict[str, tuple[Source, Translation]]:
    if not path.exists():
        return {}
    with path.open("rb") as source:
        catalog = read_po(source)
    kept: dict[str, tuple[Source, Translation]] = {}
    for message in catalog:
        if not message.id or message.context is None or message.fuzzy:
            continue
        msgid = message.id if isinstance(message.id, str) else tuple(message.id)
        string = message.string
        kept[message.context] = (
            msgid,  # type: ignore[assignment]
            string if isinstance(string, str) else list(string or ()),
        )
    return kept


def _write(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as target:
        write_po(target, catalog, width=0, omit_header=False)


def update(domain: str, delivered: Mapping[str, Mapping[str, Translation]]) -> list[str]:
    """Write the .pot and every .po; returns the (language, msgctxt) still untranslated."""
    locale = ROOT / "services" / domain / f"tandem_{domain}" / "locale"
    entries = sources(domain)
    template = _catalog(domain, None)
    for context, msgid in entries.items():
        template.add(msgid, context=context)
    _write(locale / f"{domain}.pot", template)
    missing: list[str] = []
    for language in sorted(CATALOG_LANGUAGES):
        path = locale / language / "LC_MESSAGES" / f"{domain}.po"
        kept = _existing(path)
        catalog = _catalog(domain, language)
        for context, msgid in entries.items():
            string: Translation = ""
            if context in kept and kept[context][0] == msgid:
                string = kept[context][1]
            if language == "en" and not string:  # English is the source itself
                string = list(msgid) if isinstance(msgid, tuple) else msgid
            string = delivered.get(language, {}).get(context, string)
            if isinstance(msgid, tuple) and isinstance(string, str):
                string = []  # a plural needs all its forms, never one copied
            if not string:
                missing.append(f"{language}: {context}")
            catalog.add(
                msgid, tuple(string) if isinstance(string, list) else string, context=context
            )
        _write(path, catalog)
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("domain", help="the service (its gettext domain), e.g. meetings")
    parser.add_argument("--translations", type=Path, help="JSON: {language: {msgctxt: text}}")
    args = parser.parse_args()
    delivered = json.loads(args.translations.read_text("utf-8")) if args.translations else {}
    missing = update(args.domain, delivered)
    for entry in missing:
        print(f"untranslated: {entry}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
