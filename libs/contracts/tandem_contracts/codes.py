"""The code lists every service checks against: countries and languages from CLDR
(through Babel), time zones from the pinned ``tzdata`` wheel.

Pinned data, not the machine's: the same Babel and tzdata versions (``uv.lock``) run
in the container, in CI and on a laptop, so they accept the same codes. In
particular the zones are the tzdata wheel's list, not :func:`zoneinfo.available_timezones`,
which also reads the operating system's zoneinfo (older on some machines, and with
entries such as ``localtime`` that are not IANA zones); :class:`zoneinfo.ZoneInfo`
falls back to the same wheel for any zone the system lacks.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from babel import Locale

__all__ = ["countries", "is_country", "is_language", "is_time_zone", "languages", "time_zones"]

# CLDR's region codes that are not ISO 3166-1 countries: groupings (EU, EZ, UN, QO),
# ISO's "exceptionally reserved" codes CLDR names (AC, CP, CQ, DG, EA, IC, TA), and the
# private-use and unknown ones (XA, XB, ZZ). Kosovo (XK) stays: identity providers and
# HR systems use it.
_NOT_COUNTRIES = frozenset(
    {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"}
)
_LANGUAGE_TAG = re.compile(r"^(?P<language>[a-z]{2,3})(?:-(?P<region>[A-Z]{2}))?$")


@cache
def countries() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes, as CLDR names them (plus XK)."""
    codes = {code for code in Locale("en").territories if isinstance(code, str)}
    return frozenset(
        code for code in codes if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    )


@cache
def languages() -> frozenset[str]:
    """The ISO 639 language codes CLDR knows (2 letters where there is one, else 3)."""
    codes = {code for code in Locale("en").languages if isinstance(code, str)}
    return frozenset(code for code in codes if "_" not in code)


@cache
def time_zones() -> frozenset[str]:
    """The IANA zones of the pinned tzdata wheel."""
    listed = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8")
    return frozenset(listed.split())


def is_country(code: str) -> bool:
    return code in countries()


def is_language(code: str) -> bool:
    """``de``, ``pt-BR``, ``fil``: a language CLDR knows and, if given, a country."""
    match = _LANGUAGE_TAG.match(code)
    if match is None or match["language"] not in languages():
        return False
    return match["region"] is None or is_country(match["region"])


def is_time_zone(name: str) -> bool:
    return name in time_zones()
