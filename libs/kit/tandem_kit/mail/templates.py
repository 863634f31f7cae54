"""Mail templates per (name, language), rendered for one recipient.

Each service builds one :class:`TemplateCatalog` for the mails of its own domain
and registers a version of each template per language::

    catalog = TemplateCatalog()
    catalog.add(
        "relationship-started", "en",
        subject="You have a new mentoring partner",
        text="Hello $name,\\n\\nyou are now paired with $partner.",
        html="<p>Hello $name,</p><p>you are now paired with <b>$partner</b>.</p>",
    )
    mail = catalog.render("relationship-started", "de-AT", name="Ana", partner="Ben")
    # -> the "de" version if there is one, else the English one; mail.language says which

Placeholders use :class:`string.Template` syntax (``$name`` or ``${name}``;
``$$`` is a literal dollar sign), so that HTML and CSS braces need no escaping.
Values are converted with ``str()``; in the HTML part they are HTML-escaped
unless wrapped in :class:`SafeHtml`. A placeholder without a value raises
:class:`MissingTemplateValueError` naming every missing one; extra values are ignored
(not every language needs every value). The subject is rendered on one line.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from string import Template
from typing import Literal

__all__ = [
    "MissingTemplateValueError",
    "RenderedMail",
    "SafeHtml",
    "TemplateCatalog",
    "TemplateError",
    "UnknownTemplateError",
    "normalise_language",
]

Part = Literal["subject", "text", "html"]
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{1,8})*$")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


class TemplateError(ValueError):
    """A template is malformed, unknown, or cannot be rendered with the given values."""


class UnknownTemplateError(TemplateError, LookupError):
    """No such template, or neither the wanted nor the fallback language exists."""


class MissingTemplateValueError(TemplateError, KeyError):
    """A placeholder of the template was given no value."""

    def __init__(self, template: str, language: str, part: Part, names: list[str]) -> None:
        self.template = template
        self.language = language
        self.part = part
        self.names = names
        super().__init__(
            f"mail template {template!r} ({language}, {part}) needs a value for " + ", ".join(names)
        )

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class SafeHtml(str):
    """A value that is already HTML and is inserted into the HTML part unescaped."""

    __slots__ = ()


@dataclass(frozen=True)
class RenderedMail:
    """One rendered mail: ``language`` is the language actually used (after fallback)."""

    template: str
    language: str
    subject: str
    text: str
    html: str | None


@dataclass(frozen=True)
class _Version:
    subject: Template
    text: Template
    html: Template | None


def normalise_language(language: str) -> str:
    """``"de_AT"``, ``"DE-at"`` → ``"de-at"`` (BCP 47 tags compared case-insensitively)."""
    return language.strip().replace("_", "-").lower()


def _template(name: str, language: str, part: Part, source: str) -> Template:
    template = Template(source)
    if not template.is_valid():
        raise TemplateError(
            f"mail template {name!r} ({language}, {part}) has a malformed placeholder; "
            "use $name or ${name}, and $$ for a dollar sign"
        )
    return template


class TemplateCatalog:
    """The mail templates of one service, per name and language, with a fallback language."""

    def __init__(self, default_language: str = "en") -> None:
        self.default_language = normalise_language(default_language)
        self._templates: dict[str, dict[str, _Version]] = {}

    def add(
        self, name: str, language: str, *, subject: str, text: str, html: str | None = None
    ) -> TemplateCatalog:
        """Register one language of a template (returns the catalog, for chaining)."""
        if not name or not name.strip() or len(name) > 100:
            raise TemplateError("a mail template needs a name of 1 to 100 characters")
        code = normalise_language(language)
        if not _LANGUAGE.match(code):
            raise TemplateError(f"{language!r} is not a language tag such as 'en' or 'pt-br'")
        versions = self._templates.setdefault(name, {})
        if code in versions:
            raise TemplateError(f"mail template {name!r} already has a {code!r} version")
        versions[code] = _Version(
            subject=_template(name, code, "subject", subject),
            text=_template(name, code, "text", text),
            html=None if html is None else _template(name, code, "html", html),
        )
        return self

    @property
    def names(self) -> list[str]:
        return sorted(self._templates)

    def languages(self, name: str) -> list[str]:
        """The languages ``name`` exists in (sorted); raises :class:`UnknownTemplateError`."""
        return sorted(self._versions(name))

    def placeholders(self, name: str, language: str) -> set[str]:
        """Every placeholder one language of a template uses (to check callers supply them)."""
        version = self._versions(name)[self.resolve_language(name, language)]
        parts = [version.subject, version.text, *([version.html] if version.html else [])]
        return {identifier for part in parts for identifier in part.get_identifiers()}

    def resolve_language(self, name: str, language: str | None) -> str:
        """The language a recipient preferring ``language`` gets: exact, base, then default."""
        versions = self._versions(name)
        if language:
            wanted = normalise_language(language)
            candidates = [wanted]
            while "-" in wanted:
                wanted = wanted.rsplit("-", 1)[0]
                candidates.append(wanted)
            for candidate in candidates:
                if candidate in versions:
                    return candidate
        if self.default_language in versions:
            return self.default_language
        raise UnknownTemplateError(
            f"mail template {name!r} has no {language!r} version and no "
            f"{self.default_language!r} fallback (it has {', '.join(sorted(versions))})"
        )

    def render(self, name: str, language: str | None, /, **values: object) -> RenderedMail:
        """Render ``name`` in the recipient's language (or the fallback) with ``values``."""
        code = self.resolve_language(name, language)
        version = self._versions(name)[code]
        plain = {key: str(value) for key, value in values.items()}
        subject = _LINE_BREAKS.sub(" ", _substitute(name, code, "subject", version.subject, plain))
        text = _substitute(name, code, "text", version.text, plain)
        html = None
        if version.html is not None:
            escaped = {
                key: value if isinstance(value, SafeHtml) else html_lib.escape(str(value))
                for key, value in values.items()
            }
            html = _substitute(name, code, "html", version.html, escaped)
        return RenderedMail(
            template=name, language=code, subject=subject.strip(), text=text, html=html
        )

    def _versions(self, name: str) -> dict[str, _Version]:
        try:
            return self._templates[name]
        except KeyError:
            raise UnknownTemplateError(f"no mail template named {name!r}") from None


def _substitute(
    name: str, language: str, part: Part, template: Template, values: Mapping[str, str]
) -> str:
    missing = [key for key in template.get_identifiers() if key not in values]
    if missing:
        raise MissingTemplateValueError(name, language, part, missing)
    return template.substitute(values)
