"""tandem_kit.i18n: CLDR plural forms, strict catalogs compiled in memory, negotiation,
overrides and localised dates (Babel, no mocks: real .po files in a temporary folder)."""

from __future__ import annotations

import gettext
from datetime import UTC, datetime
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from babel.messages.pofile import write_po

from tandem_contracts.mails import CATALOG_LANGUAGES, MailTemplateSpec
from tandem_kit.i18n import (
    CatalogError,
    MailCatalog,
    MailOverride,
    MailTemplate,
    Msg,
    Wording,
    plural_forms,
)
from tandem_kit.mail import MissingTemplateValueError

SAMPLE = [*range(1001), 10**6, 2 * 10**6]

HELLO = MailTemplate(
    "hello",
    Msg("hello.subject", "$count new thing", "$count new things"),
    Msg("hello.text", "Hello $name, see $link"),
)
SPECS = {"hello": MailTemplateSpec("hello", "test", frozenset({"count", "name", "link"}), "")}
TRANSLATED = {
    "en": (["$count new thing", "$count new things"], "Hello $name, see $link"),
    "pl": (
        ["$count nowa rzecz", "$count nowe rzeczy", "$count nowych rzeczy"],
        "Dzień dobry $name, zobacz $link",
    ),
    "fr": (
        ["$count nouvelle chose", "$count de nouvelles choses", "$count nouvelles choses"],
        "Bonjour $name, voir $link",
    ),
}


def write_catalog(
    root: Path,
    language: str,
    subject: list[str],
    text: str,
    *,
    plural_header: str | None = None,
) -> Path:
    catalog = Catalog(locale=language, domain="test")
    header = plural_header or plural_forms(language).header
    catalog.mime_headers = [
        *[(k, v) for k, v in catalog.mime_headers if k.lower() != "plural-forms"],
        ("Plural-Forms", header),
    ]
    catalog.add(("$count new thing", "$count new things"), tuple(subject), context="hello.subject")
    catalog.add("Hello $name, see $link", text, context="hello.text")
    path = root / language / "LC_MESSAGES" / "test.po"
    path.parent.mkdir(parents=True)
    with path.open("wb") as target:
        write_po(target, catalog)
    return path


@pytest.fixture
def catalogs(tmp_path: Path) -> Path:
    for language, (subject, text) in TRANSLATED.items():
        write_catalog(tmp_path, language, subject, text)
    return tmp_path


def mails(directory: Path) -> MailCatalog:
    return MailCatalog("test", directory, [HELLO], specs=SPECS)


@pytest.mark.parametrize("language", sorted(CATALOG_LANGUAGES))
def test_plural_forms_are_cldrs_for_every_whole_number(language: str) -> None:
    forms = plural_forms(language)
    choose = gettext.c2py(forms.expression)
    rule = Locale.parse(language).plural_form
    assert [forms.categories[choose(n)] for n in SAMPLE] == [rule(n) for n in SAMPLE]
    assert {choose(n) for n in SAMPLE} == set(range(forms.count)), "no form is never used"


def test_babels_old_table_is_wrong_where_cldr_is_right() -> None:
    """Why the kit derives Plural-Forms from CLDR: the old table gives Turkish one form,
    and Arabic's form for 101 is CLDR's "other", not the "many" of 11-99."""
    assert get_plural("tr").num_plurals == 1
    assert plural_forms("tr").categories == ("one", "other")
    arabic = gettext.c2py(plural_forms("ar").expression)
    assert plural_forms("ar").categories[arabic(101)] == "other"
    assert plural_forms("ar").categories[arabic(11)] == "many"
    assert plural_forms("pl").categories == ("one", "few", "many")


