"""``python -m tandem_matching`` is ``tandem-matching``."""

from tandem_matching.main import cli

cli()
