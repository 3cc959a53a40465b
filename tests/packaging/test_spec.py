"""The PyInstaller spec leaves out unused Qt modules; this keeps it from leaving out used ones.

A Qt module imported by the app but excluded by the spec would make the bundle fail only when
that screen opens; this test fails at once instead, naming the module to add to QT_USED.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "liaison.spec"
QT_IMPORT = re.compile(r"\bPySide6\.(Qt\w+)")


def _spec_set(name: str) -> set[str]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return set(ast.literal_eval(node.value))
    raise AssertionError(f"{name} not found in {SPEC}")


def test_every_qt_module_the_app_imports_is_bundled() -> None:
    used = {match for path in (ROOT / "gui").rglob("*.py")
            for match in QT_IMPORT.findall(path.read_text(encoding="utf-8"))}
    assert used, "the scan found no Qt imports at all"
    missing = used - _spec_set("QT_USED")
    assert not missing, f"add {sorted(missing)} to QT_USED in packaging/liaison.spec"


def test_no_module_is_both_used_and_excluded() -> None:
    assert not _spec_set("QT_USED") & (_spec_set("QT_ALL") - _spec_set("QT_USED"))
    assert {"QtQml", "QtQuick", "QtWebEngineCore", "QtMultimedia", "Qt3DCore"} <= _spec_set(
        "QT_ALL")


def test_migrations_and_assets_are_data_files() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert "migration_files()" in text and "asset_files()" in text
    assert (ROOT / "db" / "migrations" / "script.py.mako").is_file()
