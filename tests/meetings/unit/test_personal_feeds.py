"""The feed's pure parts: token shape and hash, If-None-Match, the bounded body cache."""

from __future__ import annotations

import hashlib

from tandem_meetings.domain.personal_feeds import (
    BodyCache,
    etag_of,
    matches,
    new_token,
    token_hash,
)


def test_a_token_is_256_random_bits_and_only_well_formed_ones_hash() -> None:
    tokens = {new_token() for _ in range(100)}
    assert len(tokens) == 100
    token = tokens.pop()
    assert len(token) == 43
    assert token_hash(token) == hashlib.sha256(token.encode()).digest()
    for bad in ("", token[:-1], token + "A", token[:-1] + "/", token[:-1] + "="):
        assert token_hash(bad) is None


def test_if_none_match_compares_weakly_and_knows_star() -> None:
    etag = etag_of("ab" * 32)
    assert etag == '"' + "ab" * 16 + '"'
    assert matches(etag, etag)
    assert matches(f'"x", W/{etag}', etag)
    assert matches("*", etag)
    assert not matches(None, etag)
    assert not matches('"x"', etag)


def test_the_cache_drops_the_least_recently_used_within_its_bytes() -> None:
    cache = BodyCache(max_bytes=10)
    cache.put("a", "ana", b"1234")
    cache.put("b", "max", b"1234")
    assert cache.get("a") == b"1234"  # now the most recent
    cache.put("c", "ana", b"1234")
    assert (cache.get("b"), len(cache), cache.size) == (None, 2, 8)
    cache.put("huge", "bea", b"x" * 11)
    assert cache.get("huge") is None
    cache.forget("ana")
    assert (len(cache), cache.size) == (0, 0)
