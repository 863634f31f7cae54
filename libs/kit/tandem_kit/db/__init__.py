"""Database access: engines, sessions, the outbox and inbox tables, migrations."""

from tandem_kit.db.database import Database
from tandem_kit.db.tables import inbox_table, kit_metadata, mail_outbox_table, outbox_table

__all__ = ["Database", "inbox_table", "kit_metadata", "mail_outbox_table", "outbox_table"]
