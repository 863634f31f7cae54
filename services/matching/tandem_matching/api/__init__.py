"""Thin routers of the matching service: parse, call one use case, shape the answer."""
