"""API plumbing every service shares: problem details, strict input, pagination."""

from tandem_kit.api.pagination import (
    Page,
    PageCursor,
    PageLimit,
    decode_cursor,
    encode_cursor,
    keyset,
    keyset_page,
    next_cursor,
    page_of,
)
from tandem_kit.api.problems import ProblemDetails, problems
from tandem_kit.api.strict import RequestModel

__all__ = [
    "Page",
    "PageCursor",
    "PageLimit",
    "ProblemDetails",
    "RequestModel",
    "decode_cursor",
    "encode_cursor",
    "keyset",
    "keyset_page",
    "next_cursor",
    "page_of",
    "problems",
]
