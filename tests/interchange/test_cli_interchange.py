"""``liaison import | export | duplicates`` as a user runs them, in real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.interchange.files import write_csv, write_xlsx

ROOT = Path(__file__).resolve().parents[2]


def liaison(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "gui", *args], cwd=ROOT, text=True,
                          capture_output=True, env=env, timeout=300)


def test_import_reports_bad_rows_and_writes_nothing_unless_told(tmp_path: Path) -> None:
    catalog = tmp_path / "c.liaison"
    assert liaison("init", str(catalog), "--empty").returncode == 0
    rows = [["Họ và tên", "Email"]] + [[f"Nguyễn Văn {n}", f"v{n}@x.vn"] for n in range(20)]
    rows[5][1] = "broken"
    path = write_csv(tmp_path / "people.csv", rows, delimiter=";", bom=True)
    refused = liaison("import", str(path), "--catalog", str(catalog))
    assert refused.returncode == 2
    assert refused.stdout.startswith("error: row 6, Email: Not a valid e-mail")
    assert "nothing was imported" in refused.stderr and "Traceback" not in refused.stderr
    dry = liaison("import", str(path), "--catalog", str(catalog), "--dry-run",
                  "--skip-bad-rows", "--json")
    report = json.loads(dry.stdout)
    assert report["created"]["person"] == 19 and report["bad_rows"] == [6]
    assert report["mapping"] == {"Họ và tên": "full_name", "Email": "email"}
    done = liaison("import", str(path), "--catalog", str(catalog), "--skip-bad-rows")
    assert done.returncode == 0 and "created 19 people" in done.stdout
    again = liaison("import", str(path), "--catalog", str(catalog), "--skip-bad-rows")
    assert "created nothing" in again.stdout and "19 already in the catalog" in again.stdout


def test_map_sheet_and_encoding_options(tmp_path: Path) -> None:
    catalog = tmp_path / "c.liaison"
    liaison("init", str(catalog), "--empty")
    book = write_xlsx(tmp_path / "k.xlsx", [["Khách", "Hộp thư"], ["Bruno Angelet", "b@eu.eu"]],
                      sheet="Khách mời")
    result = liaison("import", str(book), "--catalog", str(catalog), "--sheet", "Khách mời",
                     "--map", "Khách=full_name", "--map", "Hộp thư=email", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["created"] == {"person": 1}
    bad_map = liaison("import", str(book), "--catalog", str(catalog), "--map", "Khách=shoe")
    assert bad_map.returncode == 2 and "has no field 'shoe'" in bad_map.stderr
    csv_path = write_csv(tmp_path / "a.csv", [["Name"], ["Ana"]])
    wrong = liaison("import", str(csv_path), "--catalog", str(catalog), "--encoding", "nope")
    assert wrong.returncode == 2 and wrong.stderr.count("\n") == 1


def test_export_and_duplicates(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "people.csv"
    result = liaison("export", "csv", "-o", str(out), "--catalog", str(sample_path),
                     "--language", "vi")
    assert result.returncode == 0 and out.read_text(encoding="utf-8-sig").startswith(
        "Danh xưng,Tên,Họ")
    ics = tmp_path / "all.ics"
    assert liaison("export", "ical", "-o", str(ics), "--catalog", str(sample_path)
                   ).returncode == 0
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")
    twins = liaison("duplicates", "--catalog", str(sample_path), "--json")
    assert twins.returncode == 0 and isinstance(json.loads(twins.stdout), list)
    nowhere = liaison("export", "json", "-o", str(tmp_path / "no" / "x.json"), "--catalog",
                      str(sample_path))
    assert nowhere.returncode == 2 and "does not exist" in nowhere.stderr
