"""A programme's mail overrides: a manager's wording of any mail template, per language.

Pure checks against the contract of the mails (``tandem_contracts.mails``): which
templates exist, which placeholders each may use, and which languages every service
ships a catalog for. Matching owns programmes, so it refuses a bad override when a
manager sets it; messaging (and meetings) render what it accepted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from string import Template

from tandem_contracts.mails import CATALOG_LANGUAGES, MAIL_TEMPLATES


@dataclass(frozen=True, slots=True)
class MailOverride:
    """One template's subject and text in one language; ``$placeholders`` as the catalog's."""

    subject: str
    text: str


# template id -> language tag -> override
MailOverrides = Mapping[str, Mapping[str, MailOverride]]


@dataclass(frozen=True, slots=True)
class WordingProblem:
    code: str
    location: tuple[str, ...]
    message: str


def _base(language: str) -> str:
    return language.lower().split("-", 1)[0]


def has_catalog(language: str) -> bool:
    """Every service's catalog covers ``language`` (``pt-BR`` through ``pt``)."""
    return _base(language) in CATALOG_LANGUAGES


def _placeholder_problems(
    template: str, language: str, part: str, source: str
) -> list[WordingProblem]:
    where = ("mail_overrides", template, language, part)
    parsed = Template(source)
    if not parsed.is_valid():
        return [
            WordingProblem(
                "malformed_placeholder",
                where,
                f"{template} ({language}, {part}) has a malformed placeholder: "
                "write $name or ${name}, and $$ for a dollar sign",
            )
        ]
    known = MAIL_TEMPLATES[template].placeholders
    return [
        WordingProblem(
            "unknown_placeholder",
            where,
            f"{template} ({language}, {part}) uses ${name}, which this mail does not have; "
            f"it has {', '.join('$' + p for p in sorted(known))}",
        )
        for name in sorted(set(parsed.get_identifiers()) - known)
    ]


def wording_problems(languages: Sequence[str], overrides: MailOverrides) -> list[WordingProblem]:
    """Everything wrong with ``overrides`` for a programme in ``languages`` (empty: fine)."""
    problems: list[WordingProblem] = []
    for template, by_language in overrides.items():
        if template not in MAIL_TEMPLATES:
            problems.append(
                WordingProblem(
                    "unknown_mail_template",
                    ("mail_overrides", template),
                    f"there is no mail template {template!r}; the templates are "
                    + ", ".join(sorted(MAIL_TEMPLATES)),
                )
            )
            continue
        for language, override in by_language.items():
            problems += _placeholder_problems(template, language, "subject", override.subject)
            problems += _placeholder_problems(template, language, "text", override.text)
    for language in languages:
        if has_catalog(language):
            continue
        wanted = {language.lower(), _base(language)}
        missing = [
            template
            for template in sorted(MAIL_TEMPLATES)
            if not wanted & {code.lower() for code in overrides.get(template, {})}
        ]
        if missing:
            problems.append(
                WordingProblem(
                    "language_without_catalog",
                    ("languages", language),
                    f"there is no catalog for {language!r} and no override of "
                    f"{', '.join(missing)} in it; override every mail in {language!r} "
                    f"or use a language with a catalog ({', '.join(sorted(CATALOG_LANGUAGES))})",
                )
            )
    return problems
