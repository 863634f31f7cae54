from tandem_analytics.adapters.tables import metadata
from tandem_kit.db.migrations import run_alembic_env

run_alembic_env(metadata)
