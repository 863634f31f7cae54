"""Places of face-to-face meetings, and a shared city to suggest one in.

A place is what members type (name, address, notes): no geocoding, no network. The
suggestion is deliberately plain: the city most members share, as they wrote it in their
profiles (compared regardless of case, Unicode compatibility forms and extra spaces), and
the places already known there. Fewer than two members in one city is no suggestion at
all: a place then has to be agreed between the members, and saying so is more honest than
guessing a midpoint.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

PLACE_NAME_MAX = 200
PLACE_ADDRESS_MAX = 500
PLACE_NOTES_MAX = 2000


class PlaceInvalid(ValueError):
    """A place field out of bounds; ``field`` names it (name, address or notes)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def _check(field: str, value: str, maximum: int, *, required: bool, lines: bool) -> None:
    if required and not value.strip():
        raise PlaceInvalid(field, "must not be empty")
    if len(value) > maximum:
        raise PlaceInvalid(field, f"must have at most {maximum} characters, not {len(value)}")
    allowed = {"\n"} if lines else set()
    # Control characters would break the iCalendar LOCATION line and mail headers.
    if any(unicodedata.category(c) == "Cc" and c not in allowed for c in value):
        raise PlaceInvalid(field, "must not contain control characters")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    address: str = ""  # may span lines
    notes: str = ""  # e.g. "second floor, ask at the desk"

    def __post_init__(self) -> None:
        _check("name", self.name, PLACE_NAME_MAX, required=True, lines=False)
        _check("address", self.address, PLACE_ADDRESS_MAX, required=False, lines=True)
        _check("notes", self.notes, PLACE_NOTES_MAX, required=False, lines=True)

    @classmethod
    def of(cls, name: str, address: str = "", notes: str = "") -> Place:
        """A place from typed input: surrounding blanks dropped, line ends made ``\\n``."""

        def tidy(text: str) -> str:
            return "\n".join(line.strip() for line in text.strip().splitlines())

        return cls(" ".join(name.split()), tidy(address), tidy(notes))

    def one_line(self) -> str:
        """Name and address on one line (an iCalendar LOCATION, a mail's line)."""
        parts = [self.name, *(line for line in self.address.splitlines() if line)]
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class PlaceSuggestion:
    city: str  # as most of its members spell it
    reason: str  # plain English, e.g. "3 of 4 members live in Lisbon"
    members_in_city: int
    members: int
    places: tuple[Place, ...] = ()  # known places there, in the order given


def city_key(city: str) -> str:
    """How two spellings of one city compare: Unicode-folded, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", city).casefold().split())


def suggest_places(
    cities: Sequence[str | None], known_places: Mapping[str, Sequence[Place]]
) -> PlaceSuggestion | None:
    """The city most members share (``None`` for a member without one), or ``None``.

    A tie between cities goes to the one with more known places, then the first in
    alphabetical order, so the same members always get the same suggestion.
    """
    spellings: dict[str, Counter[str]] = {}
    for city in cities:
        if city is None or not city_key(city):
            continue
        spellings.setdefault(city_key(city), Counter())[" ".join(city.split())] += 1
    places: dict[str, tuple[Place, ...]] = {}
    for city, found in known_places.items():
        places[city_key(city)] = places.get(city_key(city), ()) + tuple(found)
    shared = [(key, sum(counts.values())) for key, counts in spellings.items()]
    shared = [(key, count) for key, count in shared if count >= 2]
    if not shared:
        return None
    key, count = min(shared, key=lambda item: (-item[1], -len(places.get(item[0], ())), item[0]))
    # The spelling most members used; between equally used ones, the first given.
    name = spellings[key].most_common(1)[0][0]
    members = len(cities)
    everyone = "all" if count == members else f"{count} of"
    return PlaceSuggestion(
        city=name,
        reason=f"{everyone} {members} members live in {name}",
        members_in_city=count,
        members=members,
        places=places.get(key, ()),
    )
