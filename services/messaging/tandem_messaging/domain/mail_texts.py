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
AT_RISK: Final = "relationship-at-risk"
NUDGE: Final = "relationship-nudge"
REMATCH_OFFERED: Final = "rematch-offered"

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
    # analytics' relationship.at_risk, to each manager: $reasons is one REASON_* line
    # with its ACTION_* below it per reason; figures only, never anyone's words.
    AT_RISK: (
        "A mentoring relationship may need you: $members",
        "Hello $name,\n\nthe mentoring relationship of $members in $programme shows signs "
        "that it could end early. What Tandem noticed (figures only, never anyone's "
        "messages), and what you could do:\n$reasons\n\n"
        "The programme's relationships at risk, where you can also dismiss this flag:\n$link\n",
    ),
    # The members' gentle nudge, if the programme wants it: never the reasons.
    NUDGE: (
        "How is your mentoring going?",
        "Hello $name,\n\nit has been a little quiet in your mentoring relationship in "
        "$programme. A short message or a meeting soon can make a real difference, and "
        "your programme manager is glad to help.\n\nYour conversation on Tandem:\n$link\n",
    ),
    # matching's rematch.offered, to the mentee: the offer waits for her answer, and until
    # she accepts no match run places her, so the mail says both ways and what nothing means.
    REMATCH_OFFERED: (
        "$programme: would you like a new mentor?",
        "Hello $name,\n\nyour mentoring relationship in $programme has ended early. If you "
        "wish, the programme will match you with a new mentor.\n\nOpen the offer on Tandem "
        "to accept it (you take part in the next matching) or to decline it:\n$link\n\n"
        "Until you accept, you will not be matched again.\n",
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
# A reason's figure follows a label ("…: 14.5"), so no language needs plural forms.
REASONS: Final = {
    "no_two_way_contact": "Days without two-way contact: $value",
    "message_unanswered": "Hours a member's message has waited for an answer: $value",
    "activity_window_missed": "Planned activities passed without a meeting: $value",
    "repeated_no_shows": "Meetings missed (no-shows): $value",
    "agreement_not_accepted": "Days since the start without an accepted communication "
    "agreement: $value",
    "participant_isolated": "Days a member has had no contact and no meeting: $value",
    "contact_declining": "Contact is becoming less frequent",
    "response_slowing": "Answers are getting slower",
    "low_reciprocity": "One member does most of the writing",
    "meetings_below_plan": "Fewer meetings than planned",
    "low_check_in_scores": "Low answers in the check-ins",
    "time_zone_gap": "A large time-zone gap between the members",
}
ACTIONS: Final = {
    "contact_members": "Get in touch with the members.",
    "remind_to_reply": "Remind the members to reply.",
    "help_schedule": "Help the members schedule a meeting.",
    "check_attendance": "Ask the members about the missed meetings.",
    "help_agree": "Help the members agree on how they communicate.",
    "reach_out_to_participant": "Reach out to the member.",
    "consider_rematching": "Consider offering a new match.",
}

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
    **{f"risk.reason.{code}": text for code, text in REASONS.items()},
    **{f"risk.action.{action}": text for action, text in ACTIONS.items()},
}
