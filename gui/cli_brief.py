"""``liaison`` commands for briefing sheets (PDF). Headless: no Qt."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gui.cli import Command, Subparsers


def add_commands(commands: Subparsers) -> dict[str, Command]:
    """Add this module's subcommands to the parser; return name -> handler."""
    return {}
