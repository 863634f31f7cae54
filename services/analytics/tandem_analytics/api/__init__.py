"""Routers, one module per feature; ``deps.py`` holds the shared dependencies."""
