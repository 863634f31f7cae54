"""Figures as each reader reads them: CLDR's numbers, shares and dates (Babel)."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent


def share(value: float, language: str) -> str:
    """A share of one to a tenth of a percent, in the language's own percent pattern,
    e.g. en "12.5%", de "12,5 %" (a no-break space)."""
    return format_percent(round(value, 3), locale=language, decimal_quantization=False)


def number(value: float, language: str) -> str:
    """A figure to one decimal, e.g. en "1,234.5", de "1.234,5"."""
    return format_decimal(value, "#,##0.#", locale=language)


def day(value: date, language: str) -> str:
    """A date in the language's medium length, e.g. en "Dec 7, 2026", de "07.12.2026"."""
    return format_date(value, "medium", locale=language)
