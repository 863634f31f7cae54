"""The English source of the risk reasons' and actions' plain words: gettext msgids.

Translations live in ``tandem_analytics/locale/<language>/LC_MESSAGES/analytics.po``
(the ``analytics`` gettext domain). Each key is its ``msgctxt``. A reason's figures
arrive formatted in the reader's locale: ``$value`` and ``$threshold`` (days, hours or
a count, as the code says). A reason about one member says "a member": the flag
carries the member's id, the manager's own view shows who that is.
"""

from __future__ import annotations

from typing import Final, Protocol

from tandem_contracts.analytics import RiskReason, RiskReasonCode, SuggestedAction

REASONS: Final[dict[RiskReasonCode, str]] = {
    RiskReasonCode.NO_TWO_WAY_CONTACT: "No two-way contact for $value days (the programme "
    "flags at $threshold).",
    RiskReasonCode.MESSAGE_UNANSWERED: "A member's message has waited $value hours for an "
    "answer (the limit is $threshold).",
    RiskReasonCode.ACTIVITY_WINDOW_MISSED: "Planned activities passed without a meeting: "
    "$value (the programme flags at $threshold).",
    RiskReasonCode.REPEATED_NO_SHOWS: "Meetings a member did not come to: $value (the "
    "programme flags at $threshold).",
    RiskReasonCode.AGREEMENT_NOT_ACCEPTED: "No communication agreement accepted $value days "
    "after the start (the programme flags at $threshold).",
    RiskReasonCode.PARTICIPANT_ISOLATED: "A member has had no contact and no meeting for "
    "$value days (the programme flags at $threshold).",
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


class ReasonWording(Protocol):
    """A reason and its action in one reader's language (the catalogs say how)."""

    @property
    def language(self) -> str: ...

    def reason(self, reason: RiskReason) -> str: ...

    def action(self, reason: RiskReason) -> str: ...
