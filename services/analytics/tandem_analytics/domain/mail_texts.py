"""The English source of analytics' mails and words: gettext msgids, pure data.

Translations live in ``tandem_analytics/locale/<language>/LC_MESSAGES/analytics.po``
(the ``analytics`` gettext domain; regenerate with ``uv run python tools/mail_catalogs.py
analytics``). Each entry's key is its ``msgctxt``. The template ids and placeholders are
a contract (``tandem_contracts.mails``). ``$questions`` and ``$options`` arrive as lines
already written (a question, then one link per answer); ``$privacy`` is one of the
``privacy.*`` words, what the manager will see of the answers.
"""

from __future__ import annotations

from typing import Final

from tandem_analytics.domain.risk_words import ACTIONS, REASONS

Text = str | tuple[str, str]

CHECK_IN: Final = "check-in-request"
OUTCOME: Final = "outcome-request"

# template id -> (subject, text)
TEMPLATES: Final[dict[str, tuple[Text, Text]]] = {
    CHECK_IN: (
        "$programme: how is your mentoring going?",
        "Hello $name,\n\nhow is your mentoring in $programme going?\nCheck-in: $round\n\n"
        "Each answer is one click, from 1 (not at all) to 5 (very much):\n\n$questions\n\n"
        "You can also answer on Tandem:\n$link\n\n$privacy\n",
    ),
    OUTCOME: (
        "$programme: what are you doing now?",
        "Hello $name,\n\nyour mentoring in $programme has ended. To learn whether the "
        "programme helps people into work, we would like to know your situation.\n"
        "When: $stage\n\nOne click is enough:\n\n$options\n\n$privacy\n",
    ),
}

WORDS: Final[dict[str, Text]] = {
    "round.pulse": "short check-in",
    "round.midpoint": "midpoint review",
    "round.final": "final evaluation",
    "question.relationship": "How well is your mentoring relationship working?",
    "question.progress": "How much progress are you making towards your goals?",
    "question.support": "How supported do you feel?",
    "question.overall": "Overall, how valuable was the mentoring for you?",
    "question.recommend": "How likely are you to recommend the programme?",
    "stage.closure": "at the end of the mentoring",
    "stage.month_3": "three months after the end",
    "stage.month_6": "six months after the end",
    "status.employed": "Employed",
    "status.in_training": "In training or education",
    "status.self_employed": "Self-employed",
    "status.still_searching": "Still looking for work",
    "status.other": "Something else",
    "privacy.aggregate_only": "Your manager sees only figures for groups of at least five "
    "people, never your own answers.",
    "privacy.named": "As the programme's consent text says, your manager may see your "
    "answers with your name.",
}

# The risk reasons and actions (domain/risk_words.py) share the analytics catalogs, so
# tools/mail_catalogs.py writes their entries too (msgctxt as adapters/risk_words.py).
SHARED_WORDS: Final[dict[str, Text]] = {
    **{f"reason.{code.value}": text for code, text in REASONS.items()},
    **{f"action.{action.value}": text for action, text in ACTIONS.items()},
}
