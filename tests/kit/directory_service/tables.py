"""A miniature consuming service that keeps a directory and nothing else of its own."""

from __future__ import annotations

from sqlalchemy import MetaData

from tandem_kit.directory import add_directory_tables

metadata = MetaData()
add_directory_tables(metadata)
