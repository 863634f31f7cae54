"""The hand-written migrations make exactly the tables of ``adapters/tables.py``."""

from __future__ import annotations

import pytest

from tandem_analytics.adapters.tables import metadata
from tandem_analytics.main import MIGRATIONS
from tandem_kit.testing.migrations import migration_differences
from tests.conftest import UrlFactory


@pytest.mark.postgres
async def test_migrations_match_the_tables(url_factory: UrlFactory) -> None:
    url = await url_factory("migrations")
    assert await migration_differences(MIGRATIONS, metadata, url) == []
