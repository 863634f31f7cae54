"""Check-in and outcome mails render in every language the services ship (the contract's
templates, complete catalogs), with every placeholder filled and the words translated."""

from __future__ import annotations

import pytest

from tandem_analytics.adapters.check_in_mails import MAILS, WORDS, word
from tandem_analytics.domain import mail_texts as texts
from tandem_contracts.mails import CATALOG_LANGUAGES, templates_of
from tandem_kit.i18n import MailOverride, Wording


def test_the_catalog_has_every_language_and_the_contracts_templates() -> None:
    assert MAILS.languages == CATALOG_LANGUAGES
    assert set(templates_of("analytics")) == {texts.CHECK_IN, texts.OUTCOME}


@pytest.mark.parametrize("language", sorted(CATALOG_LANGUAGES))
def test_both_mails_render_in_every_language(language: str) -> None:
    words = MAILS.words(language)
    assert words.language == language
    check_in = MAILS.render(
        texts.CHECK_IN,
        language,
        Wording(),
        name="Rita",
        programme="Bridges",
        round=word(words, "round.midpoint"),
        questions="Q\n  1: https://x/1",
        link="https://web/check-ins/1",
        privacy=word(words, "privacy.aggregate_only"),
    )
    outcome = MAILS.render(
        texts.OUTCOME,
        language,
        Wording(),
        name="Rita",
        programme="Bridges",
        stage=word(words, "stage.month_3"),
        options="E:\n  https://x/2",
        privacy=word(words, "privacy.named"),
    )
    for mail in (check_in, outcome):
        assert mail.language == language
        assert "Rita" in mail.text
        assert "Bridges" in mail.subject
        assert "$" not in mail.text + mail.subject
    assert "https://x/1" in check_in.text
    assert "https://web/check-ins/1" in check_in.text
    if language != "en":  # translated, not English copied
        english = MAILS.words("en")
        for key in WORDS:
            assert word(words, key) != word(english, key), key
        assert (
            check_in.subject
            != MAILS.render(
                texts.CHECK_IN,
                "en",
                Wording(),
                name="Rita",
                programme="Bridges",
                round="",
                questions="",
                link="",
                privacy="",
            ).subject
        )


def test_a_recipient_gets_her_language_then_the_programmes_and_overrides_win() -> None:
    programme = Wording(languages=("de", "en"))
    assert MAILS.negotiate(texts.CHECK_IN, "el", programme) == "el"
    assert MAILS.negotiate(texts.CHECK_IN, "lb", programme) == "de"
    assert MAILS.negotiate(texts.CHECK_IN, "pt-BR", programme) == "pt"
    own = Wording(
        languages=("lb",),
        overrides={texts.OUTCOME: {"lb": MailOverride("$programme", "Moien $name! $options")}},
    )
    assert MAILS.negotiate(texts.OUTCOME, "lb", own) == "lb"
    mail = MAILS.render(
        texts.OUTCOME, "lb", own, name="Rita", programme="P", stage="", options="X", privacy=""
    )
    assert mail.text == "Moien Rita! X"
