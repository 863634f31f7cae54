"""The risk reasons and suggested actions a programme manager reads are translated in
every analytics catalog but English: no ``reason.*`` or ``action.*`` entry whose
translation is its English source, and each keeps the source's ``$`` placeholders.

``load_catalogs`` rejects an empty translation; an English copy of the source passes
it, so a catalog could show a Polish manager English reasons without this test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from tandem_analytics.adapters.risk_words import LOCALE

CATALOGS = sorted(path for path in LOCALE.glob("*/LC_MESSAGES/analytics.po"))
TRANSLATED = [path for path in CATALOGS if path.parts[-3] != "en"]
MANAGER_CONTEXTS = ("reason.", "action.")
PLACEHOLDER = re.compile(r"\$\{?(\w+)\}?")


def manager_entries(path: Path) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(context, sources, translations) of the path's reason.* and action.* entries."""
    with path.open("rb") as source:
        catalog = read_po(source, locale=path.parts[-3])
    entries: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
    for message in catalog:
        if not message.id or not (message.context or "").startswith(MANAGER_CONTEXTS):
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        entries.append(
            (message.context or "", tuple(map(str, ids)), tuple(str(s or "") for s in strings))
        )
    return entries


def test_every_language_but_english_is_checked() -> None:
    assert len(TRANSLATED) == len(CATALOGS) - 1
    assert {path.parts[-3] for path in TRANSLATED} >= {"de", "fr", "pl", "ar", "uk"}


@pytest.mark.parametrize("path", TRANSLATED, ids=lambda path: path.parts[-3])
def test_no_reason_or_action_reads_its_english_source(path: Path) -> None:
    entries = manager_entries(path)
    assert entries, path
    english = [
        context
        for context, ids, strings in entries
        if any(string.strip() in {source.strip() for source in ids} for string in strings)
    ]
    assert not english, f"{path.parts[-3]}: English left in {english}"


@pytest.mark.parametrize("path", TRANSLATED, ids=lambda path: path.parts[-3])
def test_each_translation_keeps_the_placeholders(path: Path) -> None:
    for context, ids, strings in manager_entries(path):
        expected = set(PLACEHOLDER.findall(ids[0]))
        for string in strings:
            found = set(PLACEHOLDER.findall(string))
            assert found == expected, (path.parts[-3], context, string)
