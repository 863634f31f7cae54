"""All SQL (``tables.py`` and one repository module per feature) and other I/O."""
