"""Organisations: create and list (admin)."""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from tandem_kit.api import RequestModel
from tandem_matching.schemas.common import Name


class OrganisationCreate(RequestModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"name": "Acme Europe"}]})

    name: Name


class OrganisationPublic(BaseModel):
    id: UUID
    name: str
    created_at: dt.datetime
