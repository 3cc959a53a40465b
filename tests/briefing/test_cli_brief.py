"""``liaison brief`` as a user runs it: a real process, real files, exit codes, one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.briefing.pdfcheck import bookmarks, page_sizes, pages_text, text_of

ROOT = Path(__file__).resolve().parents[2]


def liaison(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gui", *args], cwd=ROOT, text=True,
                          capture_output=True, env={**os.environ}, timeout=120)


def assert_user_error(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert lines == [f"liaison: {message}"], result.stderr
    assert "Traceback" not in result.stderr


def test_brief_a_delegation(sample_path: Path, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "hanoi.pdf"
    result = liaison("brief", "delegation", "1", "-o", str(target), "--catalog", str(sample_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(target)
    text = text_of(target.read_bytes())
    assert "EU World Cities delegation to Hanoi" in text and "Bruno Angelet" in text
    assert sorted(p.name for p in target.parent.iterdir()) == ["hanoi.pdf"]


def test_brief_a_pack_on_letter_with_a_classification(sample_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "pack.pdf"
    result = liaison("brief", "delegation", "1", "--pack", "--paper", "letter",
                     "--classification", "For official use", "-o", str(target),
                     "--catalog", str(sample_path))
    assert result.returncode == 0, result.stderr
    data = target.read_bytes()
    assert set(page_sizes(data)) == {(612, 792)}
    assert all("FOR OFFICIAL USE" in page for page in pages_text(data))
    assert [b.title for b in bookmarks(data) if b.level == 1][1:3] == [
        "Bio sheet: Bruno Angelet", "Bio sheet: Ramón López"]


@pytest.mark.parametrize(("kind", "record", "expected"), [
    ("person", "1", "Nguyễn Đức Chung"), ("pairing", "2", "Ho Chi Minh City – Košice"),
    ("event", "4", "CICON HCMC 2023"),
])
def test_brief_each_kind(sample_path: Path, tmp_path: Path, kind: str, record: str,
                         expected: str) -> None:
    target = tmp_path / f"{kind}.pdf"
    result = liaison("brief", kind, record, "-o", str(target), "--catalog", str(sample_path))
    assert result.returncode == 0, result.stderr
    assert expected in text_of(target.read_bytes())


def test_brief_all_delegations_into_a_folder(sample_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "briefings"
    result = liaison("brief", "delegation", "--all", "-o", f"{folder}/",
                     "--catalog", str(sample_path))
    assert result.returncode == 0, result.stderr
    files = sorted(folder.iterdir())
    assert [p.name[:14] for p in files] == [f"delegation-00{i}" for i in range(1, 5)]
    assert result.stdout.split() == [str(p) for p in files]
    for path in files:
        assert path.read_bytes().startswith(b"%PDF-")


def test_unknown_id_is_one_line(sample_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "x.pdf"
    result = liaison("brief", "delegation", "99", "-o", str(target),
                     "--catalog", str(sample_path))
    assert_user_error(result, "There is no delegation with id 99.")
    assert not target.exists()
    result = liaison("brief", "delegation", "99", "--pack", "-o", str(target),
                     "--catalog", str(sample_path))
    assert_user_error(result, "There is no delegation with id 99.")


def test_unwritable_output_is_one_line(sample_path: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "x.pdf"
    result = liaison("brief", "event", "3", "-o", str(missing), "--catalog", str(sample_path))
    assert_user_error(result, f"Cannot write {missing}: the folder {missing.parent} does not "
                              "exist.")
    result = liaison("brief", "event", "3", "-o", str(tmp_path), "--catalog", str(sample_path))
    assert_user_error(result, f"Cannot write {tmp_path}: it is a folder; name a PDF file.")
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x")
    result = liaison("brief", "event", "3", "-o", str(a_file / "x.pdf"),
                     "--catalog", str(sample_path))
    assert_user_error(result, f"Cannot write {a_file / 'x.pdf'}: {a_file} is not a folder.")
    result = liaison("brief", "event", "--all", "-o", str(a_file), "--catalog", str(sample_path))
    assert_user_error(result, f"Cannot write into {a_file}: it is a file, not a folder.")
    assert a_file.read_text() == "x"


@pytest.mark.parametrize(("args", "message"), [
    (("brief", "person", "-o", "x.pdf"), "Name the person to print by its ID, or use --all."),
    (("brief", "person", "1", "--all", "-o", "x"), "Give an ID or --all, not both."),
    (("brief", "event", "1", "--pack", "-o", "x.pdf"), "--pack is for delegations only."),
])
def test_bad_combinations_are_one_line(sample_path: Path, args: tuple[str, ...],
                                       message: str) -> None:
    assert_user_error(liaison(*args, "--catalog", str(sample_path)), message)


def test_bad_arguments_are_one_line(sample_path: Path) -> None:
    for args in (("brief", "person", "abc", "-o", "x.pdf"),
                 ("brief", "city", "1", "-o", "x.pdf"),
                 ("brief", "person", "1", "-o", "x.pdf", "--paper", "a3")):
        result = liaison(*args, "--catalog", str(sample_path))
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr


def test_a_missing_catalog_is_one_line(tmp_path: Path) -> None:
    result = liaison("brief", "person", "1", "-o", str(tmp_path / "x.pdf"),
                     "--catalog", str(tmp_path / "nope.liaison"))
    assert result.returncode == 2 and "There is no catalog" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
