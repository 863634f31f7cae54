"""The risk reasons that count days or hours read in each language's plural forms: the
form CLDR's plural category selects for the count, in every catalog language, and no
catalog lacks a form its language needs (no "1 days", no English copied into Polish).

The expected form is read from the ``.po`` file and chosen by Babel's CLDR rule
(``Locale.plural_form``), independently of the gettext expression the catalog carries,
so a wrong ``Plural-Forms`` header or a form in the wrong slot fails here too.
"""

from __future__ import annotations

from functools import cache
from string import Template

import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from tandem_analytics.adapters.risk_words import LOCALE, words_for
from tandem_contracts.analytics import RiskReason, RiskReasonCode, SuggestedAction
from tandem_contracts.mails import CATALOG_LANGUAGES
from tandem_kit.i18n import integer_categories, plural_forms

COUNTS = (0, 1, 2, 3, 4, 5, 7, 11, 12, 14, 21, 22, 25, 100, 101, 102, 111, 1000, 10**6)
COUNTED = {  # the reasons whose figure is a number of days or hours
    RiskReasonCode.NO_TWO_WAY_CONTACT: SuggestedAction.CONTACT_MEMBERS,
    RiskReasonCode.MESSAGE_UNANSWERED: SuggestedAction.REMIND_TO_REPLY,
    RiskReasonCode.AGREEMENT_NOT_ACCEPTED: SuggestedAction.HELP_AGREE,
    RiskReasonCode.PARTICIPANT_ISOLATED: SuggestedAction.REACH_OUT_TO_PARTICIPANT,
}
LANGUAGES = sorted(CATALOG_LANGUAGES)


@cache
def catalog(language: str) -> Catalog:
    with (LOCALE / language / "LC_MESSAGES" / "analytics.po").open("rb") as source:
        return read_po(source, locale=language)


def forms(language: str, code: RiskReasonCode) -> tuple[str, ...]:
    [entry] = [m for m in catalog(language) if m.context == f"reason.{code.value}"]
    assert entry.pluralizable, f"{language}: reason.{code.value} has no plural forms"
    assert isinstance(entry.string, tuple)
    return entry.string


def reason(code: RiskReasonCode, value: float) -> RiskReason:
    return RiskReason(code=code, value=value, threshold=14.0, action=COUNTED[code])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalog_has_each_form_its_language_needs(language: str) -> None:
    categories = integer_categories(language)
    assert plural_forms(language).categories == categories
    for code in COUNTED:
        found = forms(language, code)
        assert len(found) == len(categories), (language, code, categories)
        assert all(form.strip() for form in found), (language, code)
        assert all("$count" in form for form in found), (language, code)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_reason_uses_the_form_cldr_selects_for_the_count(language: str) -> None:
    locale = Locale.parse(language)
    words = words_for(language)
    assert words.language == language
    categories = plural_forms(language).categories
    for code in COUNTED:
        found = forms(language, code)
        for count in COUNTS:
            form = found[categories.index(locale.plural_form(count))]
            expected = Template(form).substitute(
                count=format_decimal(count, locale=locale),
                threshold=format_decimal(14, format="#,##0.#", locale=locale),
            )
            assert words.reason(reason(code, count)) == expected, (language, code, count)


@pytest.mark.parametrize("language", sorted(CATALOG_LANGUAGES - {"en"}))
def test_no_language_reads_the_english_counted_reason(language: str) -> None:
    english, words = words_for("en"), words_for(language)
    for code in COUNTED:
        for count in (1, 2, 5):
            assert words.reason(reason(code, count)) != english.reason(reason(code, count))


def test_english_says_one_day_and_two_days() -> None:
    words = words_for("en")
    one = words.reason(reason(RiskReasonCode.NO_TWO_WAY_CONTACT, 1))
    assert one == "No two-way contact for 1 day (the programme flags at 14)."
    assert "1 days" not in one
    assert words.reason(reason(RiskReasonCode.MESSAGE_UNANSWERED, 1)).startswith(
        "A member's message has waited 1 hour for"
    )
    assert "21 days" in words.reason(reason(RiskReasonCode.PARTICIPANT_ISOLATED, 21))


def test_a_fraction_counts_the_whole_days_that_passed() -> None:
    # The rules fire on the Nth day ("14 days" on the fourteenth): 2.5 days is 2 whole
    # days, in the form for 2, rather than a fraction gettext's integer forms cannot word.
    words = words_for("pl")
    assert words.reason(reason(RiskReasonCode.NO_TWO_WAY_CONTACT, 2.5)) == words.reason(
        reason(RiskReasonCode.NO_TWO_WAY_CONTACT, 2)
    )
