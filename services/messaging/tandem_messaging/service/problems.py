"""Problems the kit does not define."""

from __future__ import annotations

from tandem_kit.errors import Problem


class Gone(Problem):
    """The content existed and was deleted for good (the programme's retention ended)."""

    status, code, title = 410, "gone", "Gone"
