"""Moved to :mod:`tandem_kit.api.pagination`; this re-export goes once no service imports it."""

from tandem_kit.api.pagination import (
    Page,
    PageCursor,
    PageLimit,
    decode_cursor,
    encode_cursor,
    page_of,
)

__all__ = ["Page", "PageCursor", "PageLimit", "decode_cursor", "encode_cursor", "page_of"]
