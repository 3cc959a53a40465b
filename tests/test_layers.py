"""Layer rules: the store and the briefing printer never import Qt (or, for db, the GUI)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
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


def test_every_widget_module_is_under_the_no_sql_contract() -> None:
    """A new gui module is either headless (CLI, briefing) or a widget the contract covers."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        config = tomllib.load(f)
    contract = next(c for c in config["tool"]["importlinter"]["contracts"]
                    if c["name"].startswith("Widgets run no SQL"))
    covered = set(contract["source_modules"])
    headless = {"gui.cli", "gui.briefing", "gui.__main__", "gui.__init__"}
    gui = ROOT / "gui"
    modules = {f"gui.{p.stem}" for p in gui.glob("*.py")} | {
        f"gui.{p.name}" for p in gui.iterdir() if (p / "__init__.py").exists()}
    missing = sorted(modules - covered - headless)
    assert not missing, f"add to the no-SQL contract in pyproject.toml: {missing}"
