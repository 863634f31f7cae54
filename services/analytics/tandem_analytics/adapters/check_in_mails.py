"""Analytics' mail catalog (read from ``tandem_analytics/locale`` once per process) and
the lines of a check-in or outcome mail: each question or status with its links."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import tandem_analytics
from tandem_analytics.domain import mail_texts as texts
from tandem_kit.i18n import MailCatalog, MailTemplate, Msg, Words

LOCALE = Path(tandem_analytics.__file__).parent / "locale"


def _msg(context: str, source: texts.Text) -> Msg:
    return Msg(context, source) if isinstance(source, str) else Msg(context, *source)


MAILS = MailCatalog(
    "analytics",
    LOCALE,
    [
        MailTemplate(name, _msg(f"{name}.subject", subject), _msg(f"{name}.text", text))
        for name, (subject, text) in texts.TEMPLATES.items()
    ],
    [_msg(context, source) for context, source in texts.WORDS.items()],
)
WORDS = {context: _msg(context, source) for context, source in texts.WORDS.items()}


def word(words: Words, key: str) -> str:
    return words.text(WORDS[key])


def question_lines(questions: Sequence[tuple[str, Mapping[int, str]]]) -> str:
    """Each question, then ``1: <link>`` … ``5: <link>`` under it; a blank line between."""
    blocks = []
    for text, links in questions:
        blocks.append("\n".join([text, *(f"  {value}: {url}" for value, url in links.items())]))
    return "\n\n".join(blocks)


def option_lines(options: Sequence[tuple[str, str]]) -> str:
    """Each status with its link on the next line."""
    return "\n".join(f"{label}:\n  {url}" for label, url in options)
