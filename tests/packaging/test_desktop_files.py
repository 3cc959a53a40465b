"""Linux desktop integration files: valid by the freedesktop tools, and consistent with each
other, with pyproject.toml and with the PyInstaller spec."""

from __future__ import annotations

import ast
import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.liaison.Liaison"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (make test installs it)")
    return path


def test_desktop_entry_is_valid() -> None:
    result = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_is_valid() -> None:
    result = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "W:" not in result.stdout and "E:" not in result.stdout, result.stdout


def test_desktop_entry_starts_the_bundle_with_its_icon() -> None:
    entry = _entry()
    assert entry["Exec"] == "liaison"  # install-user.sh rewrites it to the installed path
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].split(";")


def test_metainfo_agrees_with_desktop_entry_pyproject_and_spec() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("project_license") == PROJECT["license"]["text"]
    newest = component.find("releases/release")
    assert newest is not None
    assert newest.get("version") == PROJECT["version"], (
        "add a <release> for the new version to the metainfo")
    spec = ast.parse((ROOT / "packaging" / "liaison.spec").read_text(encoding="utf-8"))
    bundle_ids = [ast.literal_eval(node.value) for node in ast.walk(spec)
                  if isinstance(node, ast.Assign)
                  and any(isinstance(t, ast.Name) and t.id == "BUNDLE_ID" for t in node.targets)]
    assert bundle_ids == [APP_ID]


def test_metainfo_screenshot_is_the_committed_one() -> None:
    image_node = ET.parse(METAINFO).getroot().find("screenshots/screenshot/image")
    assert image_node is not None and image_node.text
    relative = image_node.text.split("/main/", 1)[1]
    local = QImage(str(ROOT / relative))
    assert not local.isNull(), relative
    # Software centres show it in a wide frame: a window-sized landscape picture.
    assert local.width() >= 1000 and local.width() > local.height()
