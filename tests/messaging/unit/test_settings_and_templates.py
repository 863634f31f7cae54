"""Settings (the master key), migrations matching the tables, and the mail templates."""

from __future__ import annotations

import base64
import logging
import os
import stat
from pathlib import Path
from string import Template

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from pydantic import ValidationError
from sqlalchemy import create_engine

from tandem_kit.db.migrations import upgrade
from tandem_kit.db.tables import kit_metadata
from tandem_messaging.adapters.notifications import CATALOG
from tandem_messaging.adapters.tables import metadata
from tandem_messaging.domain.mail_texts import (
    LINKEDIN_INTRO,
    ROLE_NAMES,
    SOMEONE,
    TEMPLATES,
    UNREAD_LINE,
)
from tandem_messaging.main import MIGRATIONS
from tandem_messaging.settings import MessagingSettings

JWKS = {"auth": {"jwks_url": "https://idp.example.org/jwks"}}


def test_the_master_key_must_be_32_bytes_of_base64() -> None:
    good = base64.b64encode(os.urandom(32)).decode()
    assert len(MessagingSettings(master_key=good).master_key_bytes()) == 32
    for bad in ("not base64!", base64.b64encode(b"short").decode()):
        with pytest.raises(ValidationError):
            MessagingSettings(master_key=bad)


def test_production_refuses_to_start_without_a_master_key() -> None:
    with pytest.raises(ValidationError, match="MASTER_KEY"):
        MessagingSettings(environment="production", **JWKS)  # type: ignore[arg-type]
    key = base64.b64encode(os.urandom(32)).decode()
    MessagingSettings(environment="production", master_key=key, **JWKS)  # type: ignore[arg-type]


def test_the_embedded_default_generates_and_keeps_a_key_loudly(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "data" / "master.key"
    settings = MessagingSettings(master_key_file=str(path))
    with caplog.at_level(logging.WARNING):
        first = settings.master_key_bytes()
    assert "NO TANDEM_MESSAGING_MASTER_KEY SET" in caplog.text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert settings.master_key_bytes() == first, "the same key on every start"


def test_settings_defaults() -> None:
    settings = MessagingSettings()
    assert (settings.service_name, settings.http_port) == ("messaging", 8002)
    assert settings.database_url == "sqlite+aiosqlite:///.data/messaging.db"
    assert settings.model_config["env_prefix"] == "TANDEM_MESSAGING_"


def test_the_migration_creates_exactly_the_tables_the_code_uses(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'm.db'}"
    upgrade(MIGRATIONS, url)
    engine = create_engine(f"sqlite:///{tmp_path / 'm.db'}")
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = [d for d in compare_metadata(context, metadata) if not _is_kit_table(d)]
    engine.dispose()
    assert differences == []


def _is_kit_table(difference: object) -> bool:
    """Kit tables are the kit's (created by create_kit_tables, compared by its own tests)."""
    items = difference if isinstance(difference, tuple) else (difference,)
    names = {getattr(item, "name", None) for item in items}
    names |= {getattr(getattr(item, "table", None), "name", None) for item in items}
    return bool(names & set(kit_metadata.tables))


def test_every_mail_exists_in_four_languages_with_the_same_placeholders() -> None:
    for name, versions in TEMPLATES.items():
        assert set(versions) == {"en", "de", "fr", "es"}, name
        expected = CATALOG.placeholders(name, "en")
        for language in versions:
            assert CATALOG.placeholders(name, language) == expected, (name, language)
    for table in (ROLE_NAMES, LINKEDIN_INTRO, UNREAD_LINE, SOMEONE):
        assert set(table) == {"en", "de", "fr", "es"}
    assert all(
        set(Template(line).get_identifiers()) == {"count", "names"} for line in UNREAD_LINE.values()
    )
    assert CATALOG.resolve_language("message-new", "de-AT") == "de"
    assert CATALOG.resolve_language("message-new", "pt-BR") == "en"
