"""A personal-data vault for tests that open a service's database outside its app."""

from __future__ import annotations

import os

from tandem_kit.db.database import Database
from tandem_kit.privacy import PersonalVault


def throwaway_vault(namespace: str = "tandem.test.personal/v1") -> PersonalVault:
    """A vault under a fresh random master key (what it seals, only it opens)."""
    return PersonalVault(os.urandom(32), namespace=namespace)


def database_with_vault(url: str) -> Database:
    """``Database(url)`` with a :func:`throwaway_vault`: the kit's directory, mail outbox and
    outbox writer seal personal fields, so they need one."""
    return Database(url, vault=throwaway_vault())
