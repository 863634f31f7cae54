"""The one ``MetaData`` of analytics' tables (``tables.py`` and the modules it imports),
with the kit's directory tables on it."""

from __future__ import annotations

from sqlalchemy import MetaData

from tandem_kit.directory import add_directory_tables

metadata = MetaData()
add_directory_tables(metadata)