def test_plural_forms_and_negotiation_render_each_language(catalogs: Path) -> None:
    catalog = mails(catalogs)
    assert catalog.languages == {"en", "pl", "fr"}
    subjects = {
        n: catalog.render("hello", "pl", name="Ola", count=n, link="L").subject
        for n in (1, 2, 5, 12, 22, 1000)
    }
    assert subjects == {
        1: "1 nowa rzecz",
        2: "2 nowe rzeczy",
        5: "5 nowych rzeczy",
        12: "12 nowych rzeczy",
        22: "22 nowe rzeczy",
        1000: "1\xa0000 nowych rzeczy",  # CLDR's Polish grouping, a no-break space
    }
    assert catalog.render("hello", "en", name="Eva", count=1, link="L").subject == "1 new thing"
    french = catalog.render("hello", "fr", name="Léa", count=10**6, link="L")
    assert french.subject == "1\u202f000\u202f000 de nouvelles choses"


def test_negotiation_prefers_recipient_then_programme_then_english(catalogs: Path) -> None:
    catalog = mails(catalogs)
    programme = Wording(languages=("lb", "fr"))
    assert catalog.negotiate("hello", "pl-PL", programme) == "pl", "region falls to language"
    assert catalog.negotiate("hello", "pt-BR", programme) == "fr", "programme's first with one"
    assert catalog.negotiate("hello", "pt-BR") == "en"
    assert catalog.negotiate("hello", None, Wording(languages=("pl",))) == "pl"


def test_an_override_wins_in_its_language_and_opens_a_language(catalogs: Path) -> None:
    catalog = mails(catalogs)
    wording = Wording(
        languages=("lb",),
        overrides={
            "hello": {
                "lb": MailOverride("Moien $name: $count", "Kuckt $link"),
                "fr": MailOverride("Salut $name", "Voir $link"),
            }
        },
    )
    assert catalog.negotiate("hello", "lb", wording) == "lb"
    mail = catalog.render("hello", "lb", wording, name="Jos", count=1000, link="L")
    assert (mail.language, mail.subject, mail.text) == ("lb", "Moien Jos: 1,000", "Kuckt L")
    assert catalog.render("hello", "fr", wording, name="Léa", count=1, link="L").subject == (
        "Salut Léa"
    )
    assert catalog.negotiate("hello", "lb") == "en", "without the override, no Luxembourgish"
    with pytest.raises(MissingTemplateValueError, match="link"):
        catalog.render("hello", "lb", wording, name="Jos", count=1)


def test_a_moment_is_written_in_the_readers_zone_and_language(catalogs: Path) -> None:
    catalog = mails(catalogs)
    moment = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)
    assert catalog.words("fr").moment(moment, "Europe/Paris") == "mercredi 2 décembre 2026, 00:30"
    assert catalog.words("en").moment(moment, "America/New_York") == (
        "Tuesday, December 1, 2026, 6:30\u202fPM"
    )


def test_an_incomplete_or_inconsistent_catalog_is_refused(tmp_path: Path) -> None:
    def refused(name: str, *, subject: list[str], text: str, header: str | None = None) -> str:
        root = tmp_path / name
        write_catalog(root, "en", *TRANSLATED["en"])
        write_catalog(root, "pl", subject, text, plural_header=header)
        with pytest.raises(CatalogError) as raised:
            mails(root)
        return str(raised.value)

    pl_subject, pl_text = TRANSLATED["pl"]
    assert "untranslated" in refused("empty", subject=pl_subject, text="")
    assert "lacks forms" in refused("forms", subject=pl_subject[:2], text=pl_text)
    assert "'$link'" not in refused("placeholder", subject=pl_subject, text="Dzień dobry $name")
    assert "uses ['name']" in refused("placeholder2", subject=pl_subject, text="Hej $name")
    assert "Plural-Forms must be CLDR's" in refused(
        "header", subject=pl_subject, text=pl_text, header=get_plural("pl").plural_forms
    )


def test_the_catalog_must_render_exactly_the_contracts_templates(catalogs: Path) -> None:
    with pytest.raises(CatalogError, match="declares"):
        MailCatalog("test", catalogs, [HELLO], specs={})
    wrong = {"hello": MailTemplateSpec("hello", "test", frozenset({"name"}), "")}
    with pytest.raises(CatalogError, match="placeholders"):
        MailCatalog("test", catalogs, [HELLO], specs=wrong)
