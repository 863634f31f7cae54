"""Whether a participant's page can show what a service holds, or why not: the service's
refusal as the page's status, in plain words (never a 500)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Shown(StrEnum):
    SHOWN = "shown"
    FORBIDDEN = "forbidden"  # the service's 403: a manager, for the members' own words
    MISSING = "missing"  # its 404: no such thing, or not the viewer's to see
    CLOSED = "closed"  # its 409 or 410: the relationship or the item is over
    UNAVAILABLE = "unavailable"  # it is not answering


STATUS = {
    Shown.SHOWN: 200,
    Shown.FORBIDDEN: 403,
    Shown.MISSING: 404,
    Shown.CLOSED: 409,
    Shown.UNAVAILABLE: 503,
}


def refusal(status: int) -> Shown:
    """What a service's declared refusal means for the page."""
    if status == 403:
        return Shown.FORBIDDEN
    if status in (409, 410):
        return Shown.CLOSED
    return Shown.MISSING


@dataclass(frozen=True, slots=True)
class Found(Generic[T]):
    """A page's content (``value`` when shown) and the viewer's time zone."""

    shown: Shown
    zone: str
    value: T | None = None

    @property
    def status(self) -> int:
        return STATUS[self.shown]


def blank(text: str | None) -> bool:
    return not (text or "").strip()
