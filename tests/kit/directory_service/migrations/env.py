from tandem_kit.db.migrations import run_alembic_env
from tests.kit.directory_service.tables import metadata

run_alembic_env(metadata)
