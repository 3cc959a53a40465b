"""The command line on the office server: init, demo, check, search; errors on one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.office.pgserver import PgServer

ROOT = Path(__file__).resolve().parents[2]


def liaison(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gui", *args], cwd=ROOT, text=True,
                          capture_output=True, timeout=300,
                          env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen",
                               "HOME": str(ROOT), "PYTHONPATH": str(ROOT)})


def test_init_check_and_search_on_a_server(pg_server: PgServer, pg_empty_url: str,
                                           tmp_path: Path) -> None:
    url = pg_empty_url.replace("postgresql+psycopg://", "postgres://")
    made = liaison("init", "--database-url", url)
    assert made.returncode == 0, made.stderr
    assert "18 people" in made.stdout
    again = liaison("init", "--database-url", url)
    assert again.returncode == 2 and len(again.stderr.strip().splitlines()) == 1
    assert "already holds a Liaison catalog" in again.stderr
    checked = liaison("check", "--database-url", url)
    assert checked.returncode == 0, checked.stderr
    assert "search index: in step" in checked.stdout and "server's job" in checked.stdout
    found = liaison("search", "Nguyễn Đức Chung", "--json", "--database-url", url)
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)[0]["title"] == "Nguyễn Đức Chung"
    refused = liaison("backup", "--database-url", url)
    assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1
    assert "backed up by its server" in refused.stderr and "export json" in refused.stderr
    copy = tmp_path / "copy.json"
    exported = liaison("export", "json", "-o", str(copy), "--database-url", url)
    assert exported.returncode == 0, exported.stderr
    assert "Nguyễn Đức Chung" in copy.read_text(encoding="utf-8")
    database = url.rsplit("/", 1)[1]
    pg_server.sql(database, "DELETE FROM search_index WHERE kind = 'city'")
    broken = liaison("check", "--database-url", url)
    assert broken.returncode == 2 and "search index holds 0 of" in broken.stderr
    repaired = liaison("check", "--database-url", url, "--repair")
    assert repaired.returncode == 0 and "Rebuilt the search index" in repaired.stdout


def test_demo_on_a_server(pg_empty_url: str) -> None:
    made = liaison("demo", "--database-url", pg_empty_url, "--people", "300")
    assert made.returncode == 0, made.stderr
    assert "300 people" in made.stdout
    checked = liaison("check", "--database-url", pg_empty_url)
    assert checked.returncode == 0, checked.stderr


def test_an_unreachable_server_is_one_line(pg_server: PgServer) -> None:
    for args in (("search", "x"), ("check",), ("init",)):
        result = liaison(*args, "--database-url",
                         f"postgresql://postgres@127.0.0.1:{pg_server.port + 1}/liaison")
        assert result.returncode == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "check the host and port" in lines[0], result.stderr
