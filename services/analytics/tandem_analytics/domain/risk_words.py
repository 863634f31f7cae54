"""The English source of the risk reasons' and actions' plain words: gettext msgids.

Translations live in ``tandem_analytics/locale/<language>/LC_MESSAGES/analytics.po``
(the ``analytics`` gettext domain). Each key is its ``msgctxt``. A reason's figures
arrive formatted in the reader's locale: ``$value`` (a count after a label), ``$count``
(whole days or hours, which also picks the plural form) and ``$threshold``. A reason
about one member says "a member": the flag carries the member's id, the manager's own
view shows who that is.
"""

from __future__ import annotations

import math
from typing import Final, Protocol

from tandem_contracts.analytics import RiskReason, RiskReasonCode, SuggestedAction

Text = str | tuple[str, str]

# A pair is a (singular, plural) counted by ``$count``, the whole days or hours passed:
# each language says "1 day", "2 days", "5 days" its own way (CLDR's plural categories,
# one gettext form each). A count after a label ("…: $value") needs no plural.
REASONS: Final[dict[RiskReasonCode, Text]] = {
    RiskReasonCode.NO_TWO_WAY_CONTACT: (
        "No two-way contact for $count day (the programme flags at $threshold).",
        "No two-way contact for $count days (the programme flags at $threshold).",
    ),
    RiskReasonCode.MESSAGE_UNANSWERED: (
        "A member's message has waited $count hour for an answer (the limit is $threshold).",
        "A member's message has waited $count hours for an answer (the limit is $threshold).",
    ),
    RiskReasonCode.ACTIVITY_WINDOW_MISSED: "Planned activities passed without a meeting: "
    "$value (the programme flags at $threshold).",
    RiskReasonCode.REPEATED_NO_SHOWS: "Meetings a member did not come to: $value (the "
    "programme flags at $threshold).",
    RiskReasonCode.AGREEMENT_NOT_ACCEPTED: (
        "No communication agreement accepted $count day after the start (the programme "
        "flags at $threshold).",
        "No communication agreement accepted $count days after the start (the programme "
        "flags at $threshold).",
    ),
    RiskReasonCode.PARTICIPANT_ISOLATED: (
        "A member has had no contact and no meeting for $count day (the programme flags "
        "at $threshold).",
        "A member has had no contact and no meeting for $count days (the programme flags "
        "at $threshold).",
    ),
    RiskReasonCode.CONTACT_DECLINING: "Contact has become less frequent.",
    RiskReasonCode.RESPONSE_SLOWING: "Answers are getting slower.",
    RiskReasonCode.LOW_RECIPROCITY: "One member does most of the writing.",
    RiskReasonCode.MEETINGS_BELOW_PLAN: "Fewer meetings than planned.",
    RiskReasonCode.LOW_CHECK_IN_SCORES: "Low check-in answers.",
    RiskReasonCode.TIME_ZONE_GAP: "A large time-zone gap between the members.",
}

ACTIONS: Final[dict[SuggestedAction, str]] = {
    SuggestedAction.CONTACT_MEMBERS: "Get in touch with the members.",
    SuggestedAction.REMIND_TO_REPLY: "Remind the members to reply.",
    SuggestedAction.HELP_SCHEDULE: "Help the members schedule a meeting.",
    SuggestedAction.CHECK_ATTENDANCE: "Ask the members about the missed meetings.",
    SuggestedAction.HELP_AGREE: "Help the members agree on how they communicate.",
    SuggestedAction.REACH_OUT_TO_PARTICIPANT: "Reach out to the member.",
    SuggestedAction.CONSIDER_REMATCHING: "Consider offering a new match.",
}


def whole_units(value: float | None) -> int:
    """The whole days or hours a figure has reached: what ``$count`` says.

    Gettext's plural forms are for whole numbers, and a fraction would need forms of its
    own in many languages (Polish "2,5 dnia", Czech "2,5 dne"); the rules fire on the
    figure reaching its threshold, so "14 days" is said from the fourteenth day on.
    """
    return 0 if value is None or value < 0 else math.floor(value)


class ReasonWording(Protocol):
    """A reason and its action in one reader's language (the catalogs say how)."""

    @property
    def language(self) -> str: ...

    def reason(self, reason: RiskReason) -> str: ...

    def action(self, reason: RiskReason) -> str: ...
