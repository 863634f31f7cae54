"""The kit's API plumbing: problem documentation, Gone, strict bodies, cursors."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

import httpx2
import pytest
from fastapi import FastAPI
from pydantic import ConfigDict, Field, ValidationError

from tandem_kit.api import (
    Page,
    PageCursor,
    PageLimit,
    ProblemDetails,
    RequestModel,
    decode_cursor,
    encode_cursor,
    keyset_page,
    next_cursor,
    page_of,
    problems,
)
from tandem_kit.errors import BadRequest, Gone, Problem


def test_problems_always_document_401_and_422_as_problem_json() -> None:
    responses = problems(404, 409)
    assert list(responses) == [401, 404, 409, 422]
    for status, response in responses.items():
        assert response["content"] == {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}
        }, status
        assert response["description"]
        assert "model" not in response  # a model would add an application/json entry too
    assert list(problems()) == [401, 422]


def test_problems_have_standard_texts_and_per_service_overrides() -> None:
    standard = problems(400, 403, 404, 409, 410, 413, 503)
    assert set(standard) == {400, 401, 403, 404, 409, 410, 413, 422, 503}
    overridden = problems(403, descriptions={403: "A manager asking for content"})
    assert overridden[403]["description"] == "A manager asking for content"
    assert overridden[401]["description"] == standard[401]["description"]
    assert problems(418, descriptions={418: "Teapot"})[418]["description"] == "Teapot"
    with pytest.raises(ValueError, match="418"):
        problems(418)


def test_problem_details_shape() -> None:
    fields = ProblemDetails.model_fields
    assert list(fields) == ["type", "title", "status", "detail", "code", "errors"]
    problem = ProblemDetails(title="Gone", status=410, detail="deleted", code="gone")
    assert problem.type == "about:blank"
    assert problem.errors is None


def test_gone_is_a_410_problem() -> None:
    gone = Gone("The content was deleted for good.", code="retention_over")
    assert isinstance(gone, Problem)
    assert (gone.status, gone.code, gone.title) == (410, "retention_over", "Gone")
    assert Gone("x").code == "gone"


class NoteCreate(RequestModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"text": "hi"}]})

    text: str = Field(min_length=1)


def test_request_models_forbid_unknown_fields_even_with_their_own_config() -> None:
    with pytest.raises(ValidationError) as caught:
        NoteCreate.model_validate({"text": "hi", "txet": "typo"})
    (error,) = caught.value.errors()
    assert error["type"] == "extra_forbidden"
    assert error["loc"] == ("txet",)
    assert NoteCreate.model_json_schema()["examples"] == [{"text": "hi"}]


def test_cursors_round_trip_datetimes_and_uuids_as_text() -> None:
    when = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    ident = UUID("12345678-1234-5678-1234-567812345678")
    cursor = encode_cursor(when, ident, 7)
    assert decode_cursor(cursor, 3) == [when.isoformat(), str(ident), 7]
    assert encode_cursor(when.isoformat(), str(ident), 7) == cursor  # same as before the move
    for bad in ("not-base64!!", encode_cursor(1), "e30"):
        with pytest.raises(BadRequest) as caught:
            decode_cursor(bad, 3)
        assert caught.value.code == "invalid_cursor"


def test_page_of_trims_the_extra_row() -> None:
    rows = [1, 2, 3]
    last = page_of(rows, 3, lambda n: (n,))
    assert last == Page[int](items=[1, 2, 3], next_cursor=None)
    more = page_of(rows, 2, lambda n: (n,))
    assert more.items == [1, 2]
    assert more.next_cursor == encode_cursor(2)
    assert page_of(rows, 2, (2,)).next_cursor == encode_cursor(2)  # a key given directly
    assert next_cursor(rows, 2, lambda n: (n * 10,)) == encode_cursor(20)
    shaped = keyset_page(rows, 2, key=lambda n: (n,), item=str)
    assert shaped == Page[str](items=["1", "2"], next_cursor=encode_cursor(2))


async def test_an_empty_cursor_means_the_first_page() -> None:
    app = FastAPI()

    @app.get("/items")
    async def items(limit: PageLimit = 50, cursor: PageCursor = None) -> dict[str, object]:
        return {"limit": limit, "cursor": cursor}

    transport = httpx2.ASGITransport(app=app)
    async with httpx2.AsyncClient(transport=transport, base_url="http://t") as client:
        assert (await client.get("/items?cursor=")).json() == {"limit": 50, "cursor": None}
        first = await client.get("/items?cursor=abc&limit=3")
        assert first.json() == {"limit": 3, "cursor": "abc"}
        assert (await client.get("/items?limit=0")).status_code == 422
        assert (await client.get("/items?limit=201")).status_code == 422
