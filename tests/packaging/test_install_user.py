"""packaging/linux/install-user.sh: installs a bundle for one user under ~/.local, and removes it.

Runs the real script against a stand-in bundle (an executable and the icons), so it needs no
PyInstaller build; `make package` + packaging/smoke.sh cover the real bundle.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "linux" / "install-user.sh"
APP_ID = "io.github.liaison.Liaison"


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "dist" / "liaison"
    (folder / "_internal" / "assets").mkdir(parents=True)
    shutil.copytree(ROOT / "assets" / "icons", folder / "_internal" / "assets" / "icons")
    exe = folder / "liaison"
    exe.write_text("#!/bin/sh\necho bundled liaison \"$@\"\n", encoding="utf-8")
    exe.chmod(0o755)
    return folder


def _run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(home)}
    env.pop("XDG_DATA_HOME", None)
    return subprocess.run(["sh", str(SCRIPT), *args], env=env, capture_output=True, text=True,
                          timeout=60)


def test_install_then_uninstall(tmp_path: Path, bundle: Path) -> None:
    home = tmp_path / "home with space"
    home.mkdir()
    share = home / ".local" / "share"
    catalog = share / "Liaison" / "catalog.liaison"
    catalog.parent.mkdir(parents=True)
    catalog.write_bytes(b"my records")

    result = _run(home, str(bundle))
    assert result.returncode == 0, result.stderr
    exe = home / ".local" / "lib" / "liaison" / "liaison"
    link = home / ".local" / "bin" / "liaison"
    assert subprocess.run([str(link), "search", "x"], capture_output=True,
                          text=True).stdout.strip() == "bundled liaison search x"
    desktop = (share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f'Exec="{exe}"' in desktop.splitlines()
    assert f"TryExec={exe}" in desktop.splitlines()
    for size in (16, 48, 256, 512):
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()

    again = _run(home, str(bundle))  # an upgrade replaces the installed bundle
    assert again.returncode == 0, again.stderr
    assert exe.is_file()

    removed = _run(home, "--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert not exe.exists() and not link.exists()
    assert not (share / "applications" / f"{APP_ID}.desktop").exists()
    assert catalog.read_bytes() == b"my records"  # the user's data stays


def test_missing_bundle_is_one_clear_line(tmp_path: Path) -> None:
    result = _run(tmp_path, str(tmp_path / "no-such-bundle"))
    assert result.returncode == 2
    assert "make package" in result.stderr
    assert not (tmp_path / ".local").exists()
