from tandem_kit.db.migrations import run_alembic_env
from tandem_meetings.adapters.tables import metadata

run_alembic_env(metadata)
