"""The mails the services send, as a contract: each template's id, the service that
renders it, and the placeholders its wording may use.

Matching validates a programme's mail overrides (``mail_overrides``) against this
list, messaging, meetings and analytics render the templates: no service imports another, so
the list both sides agree on lives here, like the events. Each service's catalog
(``tandem_kit.i18n.MailCatalog``) refuses to load unless its templates are exactly
the ones declared here for it, with exactly these placeholders.

``CATALOG_LANGUAGES`` are the languages every service ships a complete gettext
catalog for (the 24 official EU languages, Arabic, Turkish and Ukrainian); a
programme may also declare a language none of them has, if it overrides every
template in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

__all__ = ["CATALOG_LANGUAGES", "MAIL_TEMPLATES", "MailTemplateSpec", "templates_of"]


@dataclass(frozen=True, slots=True)
class MailTemplateSpec:
    id: str
    service: str
    placeholders: frozenset[str]
    description: str


_SPECS = (
    MailTemplateSpec(
        "message-new",
        "messaging",
        frozenset({"name", "sender", "programme", "written_at", "link", "preferences"}),
        "Someone wrote in the recipient's conversation (never its content).",
    ),
    MailTemplateSpec(
        "message-digest",
        "messaging",
        frozenset({"name", "count", "summary", "link", "preferences"}),
        "The daily digest of unread messages; `count` chooses the plural form.",
    ),
    MailTemplateSpec(
        "relationship-introduction",
        "messaging",
        frozenset({"name", "programme", "members", "linkedin", "link"}),
        "A relationship started: who is in it, and the conversation's link.",
    ),
    MailTemplateSpec(
        "agreement-pending",
        "messaging",
        frozenset({"name", "programme", "members", "version", "link"}),
        "A communication agreement waits for the recipient's acceptance.",
    ),
    MailTemplateSpec(
        "manager-digest",
        "messaging",
        frozenset({"name", "count", "summary", "preferences"}),
        "A manager's digest (at most one per period): the relationships whose communication "
        "agreement waits for a manager, one line each in `summary`.",
    ),
    MailTemplateSpec(
        "relationship-at-risk",
        "messaging",
        frozenset({"name", "programme", "members", "reasons", "link"}),
        "Analytics flagged a relationship (relationship.at_risk): to each manager, the "
        "reasons in plain words with a suggested action, one per line in `reasons`.",
    ),
    MailTemplateSpec(
        "relationship-nudge",
        "messaging",
        frozenset({"name", "programme", "link"}),
        "A gentle nudge to the members of a flagged relationship, if the programme wants it "
        "(never the reasons).",
    ),
    MailTemplateSpec(
        "rematch-offered",
        "messaging",
        frozenset({"name", "programme", "link"}),
        "A mentee whose relationship ended early is offered a new match: how to accept or "
        "decline it.",
    ),
    MailTemplateSpec(
        "meeting-proposals",
        "meetings",
        frozenset({"name", "programme", "activity", "options", "link"}),
        "A planned activity has proposed times: `options` lists them in the recipient's zone.",
    ),
    MailTemplateSpec(
        "meeting-invitation",
        "meetings",
        frozenset(
            {"name", "programme", "activity", "when", "where", "members", "accept", "tentative"}
            | {"decline"}
        ),
        "A meeting was scheduled (with its .ics, METHOD:REQUEST); one-click RSVP links.",
    ),
    MailTemplateSpec(
        "meeting-updated",
        "meetings",
        frozenset(
            {"name", "programme", "activity", "when", "previous", "where", "accept"}
            | {"tentative", "decline"}
        ),
        "A meeting's time, length or place changed (its .ics, METHOD:REQUEST, SEQUENCE up).",
    ),
    MailTemplateSpec(
        "meeting-cancelled",
        "meetings",
        frozenset({"name", "programme", "activity", "when", "reason"}),
        "A meeting was cancelled (its .ics, METHOD:CANCEL); `reason` is a translated code.",
    ),
    MailTemplateSpec(
        "meeting-reminder",
        "meetings",
        frozenset({"name", "programme", "activity", "when", "where", "link"}),
        "A meeting starts soon (at the programme's reminder offsets), in the recipient's zone.",
    ),
    MailTemplateSpec(
        "check-in-request",
        "analytics",
        frozenset({"name", "programme", "round", "questions", "link", "privacy"}),
        "A check-in (pulse, midpoint review or final evaluation): one signed link per "
        "answer in `questions`; `privacy` says what the manager sees.",
    ),
    MailTemplateSpec(
        "outcome-request",
        "analytics",
        frozenset({"name", "programme", "stage", "options", "privacy"}),
        "A mentee's employment status at closure and 3 and 6 months after: one signed link "
        "per status in `options`.",
    ),
)

MAIL_TEMPLATES: Final[Mapping[str, MailTemplateSpec]] = MappingProxyType(
    {spec.id: spec for spec in _SPECS}
)

CATALOG_LANGUAGES: Final = frozenset(
    {
        *("bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it"),
        *("lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"),
        *("ar", "tr", "uk"),
    }
)


def templates_of(service: str) -> dict[str, MailTemplateSpec]:
    """The templates ``service`` renders, by id."""
    return {spec.id: spec for spec in _SPECS if spec.service == service}
