"""The English source of messaging's mails and words: gettext msgids, pure data.

Translations live in ``tandem_messaging/locale/<language>/LC_MESSAGES/messaging.po``
(the ``messaging`` gettext domain; see docs/building-a-service.md, i18n). Each
entry's key is its ``msgctxt``; a pair is a (singular, plural) counted by ``$count``.
The template ids and their placeholders are a contract (``tandem_contracts.mails``):
matching checks programmes' overrides against them.

Mails never carry message or post content: an e-mail leaves the platform in the
clear, so it says *that* someone wrote and links back, nothing more. Lists
(members, conversations) arrive pre-formatted, one line each, from
:mod:`tandem_messaging.adapters.notifications`.
"""

from __future__ import annotations

from typing import Final

Text = str | tuple[str, str]

NEW_MESSAGE: Final = "message-new"
DIGEST: Final = "message-digest"
INTRODUCTION: Final = "relationship-introduction"
AGREEMENT_PENDING: Final = "agreement-pending"
MANAGER_DIGEST: Final = "manager-digest"

# template id -> (subject, text)
TEMPLATES: Final[dict[str, tuple[Text, Text]]] = {
    NEW_MESSAGE: (
        "New message from $sender",
        "Hello $name,\n\n$sender wrote to you in your mentoring conversation ($programme).\n"
        "Sent: $written_at\n\nTo keep your conversation confidential, the message is not "
        "included in this e-mail. Read and answer it on Tandem:\n$link\n\n"
        "You can choose immediate e-mails, a daily digest or none: $preferences\n",
    ),
    DIGEST: (
        (
            "Your Tandem day: $count unread message",
            "Your Tandem day: $count unread messages",
        ),
        (
            "Hello $name,\n\nyou have $count unread message:\n$summary\n\n"
            "Read it on Tandem: $link\n\nChange how often we write: $preferences\n",
            "Hello $name,\n\nyou have $count unread messages:\n$summary\n\n"
            "Read them on Tandem: $link\n\nChange how often we write: $preferences\n",
        ),
    ),
    INTRODUCTION: (
        "Your mentoring relationship has started",
        "Hello $name,\n\nwelcome to your mentoring relationship in $programme. "
        "You are in it with:\n$members\n$linkedin\n"
        "Your private conversation is open; start by agreeing on how you will "
        "communicate:\n$link\n",
    ),
    AGREEMENT_PENDING: (
        "Please review your communication agreement (version $version)",
        "Hello $name,\n\nthe communication agreement of a mentoring relationship in "
        "$programme ($members; version $version) is waiting for your acceptance. "
        "It sets the channels, the expected response time and how often you meet.\n"
        "Review and accept it here:\n$link\n",
    ),
    # A manager's digest: $summary is one MANAGER_DIGEST_LINE per relationship waiting.
    # "…: $count" reads right for any count in every language (no plural forms needed).
    MANAGER_DIGEST: (
        "Communication agreements waiting for your acceptance: $count",
        "Hello $name,\n\ncommunication agreements waiting for your acceptance, one line per "
        "mentoring relationship ($count):\n$summary\n\n"
        "Would you rather have one e-mail per agreement? Choose here: $preferences\n",
    ),
}

ROLE_MENTOR: Final = "role.mentor"
ROLE_MENTEE: Final = "role.mentee"
ROLE_MANAGER: Final = "role.manager"
# Added to the introduction only for people who BOTH shared their LinkedIn profile.
LINKEDIN_INTRO: Final = "introduction.linkedin"
UNREAD_LINE: Final = "digest.unread-line"
MANAGER_DIGEST_LINE: Final = "manager-digest.line"
SOMEONE: Final = "someone"

WORDS: Final[dict[str, Text]] = {
    ROLE_MENTOR: "mentor",
    ROLE_MENTEE: "mentee",
    ROLE_MANAGER: "programme manager",
    LINKEDIN_INTRO: "You have both chosen to share your LinkedIn profiles, so you could "
    "connect there:",
    UNREAD_LINE: (
        "- $count unread message in your conversation with $names",
        "- $count unread messages in your conversation with $names",
    ),
    SOMEONE: "a member",
    MANAGER_DIGEST_LINE: "- $members ($programme, version $version): $link",
}
