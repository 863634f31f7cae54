"""Import finished relationships of an earlier programme (CSV) and retrain on them."""

from __future__ import annotations

from dataclasses import asdict
from uuid import UUID, uuid4

from tandem_analytics.adapters import training_data as repo
from tandem_analytics.domain.training_data import TrainingDataError, parse_training_csv
from tandem_analytics.schemas.training_data import ModelPublic, TrainingImportReport
from tandem_analytics.service import risk_model_store
from tandem_analytics.service.context import Context
from tandem_analytics.service.risk_thresholds import require_manager
from tandem_kit.auth import Principal
from tandem_kit.errors import PayloadTooLarge, Unprocessable


async def import_csv(
    ctx: Context, principal: Principal, programme_id: UUID, payload: bytes
) -> TrainingImportReport:
    """All rows or none: any bad cell is a 422 naming its line and column."""
    require_manager(principal, programme_id)
    limit = ctx.settings.training_data_max_bytes
    if len(payload) > limit:
        raise PayloadTooLarge(f"The file is larger than {limit} bytes.")
    try:
        parsed = parse_training_csv(payload, programme_id)
    except TrainingDataError as error:
        raise Unprocessable(f"The CSV file cannot be read: {error}.", code="invalid_csv") from None
    if parsed.errors:
        more = f" (and {parsed.more_errors} more)" if parsed.more_errors else ""
        raise Unprocessable(
            f"{len(parsed.errors)} problems{more} in {parsed.rows} rows; nothing was imported.",
            code="invalid_rows",
            errors=[asdict(e) for e in parsed.errors],
        )
    now = ctx.now()
    import_id = uuid4()
    async with ctx.database.transaction() as session:
        await repo.replace_histories(session, programme_id, import_id, parsed.histories, now)
        held = await repo.count_of(session, programme_id)
        training = await risk_model_store.retrain(session, programme_id, now)
    return TrainingImportReport(
        import_id=import_id,
        rows=parsed.rows,
        relationships=len(parsed.histories),
        relationships_held=held,
        model=ModelPublic.of(training, now),
    )


def may_import(principal: Principal, programme_id: UUID) -> None:
    """The role, checked before the body is looked at (a stranger learns nothing of it)."""
    require_manager(principal, programme_id)


async def model_status(ctx: Context, principal: Principal, programme_id: UUID) -> ModelPublic:
    require_manager(principal, programme_id)
    async with ctx.database.transaction() as session:
        found = await risk_model_store.stored(session, programme_id)
    return ModelPublic.none() if found is None else ModelPublic.of(*found)
