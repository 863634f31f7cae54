"""Places: bounded fields, tidy input, and a shared city suggested only when there is one."""

from __future__ import annotations

import pytest

from tandem_meetings.domain.places import (
    PLACE_ADDRESS_MAX,
    PLACE_NAME_MAX,
    PLACE_NOTES_MAX,
    Place,
    PlaceInvalid,
    city_key,
    suggest_places,
)

CAFE = Place("Café A Brasileira", "Rua Garrett 120\n1200-273 Lisboa", "Upstairs room")
LIBRARY = Place("Biblioteca de Belém", "Rua da Junqueira 295")
PORTO = Place("Livraria Lello", "Rua das Carmelitas 144")


def test_a_place_keeps_what_was_typed_within_its_limits() -> None:
    place = Place("N" * PLACE_NAME_MAX, "A" * PLACE_ADDRESS_MAX, "n" * PLACE_NOTES_MAX)
    assert len(place.name) == PLACE_NAME_MAX


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"name": ""}, "name", "must not be empty"),
        ({"name": "   "}, "name", "must not be empty"),
        ({"name": "N" * (PLACE_NAME_MAX + 1)}, "name", f"at most {PLACE_NAME_MAX}"),
        ({"name": "Two\nlines"}, "name", "control characters"),
        ({"address": "A" * (PLACE_ADDRESS_MAX + 1)}, "address", f"at most {PLACE_ADDRESS_MAX}"),
        ({"address": "Rua\x00Garrett"}, "address", "control characters"),
        ({"notes": "n" * (PLACE_NOTES_MAX + 1)}, "notes", f"at most {PLACE_NOTES_MAX}"),
        ({"notes": "ring\x07"}, "notes", "control characters"),
    ],
)
def test_a_place_out_of_bounds_names_its_field(
    values: dict[str, str], field: str, message: str
) -> None:
    given = {"name": "Café", "address": "", "notes": ""} | values
    with pytest.raises(PlaceInvalid, match=message) as refused:
        Place(**given)
    assert refused.value.field == field


def test_typed_input_is_tidied_and_multi_line_addresses_kept() -> None:
    place = Place.of("  Café   A Brasileira ", " Rua Garrett 120 \r\n 1200-273 Lisboa \n", "\t")
    assert place == Place("Café A Brasileira", "Rua Garrett 120\n1200-273 Lisboa", "")
    assert place.one_line() == "Café A Brasileira, Rua Garrett 120, 1200-273 Lisboa"
    assert Place("Library").one_line() == "Library"


def test_the_city_most_members_share_is_suggested_with_its_places() -> None:
    suggestion = suggest_places(
        ["Lisbon", "Porto", "lisbon ", None, "Porto", "LISBON"],
        {"Lisbon": [CAFE, LIBRARY], "Porto": [PORTO]},
    )
    assert suggestion is not None
    assert suggestion.city == "Lisbon"
    assert (suggestion.members_in_city, suggestion.members) == (3, 6)
    assert suggestion.reason == "3 of 6 members live in Lisbon"
    assert suggestion.places == (CAFE, LIBRARY)


def test_all_members_in_one_city_says_so() -> None:
    suggestion = suggest_places(["Athens", "athens"], {})
    assert suggestion is not None
    assert suggestion.reason == "all 2 members live in Athens"
    assert suggestion.places == ()


@pytest.mark.parametrize(
    "cities",
    [
        [],
        ["Lisbon"],
        ["Lisbon", "Athens", "Sydney"],
        ["Lisbon", None, None],
        [None, None],
        ["", " "],
    ],
)
def test_no_suggestion_unless_two_members_share_a_city(cities: list[str | None]) -> None:
    assert suggest_places(cities, {"Lisbon": [CAFE]}) is None


def test_a_tie_goes_to_the_city_with_known_places_then_alphabetically() -> None:
    tied = ["Porto", "Lisbon", "Porto", "Lisbon"]
    with_places = suggest_places(tied, {"porto": [PORTO]})
    assert with_places is not None
    assert with_places.city == "Porto"
    assert with_places.places == (PORTO,)
    plain = suggest_places(tied, {})
    assert plain is not None
    assert plain.city == "Lisbon"


def test_the_most_used_spelling_names_the_city() -> None:
    suggestion = suggest_places(["new york", "New York", "New  York", "Sydney"], {})
    assert suggestion is not None
    assert suggestion.city == "New York"
    assert suggestion.members_in_city == 3


def test_city_spellings_compare_regardless_of_case_width_and_spaces() -> None:
    assert city_key(" Lisboa ") == city_key("LISBOA") == city_key("Ｌｉｓｂｏａ")
    assert city_key("São  Paulo") == city_key("são paulo")
    assert city_key("Lisboa") != city_key("Lisbon")


def test_known_places_under_spellings_of_one_city_are_merged() -> None:
    suggestion = suggest_places(["Lisbon", "Lisbon"], {"Lisbon": [CAFE], "LISBON": [LIBRARY]})
    assert suggestion is not None
    assert suggestion.places == (CAFE, LIBRARY)
