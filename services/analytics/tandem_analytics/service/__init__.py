"""Use cases, one transaction each; ``context.py`` is what every use case is given."""
