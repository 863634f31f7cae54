"""The web app's tests' fixtures: the shared platform (``tests/web/platform.py``)."""

from __future__ import annotations

from tests.web.platform import platform

__all__ = ["platform"]
