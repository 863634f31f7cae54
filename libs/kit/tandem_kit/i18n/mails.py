"""Mails in the recipient's language: a service's templates, its catalogs, and the
programme's overrides, rendered for one recipient.

A service declares its templates (:class:`MailTemplate`: a subject and a text,
English source strings as gettext msgids) and its other words (:class:`Msg`), and
builds one :class:`MailCatalog` from its catalog directory::

    MAILS = MailCatalog("messaging", Path(__file__).parent / "locale", TEMPLATES, WORDS)
    language = MAILS.negotiate("message-new", contact.language, wording)
    words = MAILS.words(language)          # role names, list lines, dates
    mail = MAILS.render("message-new", language, wording, name=..., sender=...)

**Which language.** :meth:`MailCatalog.negotiate` asks Babel
(:func:`babel.negotiate_locale`) for the first of: the recipient's preferred
language, the programme's languages in their order, English — among the languages
the catalog has plus those the programme overrides this template in. ``pt-BR``
finds ``pt``; a Greek recipient of a programme in Portuguese and German gets Greek.

**Overrides.** A programme (:class:`Wording`) may replace any template per
language (``{template: {language: MailOverride(subject, text)}}``); an override
is one text, no plural forms, using only the template's placeholders (matching
checks that when a manager sets it). It wins over the catalog in its language.

**Values.** ``$name`` placeholders (:class:`string.Template`); whole numbers are
written the locale's way (``1 000`` in French); ``count`` also chooses the plural
form (CLDR's rules, :mod:`tandem_kit.i18n.plurals`). A missing value raises
:class:`~tandem_kit.mail.MissingTemplateValueError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from string import Template
from zoneinfo import ZoneInfo

from babel import Locale, negotiate_locale
from babel.dates import format_date, format_time
from babel.numbers import format_decimal
from babel.support import Translations

from tandem_contracts.mails import MailTemplateSpec, templates_of
from tandem_kit.i18n.catalogs import CatalogError, Msg, load_catalogs
from tandem_kit.mail.templates import (
    MissingTemplateValueError,
    RenderedMail,
    UnknownTemplateError,
    normalise_language,
)

__all__ = ["MailCatalog", "MailOverride", "MailTemplate", "Wording", "Words"]

_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
_DEFAULT = "en"


@dataclass(frozen=True, slots=True)
class MailTemplate:
    id: str
    subject: Msg
    text: Msg

    @property
    def placeholders(self) -> frozenset[str]:
        return self.subject.placeholders | self.text.placeholders


@dataclass(frozen=True, slots=True)
class MailOverride:
    """A manager's wording of one template in one language."""

    subject: str
    text: str


@dataclass(frozen=True, slots=True)
class Wording:
    """What a programme says about its mails: its languages (in order) and overrides."""

    languages: tuple[str, ...] = ()
    overrides: Mapping[str, Mapping[str, MailOverride]] = field(default_factory=dict)

    def override(self, template: str, language: str) -> MailOverride | None:
        wanted = normalise_language(language)
        for code, override in self.overrides.get(template, {}).items():
            if normalise_language(code) == wanted:
                return override
        return None


class Words:
    """A catalog's words in one language: texts, plurals, numbers and dates."""

    def __init__(self, language: str, translations: Translations) -> None:
        self.language = language
        self.locale = Locale.parse(language, sep="-")
        self._translations = translations

    def text(self, msg: Msg, /, **values: object) -> str:
        """``msg`` translated (the plural form for ``count``) with ``values`` filled in."""
        if msg.plural is None:
            source = self._translations.pgettext(msg.context, msg.singular)
        else:
            count = values.get("count")
            if not isinstance(count, int):
                raise MissingTemplateValueError(msg.context, self.language, "text", ["count"])
            source = self._translations.npgettext(msg.context, msg.singular, msg.plural, count)
        return self.fill(msg.context, str(source), values)

    def fill(self, name: str, source: str, values: Mapping[str, object]) -> str:
        template, names = _template(source)
        missing = [key for key in names if key not in values]
        if missing:
            raise MissingTemplateValueError(name, self.language, "text", missing)
        return template.substitute({key: self.value(values[key]) for key in names})

    def value(self, value: object) -> str:
        if isinstance(value, int) and not isinstance(value, bool):
            return format_decimal(value, locale=self.locale)
        return str(value)

    def moment(self, moment: datetime, time_zone: str) -> str:
        """A date and time in the reader's zone, the locale's way (weekday, date, hour:minute)."""
        local = moment.astimezone(ZoneInfo(time_zone))
        # CLDR's full date and short time, joined by the locale's own pattern
        # ("{1}, {0}" in English, "{1} - {0}" in Greek), as babel.dates.format_datetime does.
        pattern = str(self.locale.datetime_formats["full"]).replace("'", "")
        time = format_time(local, "short", locale=self.locale)
        date = format_date(local, "full", locale=self.locale)
        return pattern.replace("{0}", time).replace("{1}", date)


