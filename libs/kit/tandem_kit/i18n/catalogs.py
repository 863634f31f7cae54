"""Load a service's gettext catalogs (``.po`` files in the repository) with Babel.

A service ships ``<directory>/<language>/LC_MESSAGES/<domain>.po``, one domain per
service (``messaging``, ``meetings``), so each owns its words and no two share a
message id. The ``.po`` files are compiled **in memory** when the catalog is
loaded (Babel's ``read_po`` then ``write_mo`` into a buffer, read back as
:class:`babel.support.Translations`): there is no compiled ``.mo`` in the
repository to drift from its source, no set-up step to forget in an image or a
checkout, and reading, checking and compiling messaging's 27 catalogs takes about
0.14 s once per process (measured on the 2-core CI machine under load).

Loading is strict, because a gap would silently mail English: an entry left
untranslated or fuzzy, a ``msgstr`` whose ``$placeholders`` differ from its
``msgid``'s, a ``Plural-Forms`` header other than CLDR's for the language
(:mod:`tandem_kit.i18n.plurals`), or a message the service declares but the
catalog lacks, each raise :class:`CatalogError` naming the file and the entry.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from string import Template

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from tandem_kit.i18n.plurals import plural_forms

__all__ = ["CatalogError", "Msg", "load_catalog", "load_catalogs", "placeholders"]


class CatalogError(ValueError):
    """A catalog is missing, incomplete or inconsistent with its messages."""


@dataclass(frozen=True, slots=True)
class Msg:
    """One translatable text: ``context`` is its id; ``plural`` makes it count ``$count``."""

    context: str
    singular: str
    plural: str | None = None

    @property
    def placeholders(self) -> frozenset[str]:
        return placeholders(self.singular) | placeholders(self.plural or "")


def placeholders(text: str) -> frozenset[str]:
    """The ``$name`` / ``${name}`` placeholders of a :class:`string.Template` text."""
    template = Template(text)
    if not template.is_valid():
        raise CatalogError(f"malformed placeholder in {text[:60]!r}: use $name, ${{name}} or $$")
    return frozenset(template.get_identifiers())


def _forms(message: Message) -> tuple[str, ...]:
    string = message.string
    if string is None or isinstance(string, str):
        return (string or "",)
    return tuple(form or "" for form in string)


def _check(path: Path, language: str, catalog: Catalog, messages: Iterable[Msg]) -> None:
    expected = plural_forms(language)
    if (catalog.num_plurals, catalog.plural_expr) != (expected.count, expected.expression):
        raise CatalogError(
            f"{path}: Plural-Forms must be CLDR's for {language!r}: {expected.header}"
        )
    for msg in messages:
        entry = catalog.get(msg.singular, msg.context)
        if entry is None:
            raise CatalogError(f"{path}: no entry for {msg.context!r}")
        if (msg.plural is None) != (not entry.pluralizable) or (
            msg.plural is not None and entry.id != (msg.singular, msg.plural)
        ):
            raise CatalogError(f"{path}: {msg.context!r} does not match its msgid (re-extract)")
        forms = _forms(entry)
        if entry.fuzzy or not all(forms) or len(forms) != (expected.count if msg.plural else 1):
            raise CatalogError(f"{path}: {msg.context!r} is untranslated, fuzzy or lacks forms")
        for form in forms:
            if placeholders(form) != msg.placeholders:
                raise CatalogError(
                    f"{path}: {msg.context!r} uses {sorted(placeholders(form))}, "
                    f"its msgid {sorted(msg.placeholders)}"
                )


def load_catalog(path: Path, language: str, messages: Iterable[Msg] = ()) -> Translations:
    """Read one ``.po`` file, check it against ``messages``, compile it in memory."""
    with path.open("rb") as source:
        catalog = read_po(source, locale=language.replace("-", "_"))
    _check(path, language, catalog, messages)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def load_catalogs(
    directory: Path, domain: str, messages: Iterable[Msg] = ()
) -> dict[str, Translations]:
    """Every ``<directory>/<language>/LC_MESSAGES/<domain>.po``, by language tag (``pt-br``)."""
    wanted = tuple(messages)
    found = sorted(directory.glob(f"*/LC_MESSAGES/{domain}.po"))
    if not found:
        raise CatalogError(f"no {domain}.po catalog under {directory}")
    return {
        path.parent.parent.name.replace("_", "-").lower(): load_catalog(
            path, path.parent.parent.name, wanted
        )
        for path in found
    }
