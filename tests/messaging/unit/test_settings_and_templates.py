"""Settings (the master key), migrations matching the tables, and the mail catalogs."""

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
from babel.messages.catalog import Message
from babel.messages.pofile import read_po
from pydantic import ValidationError
from sqlalchemy import create_engine

from tandem_contracts.mails import CATALOG_LANGUAGES, templates_of
from tandem_kit.db.migrations import upgrade
from tandem_kit.db.tables import kit_metadata
from tandem_kit.i18n import plural_forms
from tandem_messaging.adapters.notifications import LOCALE, MAILS
from tandem_messaging.adapters.tables import metadata
from tandem_messaging.domain.mail_texts import TEMPLATES, WORDS, Text
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


def _entries(path: Path) -> dict[str | None, Message]:
    with path.open("rb") as source:
        return {message.context: message for message in read_po(source) if message.id}


def _forms(message: Message) -> list[str]:
    string = message.string
    if string is None or isinstance(string, str):
        return [string or ""]
    return [form or "" for form in string]


def test_the_template_matches_the_english_source_and_the_contract() -> None:
    """messaging.pot is what translators work from: the msgids of domain/mail_texts.py."""
    pot = _entries(LOCALE / "messaging.pot")
    sources: dict[str, Text] = dict(WORDS)
    for name, (subject, text) in TEMPLATES.items():
        sources |= {f"{name}.subject": subject, f"{name}.text": text}
    assert {k: v.id for k, v in pot.items()} == sources
    assert set(TEMPLATES) == set(templates_of("messaging"))
    for name, spec in templates_of("messaging").items():
        assert MAILS.templates[name].placeholders == spec.placeholders, name


def test_every_catalog_is_complete_with_the_english_placeholders() -> None:
    """All 27 languages (24 EU + ar, tr, uk): every msgid translated, not fuzzy, CLDR's
    number of plural forms, and each form with exactly the msgid's placeholders."""
    pot = _entries(LOCALE / "messaging.pot")
    found = {path.parent.parent.name for path in LOCALE.glob("*/LC_MESSAGES/messaging.po")}
    assert found == CATALOG_LANGUAGES
    for language in sorted(found):
        entries = _entries(LOCALE / language / "LC_MESSAGES" / "messaging.po")
        assert set(entries) == set(pot), language
        for context, source in pot.items():
            entry = entries[context]
            ids = [source.id] if isinstance(source.id, str) else list(source.id)
            expected = set().union(*(Template(i).get_identifiers() for i in ids))
            forms = _forms(entry)
            assert not entry.fuzzy, (language, context)
            assert all(forms), (language, context)
            count = plural_forms(language).count if source.pluralizable else 1
            assert len(forms) == count, (language, context)
            for form in forms:
                assert set(Template(form).get_identifiers()) == expected, (language, context, form)
    assert MAILS.languages == CATALOG_LANGUAGES


def test_the_at_risk_mail_s_figures_follow_a_label_so_need_no_plural() -> None:
    """The manager's at-risk mail words each figure as "label: $value" (analytics' own
    reason texts count "$count days" with plural forms): in every language the figure
    closes its line, so "1" never meets a plural noun ("1 days")."""
    for language in sorted(CATALOG_LANGUAGES):
        entries = _entries(LOCALE / language / "LC_MESSAGES" / "messaging.po")
        for context, entry in entries.items():
            if not (context or "").startswith("risk.reason."):
                continue
            for form in _forms(entry):
                assert "$value" not in form or form.rstrip().endswith(": $value"), (
                    language,
                    context,
                    form,
                )
