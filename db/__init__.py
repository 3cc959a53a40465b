"""The Liaison store: tables, catalog lifecycle, search, reads and writes.

Nothing in this package may import Qt or ``gui``: the CLI and the briefing
printer run headless on top of it (enforced by the import-linter contracts in
pyproject.toml and by ``tests/test_layers.py``).
"""
