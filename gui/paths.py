"""Where Liaison keeps the user's catalog when none is named.

One place for the command line (:mod:`gui.cli.common`) and a plain start of the
app (:mod:`gui.__main__`), which must not load the command-line parser to find it.
"""

from __future__ import annotations

from pathlib import Path


def default_catalog_path() -> Path:
    """Where the catalog lives when none is named: the platform's user data folder."""
    from platformdirs import user_data_path  # only when no catalog is named

    return user_data_path("Liaison", appauthor=False) / "catalog.liaison"
