"""Every service's master key: configured, or a development key created once on disk."""

from __future__ import annotations

import base64
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pydantic import ValidationError

from tandem_kit.settings import ServiceSettings

JWKS = {"auth": {"jwks_url": "https://id.example.org/jwks"}}


def test_processes_starting_together_create_one_development_key(tmp_path: Path) -> None:
    settings = ServiceSettings(master_key_file=str(tmp_path / "keys" / "service-master.key"))
    with ThreadPoolExecutor(max_workers=8) as pool:
        keys = set(pool.map(lambda _: settings.master_key_bytes(), range(32)))
    assert len(keys) == 1
    assert len(next(iter(keys))) == 32
    assert [p.name for p in (tmp_path / "keys").iterdir()] == ["service-master.key"]


def test_the_default_key_file_is_named_after_the_service() -> None:
    assert ServiceSettings(service_name="meetings").master_key_path == Path(
        ".data/meetings-master.key"
    )


def test_production_needs_a_master_key_of_32_bytes() -> None:
    with pytest.raises(ValidationError, match="MASTER_KEY must be set in production"):
        ServiceSettings(environment="production", **JWKS)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="32 bytes"):
        ServiceSettings(master_key=base64.b64encode(b"short").decode())
    key = base64.b64encode(b"k" * 32).decode()
    settings = ServiceSettings(environment="production", master_key=key, **JWKS)  # type: ignore[arg-type]
    assert settings.master_key_bytes() == b"k" * 32
