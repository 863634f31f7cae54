"""Times as each reader reads them: CLDR's formats for the page's language, in the
reader's own time zone (Babel)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_time, get_datetime_format, get_timezone_location


def local_time(
    moment: datetime, zone: str, language: str, *, length: Literal["full", "medium"] = "full"
) -> str:
    """``moment`` in ``zone`` in the words of ``language``: CLDR's date of that length and
    its short time, joined by the language's own date-time glue (as ``format_datetime``
    joins them), e.g. en "Tuesday, December 8, 2026, 5:00 PM", de "Dienstag, 8. Dezember
    2026, 17:00". ``format_datetime``'s own lengths would show seconds, which a meeting
    time never has."""
    locale = Locale.parse(language)
    local = moment.astimezone(ZoneInfo(zone))
    glue = str(get_datetime_format(length, locale=locale)).replace("'", "")
    date = format_date(local.date(), length, locale=locale)
    time = format_time(local.timetz(), "short", locale=locale)
    return glue.replace("{0}", time).replace("{1}", date)


def zone_name(zone: str, language: str) -> str:
    """The zone as the reader calls it, e.g. en "Greece Time" (CLDR's location format)."""
    return str(get_timezone_location(ZoneInfo(zone), locale=language, return_city=False))