class MailCatalog:
    """One service's mail templates and words, in every language its catalog has."""

    def __init__(
        self,
        domain: str,
        directory: Path,
        templates: Sequence[MailTemplate],
        words: Iterable[Msg] = (),
        *,
        specs: Mapping[str, MailTemplateSpec] | None = None,
    ) -> None:
        """``specs``: the templates the contract declares for ``domain`` (by default
        :func:`tandem_contracts.mails.templates_of`); the catalog must render exactly those."""
        self.domain = domain
        self.templates = {template.id: template for template in templates}
        self._check_contract(templates_of(domain) if specs is None else specs)
        messages = [*words, *(t.subject for t in templates), *(t.text for t in templates)]
        self._catalogs = load_catalogs(directory, domain, messages)
        if _DEFAULT not in self._catalogs:
            raise CatalogError(f"{directory}: the {domain} catalog needs an {_DEFAULT!r} version")
        self._words: dict[str, Words] = {}  # per language asked for: Locale.parse is dear

    def _check_contract(self, declared: Mapping[str, MailTemplateSpec]) -> None:
        if set(declared) != set(self.templates):
            raise CatalogError(
                f"{self.domain} renders {sorted(self.templates)}, the contract "
                f"(tandem_contracts.mails) declares {sorted(declared)}"
            )
        for template in self.templates.values():
            if template.placeholders != declared[template.id].placeholders:
                raise CatalogError(
                    f"{template.id}: placeholders {sorted(template.placeholders)} differ from "
                    f"the contract's {sorted(declared[template.id].placeholders)}"
                )

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(self._catalogs)

    def negotiate(self, template: str, preferred: str | None, wording: Wording = Wording()) -> str:
        """The language a recipient preferring ``preferred`` gets this template in."""
        self._template(template)
        available = set(self._catalogs) | {
            normalise_language(code) for code in wording.overrides.get(template, {})
        }
        return self._negotiate([preferred or "", *wording.languages], available)

    def words(self, language: str) -> Words:
        """The words in ``language``, or the nearest language the catalog has."""
        found = self._words.get(language)
        if found is None:
            code = self._negotiate([language], set(self._catalogs))
            if len(self._words) >= 1024:  # tags are checked, but not few: keep it bounded
                self._words.clear()
            found = self._words[language] = Words(code, self._catalogs[code])
        return found

    def render(
        self, template: str, language: str, wording: Wording = Wording(), /, **values: object
    ) -> RenderedMail:
        """Render ``template`` in ``language`` (from :meth:`negotiate`): override or catalog."""
        found = self._template(template)
        override = wording.override(template, language)
        if override is not None:
            words = self.words(language)  # numbers in the nearest language the catalog has
            subject = words.fill(template, override.subject, values)
            text = words.fill(template, override.text, values)
            code = normalise_language(language)
        else:
            words = self.words(language)
            subject, text = words.text(found.subject, **values), words.text(found.text, **values)
            code = words.language
        return RenderedMail(
            template=template,
            language=code,
            subject=_LINE_BREAKS.sub(" ", subject).strip(),
            text=text,
            html=None,
        )

    def _template(self, template: str) -> MailTemplate:
        try:
            return self.templates[template]
        except KeyError:
            raise UnknownTemplateError(f"no mail template named {template!r}") from None

    @staticmethod
    def _negotiate(preferred: Sequence[str], available: set[str]) -> str:
        # every mail of a batch asks the same few questions (a Babel negotiation each)
        return _negotiated(tuple(preferred), frozenset(available))


@lru_cache(maxsize=4096)
def _template(source: str) -> tuple[Template, tuple[str, ...]]:
    """The template and its placeholders in order: the same few texts fill every mail."""
    template = Template(source)
    return template, tuple(template.get_identifiers())


@lru_cache(maxsize=4096)
def _negotiated(preferred: tuple[str, ...], available: frozenset[str]) -> str:
    wanted = [normalise_language(code) for code in preferred if code]
    found = negotiate_locale([*wanted, _DEFAULT], sorted(available), sep="-")
    return found if found is not None else _DEFAULT
