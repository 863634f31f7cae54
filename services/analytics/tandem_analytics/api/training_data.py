"""Finished relationships of an earlier programme to train the drop-out model on (managers)."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request, status

from tandem_analytics.api.deps import Ctx, problems
from tandem_analytics.domain.training_data import COLUMNS
from tandem_analytics.schemas.training_data import ModelPublic, TrainingImportReport
from tandem_analytics.service import training_data as use
from tandem_kit.auth import CurrentPrincipal
from tandem_kit.errors import Problem
from tandem_kit.guard import BODY_LIMIT_EXTRA

# The transport ceiling; the file itself is held to ``training_data_max_bytes`` (5 MiB
# by default), so a deployment may lower it without a new OpenAPI document.
TRAINING_DATA_BODY_LIMIT = 16 * 1024 * 1024

router = APIRouter(prefix="/v1/programmes/{programme_id}/training-data", tags=["drop-out risk"])


class UnsupportedMediaType(Problem):
    status, code, title = 415, "unsupported_media_type", "Unsupported media type"


_CSV_BODY = {
    "required": True,
    "description": "UTF-8 CSV (a BOM is allowed), comma-separated, a header of exactly "
    "these columns in any order: " + ", ".join(f"`{c}`" for c in COLUMNS) + ".",
    "content": {"text/csv": {"schema": {"type": "string"}}},
}


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Import finished relationships (CSV) and retrain the model (its managers)",
    description="One row per relationship and programme week: the relationship's "
    "reference, start, outcome (`completed` or `ended_early`), end and time-zone gap "
    "repeated on each of its rows; the week's messages per side, median response hours "
    "per side, the day of its last two-way contact, meetings planned, attended and "
    "no-shows, face-to-face planned and held, the check-in score (1-5). Empty latency, "
    "contact day or score: none that week. Any bad cell is a 422 listing line, column "
    "and problem, and nothing is imported. A relationship imported again is replaced. "
    "The model is then retrained on every imported relationship and used only if it "
    "beats the rules on the later ones, held out.",
    responses=problems(403, 404, 413, 415),
    openapi_extra={"requestBody": _CSV_BODY, BODY_LIMIT_EXTRA: TRAINING_DATA_BODY_LIMIT},
)
async def import_training_data(
    programme_id: UUID, request: Request, principal: CurrentPrincipal, ctx: Ctx
) -> TrainingImportReport:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    use.may_import(principal, programme_id)  # the role before the body's type
    if media != "text/csv":
        raise UnsupportedMediaType("Send the file as text/csv.")
    return await use.import_csv(ctx, principal, programme_id, await request.body())


@router.get(
    "",
    summary="The programme's drop-out model: its decision and held-out figures (its managers)",
    responses=problems(403, 404),
)
async def get_model(programme_id: UUID, principal: CurrentPrincipal, ctx: Ctx) -> ModelPublic:
    return await use.model_status(ctx, principal, programme_id)
