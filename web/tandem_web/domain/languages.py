"""Which language a page is in: the person's own choice (the switch), else the best
match of the browser's Accept-Language, else English."""

from __future__ import annotations

from babel import Locale, negotiate_locale

LANGUAGES = ("en", "de", "fr", "es", "pt", "el")
DEFAULT = "en"


def preferred(accept_language: str | None) -> list[str]:
    """Accept-Language's tags, best first (q-values; ties keep their order)."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and tag != "*" and quality > 0:
            ranked.append((-quality, position, tag))
    return [tag for _, _, tag in sorted(ranked)]


def choose(chosen: str | None, accept_language: str | None) -> str:
    if chosen in LANGUAGES:
        return chosen
    tags = preferred(accept_language)
    # "pt-BR" is served Portuguese, "el-GR" Greek: the language alone is compared too.
    candidates = [t for tag in tags for t in (tag, tag.split("-")[0])]
    return negotiate_locale(candidates, LANGUAGES, sep="-") or DEFAULT


def names() -> list[tuple[str, str]]:
    """Each language in its own words (CLDR), for the switch."""
    return [(code, Locale.parse(code).get_display_name(code) or code) for code in LANGUAGES]
