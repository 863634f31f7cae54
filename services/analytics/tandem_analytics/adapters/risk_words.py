"""The risk reasons in plain words, in the reader's language (the ``analytics`` catalogs).

The catalogs are read, checked and compiled once, when this module is imported
(``tandem_kit.i18n.load_catalogs``: an entry missing or untranslated is an error, not
English by accident). A language without a catalog reads English; a tag with a region
(``de-AT``) reads its language's catalog.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal

import tandem_analytics
from tandem_analytics.domain import risk_words as texts
from tandem_contracts.analytics import RiskReason
from tandem_kit.i18n import Msg, Words, load_catalogs

LOCALE = Path(tandem_analytics.__file__).parent / "locale"
DEFAULT = "en"


def _msg(context: str, source: texts.Text) -> Msg:
    return Msg(context, source) if isinstance(source, str) else Msg(context, *source)


REASON_MSGS = {code: _msg(f"reason.{code.value}", text) for code, text in texts.REASONS.items()}
ACTION_MSGS = {
    action: Msg(f"action.{action.value}", text) for action, text in texts.ACTIONS.items()
}
_CATALOGS = load_catalogs(LOCALE, "analytics", [*REASON_MSGS.values(), *ACTION_MSGS.values()])


@dataclass(frozen=True, slots=True)
class ReasonWords:
    language: str
    words: Words

    def reason(self, reason: RiskReason) -> str:
        msg = REASON_MSGS[reason.code]
        values: dict[str, object] = {"threshold": self._number(reason.threshold)}
        if msg.plural is None:
            values["value"] = self._number(reason.value)
        else:  # an int: the Words write it the locale's way and pick its plural form
            values["count"] = texts.whole_units(reason.value)
        return self.words.text(msg, **values)

    def action(self, reason: RiskReason) -> str:
        return self.words.text(ACTION_MSGS[reason.action])

    def _number(self, value: float | None) -> str:
        if value is None:
            return "-"
        return str(format_decimal(round(value, 1), format="#,##0.#", locale=self.words.locale))


def languages() -> frozenset[str]:
    return frozenset(_CATALOGS)


def words_for(preferred: str | None) -> ReasonWords:
    """The first of ``preferred`` (an Accept-Language value or a language tag) we have."""
    for tag in _tags(preferred or ""):
        for candidate in (tag, tag.split("-")[0]):
            if candidate in _CATALOGS:
                return ReasonWords(candidate, Words(candidate, _CATALOGS[candidate]))
    return ReasonWords(DEFAULT, Words(DEFAULT, _CATALOGS[DEFAULT]))


def _tags(header: str) -> list[str]:
    """An Accept-Language header's tags, most wanted first (``q=0`` means not wanted)."""
    weighted = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and tag != "*" and quality > 0:
            weighted.append((-quality, position, tag.lower()))
    return [tag for _, _, tag in sorted(weighted)]
