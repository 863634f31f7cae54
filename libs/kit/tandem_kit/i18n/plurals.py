"""Gettext ``Plural-Forms`` derived from CLDR's plural rules (through Babel), for whole numbers.

Babel's own table (:mod:`babel.messages.plurals`) is an old hand-kept list: it gives
Hungarian and Turkish one form, Arabic a wrong rule for 100-102, and misses
CLDR's "many" of French, Spanish, Italian and Portuguese (``1 000 000 de messages``).
The counts in mails are whole numbers, so the categories a catalog needs are those
CLDR assigns to integers; :func:`plural_forms` writes them as a gettext expression
(indexes in CLDR's order: zero, one, two, few, many, other) that
:func:`gettext.c2py` accepts. Catalogs are written with it and the loader refuses
a catalog whose header says otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from babel import Locale
from babel.plural import PluralRule, to_gettext

__all__ = ["PluralForms", "integer_categories", "plural_forms"]

_CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")
# Enough integers to meet every CLDR integer category: 0..1000 covers the
# modulo rules, the powers of ten cover the "many" of compact numbers.
_SAMPLE = (*range(1001), 10**6, 2 * 10**6, 10**7, 10**6 + 1)


@dataclass(frozen=True, slots=True)
class PluralForms:
    categories: tuple[str, ...]  # CLDR categories, in the order of the gettext forms
    expression: str  # the gettext ``plural=`` expression, in ``n``

    @property
    def count(self) -> int:
        return len(self.categories)

    @property
    def header(self) -> str:
        return f"nplurals={self.count}; plural={self.expression};"


def _rule(language: str) -> PluralRule:
    return Locale.parse(language, sep="-").plural_form


def integer_categories(language: str) -> tuple[str, ...]:
    """The CLDR categories whole numbers fall in, in CLDR's order (``pl``: one few many)."""
    rule = _rule(language)
    present = {rule(n) for n in _SAMPLE}
    return tuple(tag for tag in _CLDR_ORDER if tag in present)


@cache
def plural_forms(language: str) -> PluralForms:
    """The CLDR plural rule of ``language`` for integers, as gettext ``Plural-Forms``."""
    rule = _rule(language)
    categories = integer_categories(language)
    # The last category an integer reaches is the expression's fallback: Polish and
    # Ukrainian "other" is for fractions only, so their "many" closes the list.
    explicit = {tag: rule.rules[tag] for tag in categories[:-1]}
    gettext_rule = to_gettext(PluralRule(explicit))
    expression = gettext_rule.split("plural=", 1)[1].rstrip("; ")
    # CLDR's operands: n (the number), i (its integer part), v (visible fraction
    # digits), e (compact exponent). to_gettext writes i as n and v as 0; a whole
    # number written plainly has e = 0 too, which gettext does not know.
    expression = re.sub(r"\be\b", "0", expression)
    return PluralForms(categories=categories, expression=expression)
