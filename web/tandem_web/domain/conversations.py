"""A conversation as its page shows it, or why it cannot be shown."""

from __future__ import annotations

from dataclasses import dataclass
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

    @property
    def status(self) -> int:
        return STATUS[self.shown]
