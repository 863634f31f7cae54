"""Database access: engines, sessions, the outbox and inbox tables, migrations."""

from tandem_kit.db.database import Database, after_commit, vault_of
from tandem_kit.db.tables import inbox_table, kit_metadata, mail_outbox_table, outbox_table

__all__ = [
    "Database",
    "after_commit",
    "inbox_table",
    "kit_metadata",
    "mail_outbox_table",
    "outbox_table",
    "vault_of",
]
