"""domain.wording: a programme's mail overrides against the contract of the mails."""

from __future__ import annotations

from tandem_contracts.mails import MAIL_TEMPLATES
from tandem_matching.domain.wording import MailOverride, has_catalog, wording_problems

OK = MailOverride("Olá ${name}", "Custa 5$$. $name")  # $name: the one every mail has


def test_catalog_languages_include_regional_variants() -> None:
    assert has_catalog("pt-BR")
    assert has_catalog("el")
    assert not has_catalog("lb")
    assert not has_catalog("sq")


def test_good_overrides_have_no_problems() -> None:
    assert wording_problems(["pt", "el"], {"message-new": {"pt": OK}}) == []


def test_each_problem_says_where_and_what() -> None:
    problems = wording_problems(
        ["de", "lb-LU"],
        {
            "nope": {"de": OK},
            "message-digest": {"de": MailOverride("$count und $bonus", "$name $nachname")},
        },
    )
    assert [(p.code, p.location) for p in problems] == [
        ("unknown_mail_template", ("mail_overrides", "nope")),
        ("unknown_placeholder", ("mail_overrides", "message-digest", "de", "subject")),
        ("unknown_placeholder", ("mail_overrides", "message-digest", "de", "text")),
        ("language_without_catalog", ("languages", "lb-LU")),
    ]
    assert "$bonus" in problems[1].message
    assert "$count" in problems[1].message, "says which placeholders the mail has"


def test_a_base_language_override_covers_a_regional_programme_language() -> None:
    every = {template: {"lb": OK} for template in MAIL_TEMPLATES}
    assert wording_problems(["lb-LU"], every) == []
    first, *rest = MAIL_TEMPLATES
    [problem] = wording_problems(["lb"], {template: {"lb": OK} for template in rest})
    assert first in problem.message
