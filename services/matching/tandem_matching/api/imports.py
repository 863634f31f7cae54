"""Bulk imports of participants: a CSV upload or the same rows as JSON (manager)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, File, Query, UploadFile, status

from tandem_kit.api import Page, PageCursor, PageLimit, problems
from tandem_kit.auth import CurrentPrincipal
from tandem_kit.errors import PayloadTooLarge
from tandem_kit.guard import BODY_LIMIT_EXTRA
from tandem_matching.api.deps import Ctx, Settings
from tandem_matching.domain.imports import ImportMode
from tandem_matching.schemas.imports import ImportReport, ImportRequest
from tandem_matching.service import imports as use

# The transport ceiling for an import's body (multipart overhead included); the file
# itself is held to ``import_max_bytes`` (10 MiB by default) by the route.
IMPORT_BODY_LIMIT = 32 * 1024 * 1024

router = APIRouter(prefix="/v1/programmes/{programme_id}/imports", tags=["imports"])

Mode = Annotated[
    ImportMode,
    Query(
        description="all_or_nothing: any bad row → 422, nothing written. "
        "valid_only: import the good rows, report the bad ones."
    ),
]

_FILE = "CSV with a header; UTF-8 (with or without BOM) or Windows-1252; `,` `;` or tab."

_CREATED = (
    "Every row is validated; bad rows are reported with their line and reason. "
    "Emits one `participant.registered` per imported row."
)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Import participants from JSON",
    description=_CREATED,
    responses=problems(403, 404, 413),
    openapi_extra={BODY_LIMIT_EXTRA: IMPORT_BODY_LIMIT},
)
async def import_json(
    programme_id: UUID,
    body: ImportRequest,
    principal: CurrentPrincipal,
    ctx: Ctx,
    settings: Settings,
    mode: Mode = ImportMode.ALL_OR_NOTHING,
) -> ImportReport:
    return await use.import_participants(
        ctx, principal, programme_id, body.rows, mode=mode, max_rows=settings.import_max_rows
    )


@router.post(
    "/csv",
    status_code=status.HTTP_201_CREATED,
    summary="Import participants from a CSV file (multipart upload)",
    description=_CREATED + " Columns: subject, role, display_name, email, "
    "preferred_language, country, time_zone, languages, city, availability, "
    "sector, skills, goals, preferred_format, modality, capacity, "
    "linkedin_url, linkedin_consent. Lists use `;`; availability is like "
    "`mon 18:00-20:00;thu 09:00-11:30`.",
    openapi_extra={BODY_LIMIT_EXTRA: IMPORT_BODY_LIMIT},
    responses=problems(403, 404, 413),
)
async def import_csv(
    programme_id: UUID,
    file: Annotated[UploadFile, File(description=_FILE)],
    principal: CurrentPrincipal,
    ctx: Ctx,
    settings: Settings,
    mode: Mode = ImportMode.ALL_OR_NOTHING,
) -> ImportReport:
    data = await file.read(settings.import_max_bytes + 1)
    if len(data) > settings.import_max_bytes:
        raise PayloadTooLarge(f"The file is larger than {settings.import_max_bytes} bytes.")
    return await use.import_participants(
        ctx, principal, programme_id, data, mode=mode, max_rows=settings.import_max_rows
    )


@router.get("", summary="List imports (manager)", responses=problems(403, 400, 404))
async def list_imports(
    programme_id: UUID,
    principal: CurrentPrincipal,
    ctx: Ctx,
    cursor: PageCursor = None,
    limit: PageLimit = 50,
) -> Page[ImportReport]:
    return await use.list_imports(ctx, principal, programme_id, cursor, limit)


@router.get("/{import_id}", summary="Read an import report (manager)", responses=problems(403, 404))
async def get_import(
    programme_id: UUID, import_id: UUID, principal: CurrentPrincipal, ctx: Ctx
) -> ImportReport:
    return await use.get_import(ctx, principal, programme_id, import_id)
