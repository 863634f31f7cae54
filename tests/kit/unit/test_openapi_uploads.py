"""A multipart body's file is documented so that a generated client uploads it as a file.

FastAPI writes an ``UploadFile`` as OpenAPI 3.1's ``contentMediaType`` string; from that
alone openapi-python-client typed matching's CSV as text and sent it as a plain form
field without a file name, which matching refused (found by the web app's import page;
``tests/web/unit/test_matching_pages_rules.py`` checks the generated client's part).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import FastAPI, File, UploadFile

from tandem_kit.api.openapi import finish_document


def test_an_uploaded_file_is_a_binary_string_in_the_document() -> None:
    app = FastAPI()

    @app.post("/v1/things/csv")
    async def import_things(file: Annotated[UploadFile, File(description="a CSV")]) -> None:
        del file

    document = app.openapi()
    finish_document(document, default_body_limit=1024)
    [body] = [
        schema
        for name, schema in document["components"]["schemas"].items()
        if name.startswith("Body_")
    ]
    assert body["properties"]["file"]["type"] == "string"
    assert body["properties"]["file"]["format"] == "binary"
