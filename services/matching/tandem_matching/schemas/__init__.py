"""Pydantic API schemas of the matching service, one module per feature."""
