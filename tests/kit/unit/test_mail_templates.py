"""Mail templates: per-language selection with fallback, escaping, and clear errors."""

from __future__ import annotations

import pytest

from tandem_kit.mail import (
    MissingTemplateValueError,
    SafeHtml,
    TemplateCatalog,
    TemplateError,
    UnknownTemplateError,
)


def sample_catalog() -> TemplateCatalog:
    catalog = TemplateCatalog()
    catalog.add(
        "relationship-started",
        "en",
        subject="You are now paired with $partner",
        text="Hello $name,\n\nyou are now paired with $partner.\n",
        html="<p>Hello $name,</p><p>you are now paired with <b>$partner</b>.</p>",
    )
    catalog.add(
        "relationship-started",
        "de",
        subject="Ihr Tandem mit $partner beginnt",
        text="Hallo $name,\n\nIhr Tandem mit $partner beginnt.\n",
        html="<p>Hallo $name,</p><p>Ihr Tandem mit <b>$partner</b> beginnt.</p>",
    )
    catalog.add(
        "relationship-started",
        "fr",
        subject="Votre binôme avec $partner commence",
        text="Bonjour $name,\n\nvotre binôme avec $partner commence.\n",
    )
    catalog.add(
        "digest",
        "pt-BR",
        subject="Resumo",
        text="Olá $name",
    )
    return catalog


@pytest.mark.parametrize(
    ("wanted", "chosen", "greeting"),
    [
        ("en", "en", "Hello"),
        ("de", "de", "Hallo"),
        ("fr", "fr", "Bonjour"),
        ("de-AT", "de", "Hallo"),  # region falls back to the base language
        ("DE_ch", "de", "Hallo"),  # case and underscore do not matter
        ("it", "en", "Hello"),  # not translated: the default language
        ("", "en", "Hello"),
        (None, "en", "Hello"),
    ],
)
def test_language_selection_and_fallback(wanted: str | None, chosen: str, greeting: str) -> None:
    mail = sample_catalog().render("relationship-started", wanted, name="Ana", partner="Ben")
    assert mail.language == chosen
    assert mail.template == "relationship-started"
    assert mail.text.startswith(f"{greeting} Ana,")
    assert "Ben" in mail.subject


def test_each_language_renders_its_own_parts() -> None:
    catalog = sample_catalog()
    de = catalog.render("relationship-started", "de", name="Ana", partner="Ben")
    assert de.subject == "Ihr Tandem mit Ben beginnt"
    assert de.text == "Hallo Ana,\n\nIhr Tandem mit Ben beginnt.\n"
    assert de.html == "<p>Hallo Ana,</p><p>Ihr Tandem mit <b>Ben</b> beginnt.</p>"
    fr = catalog.render("relationship-started", "fr", name="Ana", partner="Ben")
    assert fr.subject == "Votre binôme avec Ben commence"
    assert fr.html is None  # the French version has no HTML part


def test_languages_per_template() -> None:
    catalog = sample_catalog()
    assert catalog.languages("relationship-started") == ["de", "en", "fr"]
    assert catalog.languages("digest") == ["pt-br"]
    assert catalog.names == ["digest", "relationship-started"]
    assert catalog.placeholders("relationship-started", "de") == {"name", "partner"}


def test_html_values_are_escaped_but_text_values_are_not() -> None:
    mail = sample_catalog().render(
        "relationship-started", "en", name="<script>alert(1)</script>", partner='Tom & "Jerry"'
    )
    assert mail.html is not None
    assert "<script>" not in mail.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in mail.html
    assert "Tom &amp; &quot;Jerry&quot;" in mail.html
    assert "<script>alert(1)</script>" in mail.text
    assert 'Tom & "Jerry"' in mail.subject


def test_safe_html_is_inserted_as_is() -> None:
    catalog = TemplateCatalog().add(
        "list", "en", subject="s", text="$items", html="<ul>$items</ul>"
    )
    mail = catalog.render("list", "en", items=SafeHtml("<li>a</li>"))
    assert mail.html == "<ul><li>a</li></ul>"


def test_missing_value_names_every_missing_placeholder() -> None:
    with pytest.raises(MissingTemplateValueError) as caught:
        sample_catalog().render("relationship-started", "de", name="Ana")
    error = caught.value
    assert error.names == ["partner"]
    assert (error.template, error.language, error.part) == ("relationship-started", "de", "subject")
    assert "needs a value for partner" in str(error)
    assert isinstance(error, TemplateError)


def test_extra_values_are_ignored() -> None:
    mail = sample_catalog().render("digest", "pt-br", name="Ana", unused="x")
    assert mail.text == "Olá Ana"


def test_subject_is_one_line_whatever_the_values() -> None:
    mail = sample_catalog().render("relationship-started", "en", name="A", partner="Ben\r\nBcc: x")
    assert "\n" not in mail.subject
    assert "\r" not in mail.subject
    assert mail.subject == "You are now paired with Ben Bcc: x"


def test_unknown_template_and_missing_fallback() -> None:
    catalog = sample_catalog()
    with pytest.raises(UnknownTemplateError, match="no mail template named 'nope'"):
        catalog.render("nope", "en")
    with pytest.raises(UnknownTemplateError, match="no 'de' version and no 'en' fallback"):
        catalog.render("digest", "de", name="Ana")
    with pytest.raises(UnknownTemplateError):
        catalog.languages("nope")


def test_malformed_templates_are_refused_when_added() -> None:
    catalog = TemplateCatalog()
    with pytest.raises(TemplateError, match="malformed placeholder"):
        catalog.add("bad", "en", subject="Costs $5", text="x")
    with pytest.raises(TemplateError, match="not a language tag"):
        catalog.add("bad", "english!", subject="s", text="x")
    catalog.add("ok", "en", subject="Costs $$5 ${n}x", text="x")
    assert catalog.render("ok", "en", n=3).subject == "Costs $5 3x"
    with pytest.raises(TemplateError, match="already has a 'en' version"):
        catalog.add("ok", "EN", subject="s", text="x")


def test_other_default_language() -> None:
    catalog = TemplateCatalog(default_language="de").add("x", "de", subject="s", text="Hallo")
    catalog.add("x", "en", subject="s", text="Hello")
    assert catalog.render("x", "es").language == "de"
