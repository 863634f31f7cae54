"""The service's tables (the kit's outbox and inbox live on the kit's own metadata).

Ids are ``Uuid`` columns; each table added here gets its Alembic revision.
"""

from __future__ import annotations

from sqlalchemy import MetaData

metadata = MetaData()
