"""What a message or post may contain, and who may change it when."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

DELETED_TEXT = "[deleted]"
FORMER_MEMBER = "former member"


class Ciphertext(Protocol):
    """Sealed content as records carry it; the service opens it with the container's key."""

    @property
    def nonce(self) -> bytes: ...

    @property
    def ciphertext(self) -> bytes: ...


class TextFormat(StrEnum):
    """Markdown is stored as its source text; clients render it (no HTML is kept)."""

    PLAIN = "plain"
    MARKDOWN = "markdown"


class ContentRejected(Exception):
    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


class ContentTooLong(ContentRejected):
    pass


@dataclass(frozen=True)
class Limits:
    max_chars: int
    edit_window: timedelta


def normalised_body(text: str, max_chars: int, *, what: str = "message") -> str:
    """The text as stored: NFC, trailing whitespace trimmed; empty or too long is rejected.

    Length is counted in characters (code points) after normalisation, so the
    limit means the same for every script.
    """
    body = unicodedata.normalize("NFC", text).rstrip()
    if not body.strip():
        raise ContentRejected("empty_body", f"The {what} is empty.")
    if "\x00" in body:
        raise ContentRejected("invalid_character", f"The {what} contains a NUL character.")
    if len(body) > max_chars:
        raise ContentTooLong(
            f"{what}_too_long",
            f"The {what} has {len(body)} characters; at most {max_chars} are allowed.",
        )
    return body


def can_still_change(posted_at: datetime, now: datetime, window: timedelta) -> bool:
    """Authors may fix or withdraw what they wrote shortly after, not rewrite history."""
    return now - posted_at <= window
