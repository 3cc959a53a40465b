"""The Liaison store: tables, catalog lifecycle, search, reads and writes.

Nothing in this package may import Qt or ``gui``: the CLI and the briefing
printer run headless on top of it (enforced by the import-linter contracts in
pyproject.toml and by ``tests/test_layers.py``).
"""

import importlib
from typing import Any


def __getattr__(name: str) -> Any:
    """``db.open_catalog``, the scripting API's door, without loading the store up front.

    Importing ``db.folding`` (say) must stay cheap, so the catalog package loads
    only when ``db.open_catalog`` is first used.
    """
    if name == "open_catalog":
        return importlib.import_module("db.catalog").open_catalog
    raise AttributeError(f"module 'db' has no attribute {name!r}")
