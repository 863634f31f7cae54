"""The meetings service's tables (SQLAlchemy Core), mirrored by ``migrations/versions``.

One section per feature, each with its own Alembic revision (named in the section's
heading). Ids are ``Uuid`` columns. Personal data is sealed (``tandem_kit.privacy``:
``LargeBinary`` columns under the person's key) and free text of a relationship is
encrypted under its data key (``tandem_kit.crypto``); no column holds a name, an
address, a feed URL or a note in the clear.
"""

from __future__ import annotations

from sqlalchemy import MetaData

from tandem_kit.directory import add_directory_tables

metadata = MetaData()
add_directory_tables(metadata)


# --- relationships, members and meetings (revision 0002) --------------------------


# --- availability, busy times and external calendar feeds (revision 0003) ---------


# --- (later features append their sections below, each with a revision) -----------
