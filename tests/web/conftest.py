"""The web app's tests' fixtures: the shared platform (``tests/web/platform.py``) and its
two more pairs."""

from __future__ import annotations

from tests.web.platform import pairs, platform

__all__ = ["pairs", "platform"]
