"""The English source of meetings' mails and words: gettext msgids, pure data.

Translations live in ``tandem_meetings/locale/<language>/LC_MESSAGES/meetings.po``
(the ``meetings`` gettext domain; see docs/building-a-service.md, "Language and
wording"). Each entry's key is its ``msgctxt``; a pair would be a (singular, plural)
counted by ``$count``. The template ids and their placeholders are a contract
(``tandem_contracts.mails``): matching checks programmes' overrides against them.

A mail shows every time in the recipient's own zone and language; ``$when``,
``$where``, ``$members`` and ``$options`` arrive pre-formatted (one line per member
or proposed time) from :mod:`tandem_meetings.adapters.invitations`. The activity is
always shown after a label ("What: …") so that no language has to inflect it.
"""

from __future__ import annotations

from typing import Final

Text = str | tuple[str, str]

PROPOSALS: Final = "meeting-proposals"
INVITATION: Final = "meeting-invitation"
UPDATED: Final = "meeting-updated"
CANCELLED: Final = "meeting-cancelled"
REMINDER: Final = "meeting-reminder"

# template id -> (subject, text)
TEMPLATES: Final[dict[str, tuple[Text, Text]]] = {
    PROPOSALS: (
        "Choose a time: $activity",
        "Hello $name,\n\nit is time to plan the next meeting of your mentoring relationship "
        "in $programme.\nWhat: $activity\n\nThese times fit the members' availability "
        "(shown in your time zone):\n$options\n\nChoose one on Tandem:\n$link\n",
    ),
    INVITATION: (
        "Invitation: $activity, $when",
        "Hello $name,\n\nyou are invited to a meeting of your mentoring relationship in "
        "$programme.\n\nWhat: $activity\nWhen: $when\nWhere: $where\nWho:\n$members\n\n"
        "The attached calendar file adds the meeting to your calendar. "
        "Please let the others know whether you can come; one click is enough:\n"
        "Accept: $accept\nMaybe: $tentative\nDecline: $decline\n\n"
        "These links are yours alone and expire; they do not sign you in.\n",
    ),
    UPDATED: (
        "Changed: $activity, $when",
        "Hello $name,\n\na meeting of your mentoring relationship in $programme has "
        "changed.\n\nWhat: $activity\nWhen: $when\nPreviously: $previous\nWhere: $where\n\n"
        "The attached calendar file updates the meeting in your calendar. "
        "Please let the others know again whether you can come:\n"
        "Accept: $accept\nMaybe: $tentative\nDecline: $decline\n\n"
        "These links are yours alone and expire; they do not sign you in.\n",
    ),
    CANCELLED: (
        "Cancelled: $activity, $when",
        "Hello $name,\n\na meeting of your mentoring relationship in $programme has been "
        "cancelled.\n\nWhat: $activity\nWhen: $when\nReason: $reason\n\n"
        "The attached calendar file removes the meeting from your calendar.\n",
    ),
    REMINDER: (
        "Reminder: $activity, $when",
        "Hello $name,\n\na reminder of your next meeting in $programme.\n\n"
        "What: $activity\nWhen: $when\nWhere: $where\n\n"
        "The meeting's details are on Tandem:\n$link\n",
    ),
}

ROLE_MENTOR: Final = "role.mentor"
ROLE_MENTEE: Final = "role.mentee"
ROLE_MANAGER: Final = "role.manager"
SOMEONE: Final = "someone"
# The zone a time is shown in, after it: "(Lisbon time)". $city is CLDR's exemplar
# city of the zone in the reader's language, so translations put it in the nominative.
ZONE: Final = "zone"
WHERE_ONLINE: Final = "where.online"
WHERE_LINK_PENDING: Final = "where.link-pending"
WHERE_PLACE: Final = "where.place"
WHERE_PLACE_NAME: Final = "where.place-name"  # a place known by its name alone
MODE_ONLINE: Final = "mode.online"
MODE_FACE_TO_FACE: Final = "mode.face_to_face"
ACTIVITY_MEETING: Final = "activity.meeting"  # a meeting of no planned activity
ACTIVITY_KICK_OFF: Final = "activity.kick_off"
ACTIVITY_REGULAR: Final = "activity.regular"
ACTIVITY_MIDPOINT_REVIEW: Final = "activity.midpoint_review"
ACTIVITY_CLOSING: Final = "activity.closing"
RSVP_ACCEPTED: Final = "rsvp.accepted"
RSVP_TENTATIVE: Final = "rsvp.tentative"
RSVP_DECLINED: Final = "rsvp.declined"

# One word per tandem_contracts.meetings.CancelReason, keyed "reason.<value>".
REASONS: Final[dict[str, str]] = {
    "conflict": "a scheduling conflict",
    "illness": "illness",
    "no_longer_needed": "the meeting is no longer needed",
    "relationship_ended": "the mentoring relationship has ended",
    "participant_erased": "a member has left the programme",
    "other": "other reasons",
}

WORDS: Final[dict[str, Text]] = {
    ROLE_MENTOR: "mentor",
    ROLE_MENTEE: "mentee",
    ROLE_MANAGER: "programme manager",
    SOMEONE: "a member",
    ZONE: "$city time",
    WHERE_ONLINE: "Online (video call): $link",
    WHERE_LINK_PENDING: "Online (video call): the link is not ready yet",
    WHERE_PLACE: "In person: $place, $address",
    WHERE_PLACE_NAME: "In person: $place",
    MODE_ONLINE: "online",
    MODE_FACE_TO_FACE: "face to face",
    ACTIVITY_MEETING: "Mentoring meeting",
    ACTIVITY_KICK_OFF: "Kick-off meeting",
    ACTIVITY_REGULAR: "Regular session",
    ACTIVITY_MIDPOINT_REVIEW: "Midpoint review",
    ACTIVITY_CLOSING: "Closing meeting",
    RSVP_ACCEPTED: "accepted",
    RSVP_TENTATIVE: "maybe",
    RSVP_DECLINED: "declined",
    **{f"reason.{code}": text for code, text in REASONS.items()},
}
