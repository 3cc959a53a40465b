"""Layer rules: the store and the briefing printer never import Qt (or, for db, the GUI)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold() -> None:
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter), "--no-cache"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_headless_commands_load_no_qt(sample_path: Path) -> None:
    """Running `liaison search` must not import PySide6 at all (servers have no display)."""
    code = (
        "import sys\n"
        "from gui.__main__ import main\n"
        f"main(['search', 'chung', '--catalog', {str(sample_path)!r}])\n"
        "import gui.briefing\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
