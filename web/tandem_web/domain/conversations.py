"""A conversation as its page shows it, or why it cannot be shown."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from tandem_web.domain.participants import Conversation, Message


class Shown(StrEnum):
    """What the page can show: the conversation, or the reason it cannot."""

    SHOWN = "shown"
    PRIVATE = "private"  # messaging refuses: a manager, an admin (content is members' only)
    MISSING = "missing"  # no such conversation, or not this person's
    CLOSED = "closed"  # gone (erased or past retention)
    UNAVAILABLE = "unavailable"  # messaging is not answering


# The page's HTTP status for each case: a refusal is rendered, never a 500.
STATUS = {
    Shown.SHOWN: 200,
    Shown.PRIVATE: 403,
    Shown.MISSING: 404,
    Shown.CLOSED: 410,
    Shown.UNAVAILABLE: 503,
}


def refusal(status: int) -> Shown:
    """What a refusal by messaging (its status) means for the page."""
    return {403: Shown.PRIVATE, 404: Shown.MISSING, 410: Shown.CLOSED}.get(status, Shown.MISSING)


@dataclass(frozen=True, slots=True)
class ConversationPage:
    shown: Shown
    zone: str
    conversation: Conversation | None = None
    messages: tuple[Message, ...] = ()
    # The viewer's own messages they may still edit or delete (messaging's window).
    changeable: frozenset[uuid.UUID] = field(default_factory=frozenset)

    @property
    def status(self) -> int:
        return STATUS[self.shown]

    def message(self, message_id: uuid.UUID | None) -> Message | None:
        """One of the messages shown (the one a reply answers, the one being edited)."""
        return next((m for m in self.messages if m.id == message_id), None)


def changeable(
    messages: Iterable[Message], now: datetime, window: timedelta
) -> frozenset[uuid.UUID]:
    """The viewer's own messages still inside messaging's edit window: only these show
    the edit and delete forms (messaging decides again on the post: 409 once too late)."""
    return frozenset(
        m.id for m in messages if m.mine and not m.deleted and now < m.posted_at + window
    )


class Change(StrEnum):
    """Why a message could not be edited, deleted or reported: the page says so."""

    NOT_YOURS = "not_yours"  # messaging's 403: only its author changes a message
    PRIVATE = "private"  # messaging's 403 to a manager: content is members' only
    TOO_LATE = "too_late"  # messaging's 409: past the edit window, deleted, or closed
    MISSING = "missing"  # 404: no such message or conversation, or not the viewer's
    GONE = "gone"  # 410: past retention
    OWN = "own"  # 422 on a report: one cannot report one's own message
    UNAVAILABLE = "unavailable"


CHANGE_STATUS = {
    Change.NOT_YOURS: 403,
    Change.PRIVATE: 403,
    Change.TOO_LATE: 409,
    Change.MISSING: 404,
    Change.GONE: 410,
    Change.OWN: 422,
    Change.UNAVAILABLE: 503,
}


def change_refusal(status: int | None, code: str | None) -> Change:
    if status is None:
        return Change.UNAVAILABLE
    if status == 403:
        return Change.PRIVATE if code == "content_confidential" else Change.NOT_YOURS
    return {409: Change.TOO_LATE, 410: Change.GONE, 422: Change.OWN}.get(status, Change.MISSING)
