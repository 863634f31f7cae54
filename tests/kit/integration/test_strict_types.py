"""A boolean or a number is not taken from a look-alike of another type (issue 10).

Pydantic's lax mode read JSON ``1`` or ``"true"`` as a boolean, ``true`` or ``"3"`` as an
integer, and ``?flag=0``, ``?flag=on`` as booleans: a client's type confusion passed
unnoticed. ``RequestModel`` makes the bool/int/float parts of a body strict, while a
UUID, a datetime and an enum still come from their JSON strings; query booleans take
``true`` or ``false`` only.
"""

from __future__ import annotations

import datetime as dt
import uuid
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest
from fastapi import APIRouter
from pydantic import Field

from tandem_kit.api import RequestModel
from tandem_kit.testing import RunningApp, assert_problem, run_app
from tests.kit.fixture_service.app import build_app, fixture_settings

router = APIRouter(prefix="/v1/slots", tags=["slots"])


class Colour(StrEnum):
    RED = "red"


class Window(RequestModel):
    hours: int = Field(ge=1)


class SlotCreate(RequestModel):
    owner: uuid.UUID
    starts_at: dt.datetime
    colour: Colour
    public: bool
    capacity: int = Field(ge=0)
    weight: float = 1.0
    open: bool | None = None
    sizes: list[int] = Field(default_factory=list)
    window: Window | None = None


@router.post("", status_code=201)
async def create_slot(body: SlotCreate) -> dict[str, Any]:
    return body.model_dump(mode="json")


@router.get("")
async def list_slots(public: bool | None = None, limit: int = 10) -> dict[str, Any]:
    return {"public": public, "limit": limit}


GOOD: dict[str, Any] = {
    "owner": str(uuid.uuid4()),
    "starts_at": "2026-05-01T09:00:00Z",
    "colour": "red",
    "public": True,
    "capacity": 3,
    "weight": 2,
    "open": False,
    "sizes": [1, 2],
    "window": {"hours": 2},
}


@pytest.fixture
async def app(tmp_path: Path) -> Any:
    settings = fixture_settings(tmp_path, "127.0.0.1:9", run_consumers=False, run_relay=False)
    async with run_app(build_app(settings, routers=[router]), settings) as running:
        yield running


async def test_uuids_datetimes_enums_and_real_scalars_still_parse(app: RunningApp[Any]) -> None:
    created = await app.client.post("/v1/slots", json=GOOD)
    assert created.status_code == 201, created.text
    assert created.json()["starts_at"] == "2026-05-01T09:00:00Z"
    assert created.json()["weight"] == 2.0


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"public": 1}, ["body", "public"]),
        ({"public": 0}, ["body", "public"]),
        ({"public": "true"}, ["body", "public"]),
        ({"open": 0}, ["body", "open"]),
        ({"capacity": True}, ["body", "capacity"]),
        ({"capacity": False}, ["body", "capacity"]),
        ({"capacity": "3"}, ["body", "capacity"]),
        ({"capacity": 3.5}, ["body", "capacity"]),
        ({"weight": True}, ["body", "weight"]),
        ({"weight": "2"}, ["body", "weight"]),
        ({"sizes": [1, "2"]}, ["body", "sizes", 1]),
        ({"window": {"hours": True}}, ["body", "window", "hours"]),
    ],
)
async def test_a_look_alike_of_another_type_is_a_422_naming_the_field(
    app: RunningApp[Any], change: dict[str, Any], loc: list[object]
) -> None:
    refused = await app.client.post("/v1/slots", json={**GOOD, **change})
    body = assert_problem(refused, 422, "validation_error")
    assert [e["loc"] for e in body["errors"]] == [loc]


@pytest.mark.parametrize("value", ["1", "0", "on", "yes", "t", ""])
async def test_a_query_boolean_takes_only_true_or_false(app: RunningApp[Any], value: str) -> None:
    refused = await app.client.get("/v1/slots", params={"public": value})
    body = assert_problem(refused, 422, "validation_error")
    assert body["errors"] == [
        {"loc": ["query", "public"], "msg": "Input should be true or false", "type": "bool_parsing"}
    ]


async def test_query_true_and_false_are_booleans(app: RunningApp[Any]) -> None:
    for value, meant in (("true", True), ("false", False), ("False", False)):
        answer = await app.client.get("/v1/slots", params={"public": value, "limit": "5"})
        assert answer.json() == {"public": meant, "limit": 5}
