"""The risk reasons' words in the reader's language (the catalogs are the adapter's)."""

from __future__ import annotations

from tandem_analytics.adapters import risk_words as repo
from tandem_analytics.domain.risk_words import ReasonWording


def words_for(preferred: str | None) -> ReasonWording:
    """An Accept-Language value or a language tag; English when none of it is ours."""
    return repo.words_for(preferred)
