"""tandem_contracts.codes: CLDR's countries and languages, the pinned tzdata wheel's zones."""

from __future__ import annotations

import tzdata

from tandem_contracts.codes import (
    countries,
    is_country,
    is_language,
    is_time_zone,
    languages,
    time_zones,
)


def test_countries_are_iso_3166_as_cldr_names_them() -> None:
    assert len(countries()) == 250  # ISO 3166-1's 249 and Kosovo
    assert all(is_country(code) for code in ("DE", "PT", "GR", "XK", "AX", "BQ"))
    for not_a_country in ("EU", "UN", "ZZ", "QO", "IC", "de", "DEU", ""):
        assert not is_country(not_a_country), not_a_country


def test_languages_are_cldrs_with_an_optional_country() -> None:
    assert {"de", "pt", "el", "ga", "mt", "fil", "yue"} <= languages()
    for good in ("de", "pt-BR", "pt-PT", "fil", "sr-ME", "ar-EG"):
        assert is_language(good), good
    for bad in ("xx", "de-XX", "de-de", "DE", "pt_BR", "deu-DE-x", "e", "qqq", ""):
        assert not is_language(bad), bad


def test_time_zones_are_the_pinned_tzdata_wheels() -> None:
    """Not the machine's: ``localtime`` (a file of the system's zoneinfo) is no zone,
    and a zone new in recent tzdata (America/Coyhaique, 2025b) is one everywhere."""
    assert tzdata.IANA_VERSION >= "2025b"
    assert is_time_zone("America/Coyhaique")
    assert is_time_zone("Europe/Kyiv")
    assert is_time_zone("UTC")
    for bad in ("localtime", "Europe/Atlantis", "europe/berlin", "posixrules", ""):
        assert not is_time_zone(bad), bad
    assert len(time_zones()) > 590
